package vn.doithoai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.doithoai.codec.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Applies the state patches of event frames to a snapshot, as a screen does (docs/protocol.md §4):
 * fields are replaced, registrations merged by id, the queue changed by its ops, turns/minutes/conclusions set by position.
 */
public final class Patches {

    private static final Set<String> BY_POSITION = Set.of("turns", "minutes", "conclusions");

    private Patches() {
    }

    public static ObjectNode apply(JsonNode snapshot, Iterable<JsonNode> eventFrames) {
        ObjectNode state = snapshot.deepCopy();
        for (JsonNode frame : eventFrames) {
            apply(state, frame.path("patch"));
        }
        return state;
    }

    static void apply(ObjectNode state, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            var part = it.next();
            if (part.getKey().equals("queueOps")) {
                for (JsonNode op : part.getValue()) {
                    ObjectNode one = Json.object();
                    one.set(op.has("remove") ? "queueRemove" : "queueInsert", op.has("remove") ? op.get("remove") : op);
                    apply(state, one);
                }
            } else if (part.getKey().equals("queueAppend")) {
                ((ArrayNode) state.get("queue")).addAll((ArrayNode) part.getValue());
            } else if (part.getKey().equals("queueInsert")) {
                ((ArrayNode) state.get("queue")).insert(part.getValue().path("at").asInt(), part.getValue().path("id").asInt());
            } else if (part.getKey().equals("queueRemove")) {
                ArrayNode queue = (ArrayNode) state.get("queue");
                for (int i = 0; i < queue.size(); i++) {
                    if (queue.get(i).asInt() == part.getValue().asInt()) {
                        queue.remove(i);
                        break;
                    }
                }
            } else if (part.getKey().equals("registrations")) {
                ObjectNode registrations = (ObjectNode) state.get("registrations");
                part.getValue().fields().forEachRemaining(r -> registrations.set(r.getKey(), r.getValue()));
            } else if (BY_POSITION.contains(part.getKey())) {
                ArrayNode list = (ArrayNode) state.get(part.getKey());
                part.getValue().fields().forEachRemaining(e -> {
                    int index = Integer.parseInt(e.getKey());
                    if (index < list.size()) {
                        list.set(index, e.getValue());
                    } else {
                        list.add(e.getValue());
                    }
                });
            } else {
                state.set(part.getKey(), part.getValue());
            }
        }
    }
}
