package vn.doithoai.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.petition.FieldList;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each commune's list of petition fields: a short stream in the ledger, replayed on top of the
 * defaults and kept in memory (a list changes a few times a year and is read on every form).
 */
public final class PetitionFieldStore {

    public static final String KIND = "petition-fields";
    private static final TypeNames<FieldList.Event> NAMES = TypeNames.of(FieldList.Event.class);

    /** The list as it stands and the sequence of its last event. */
    public record Loaded(FieldList list, long seq) {
    }

    private final Pool pool;
    private final Ledger ledger;
    private final Map<UUID, Loaded> cache = new ConcurrentHashMap<>();

    public PetitionFieldStore(Pool pool, Ledger ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    public static UUID streamOf(UUID communeId) {
        return UUID.nameUUIDFromBytes((KIND + ":" + communeId).getBytes(StandardCharsets.UTF_8));
    }

    public Future<Loaded> of(UUID communeId) {
        Loaded known = cache.get(communeId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return ledger.history(streamOf(communeId)).map(entries -> {
            FieldList list = FieldList.start();
            for (Ledger.Entry entry : entries) {
                list = list.apply(parse(entry));
            }
            Loaded loaded = new Loaded(list, entries.size());
            cache.put(communeId, loaded);
            return loaded;
        });
    }

    public Future<Loaded> record(UUID communeId, Loaded before, List<FieldList.Event> events, String actor, Instant at) {
        FieldList after = before.list();
        for (FieldList.Event event : events) {
            after = after.apply(event);
        }
        Loaded result = new Loaded(after, before.seq() + events.size());
        var stream = new Ledger.Stream(KIND, streamOf(communeId), communeId);
        return pool.withTransaction(tx -> ledger.append(tx, stream, before.seq(), events, NAMES, actor, at))
                .onFailure(failure -> cache.remove(communeId))
                .map(last -> {
                    cache.put(communeId, result);
                    return result;
                });
    }

    private static FieldList.Event parse(Ledger.Entry entry) {
        try {
            return Json.read(entry.payload(), NAMES.byName(entry.type()).orElseThrow(
                    () -> new IllegalStateException("unknown field list event " + entry.type())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a field list event cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
