package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The append-only log of everything beside the live meetings (V8): each account, office, plan and
 * petition is a stream of events numbered from 1, appended with the sequence its writer decided
 * on, so a second writer that decided on the same state fails ({@link AppendConflict}) instead of
 * overwriting. The stores append here and update their read models in the same transaction.
 */
public final class Ledger {

    private static final String APPEND = """
            INSERT INTO ledger (stream_id, seq, stream_kind, commune_id, type, payload, actor, occurred_at)
            SELECT $1, seq, $2, $3, type, payload::jsonb, $4, $5
            FROM unnest($6::bigint[], $7::text[], $8::text[]) AS e(seq, type, payload)""";
    private static final String HISTORY = """
            SELECT seq, type, payload::text AS payload, actor, occurred_at FROM ledger
            WHERE stream_id = $1 ORDER BY seq""";

    /** A stream: what kind of thing it is and the commune it belongs to (null: none, e.g. a district account). */
    public record Stream(String kind, UUID id, UUID communeId) {
    }

    public record Entry(long seq, String type, String payload, String actor, Instant at) {
    }

    private final Pool pool;

    public Ledger(Pool pool) {
        this.pool = pool;
    }

    /**
     * Appends {@code events} after {@code expectedSeq} (0 for a new stream), inside {@code tx};
     * the new last sequence.
     */
    public <E> Future<Long> append(SqlClient tx, Stream stream, long expectedSeq, List<? extends E> events,
                                   TypeNames<E> names, String actor, Instant at) {
        int n = events.size();
        var seqs = new Long[n];
        var types = new String[n];
        var payloads = new String[n];
        for (int i = 0; i < n; i++) {
            seqs[i] = expectedSeq + i + 1;
            types[i] = names.nameOf(events.get(i));
            payloads[i] = Json.write(events.get(i));
        }
        Tuple row = Tuple.tuple().addValue(stream.id()).addValue(stream.kind()).addValue(stream.communeId())
                .addValue(actor).addValue(at.atOffset(ZoneOffset.UTC)).addValue(seqs).addValue(types).addValue(payloads);
        return tx.preparedQuery(APPEND).execute(row).map(done -> expectedSeq + n).recover(failure -> Future.failedFuture(
                EventStore.isUniqueViolation(failure) ? new AppendConflict(stream.kind() + " " + stream.id(), expectedSeq) : failure));
    }

    /** A stream's events in order, with who and when: what a history page shows. */
    public Future<List<Entry>> history(UUID streamId) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(streamId)).map(rows -> {
            List<Entry> entries = new ArrayList<>();
            for (Row r : rows) {
                entries.add(new Entry(r.getLong("seq"), r.getString("type"), r.getString("payload"), r.getString("actor"),
                        r.getOffsetDateTime("occurred_at").toInstant()));
            }
            return entries;
        });
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
