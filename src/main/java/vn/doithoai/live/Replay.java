package vn.doithoai.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Event;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.StatePatch;
import vn.doithoai.store.StoredEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored events applied to a state, computed without touching an owner: it runs on the snapshot
 * pool, so a long log (a second, cold, for thousands of events) does not hold up the event loop a
 * meeting shares with others. The owner takes the result on its own context.
 *
 * @param recent   the last events replayed, at most as many as were asked for, oldest first
 * @param answered the command ids in the events, each with the span of its events
 */
record Replay(MeetingState state, long lastSeq, List<Published> recent, Map<String, CommandResult> answered) {

    static Replay of(MeetingState from, long fromSeq, List<StoredEvent> events, int keepRecent)
            throws JsonProcessingException {
        MeetingState state = from;
        long lastSeq = fromSeq;
        int keptFrom = events.size() - keepRecent;
        var recent = new ArrayList<Published>(Math.min(keepRecent, events.size()));
        var answered = new HashMap<String, CommandResult>();
        for (int i = 0; i < events.size(); i++) {
            StoredEvent stored = events.get(i);
            Class<? extends Event> type = TypeNames.EVENTS.byName(stored.type())
                    .orElseThrow(() -> new IllegalArgumentException("unknown event type " + stored.type()));
            Event event = Json.read(stored.payload(), type);
            MeetingState before = state;
            state = event.apply(state, stored.at());
            lastSeq = stored.seq();
            if (i >= keptFrom) {
                recent.add(new Published(stored.seq(), stored.at(), Actor.fromLabel(stored.actor()), event,
                        stored.payload(), StatePatch.between(before, state), stored.staffPatch()));
            }
            if (stored.commandId() != null) {
                CommandResult earlier = answered.get(stored.commandId());
                answered.put(stored.commandId(), CommandResult.stored(earlier == null ? stored.seq() : earlier.firstSeq(), stored.seq()));
            }
        }
        return new Replay(state, lastSeq, recent, answered);
    }
}
