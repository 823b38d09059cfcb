package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/**
 * Snapshots of meetings' states (JSON text), so a long meeting is rebuilt from the latest one and
 * the events after it. Only the latest of a meeting is kept. All SQL of snapshots is here.
 */
public final class SnapshotStore {

    private static final String INSERT = """
            INSERT INTO snapshots (meeting_id, seq, format, state) VALUES ($1, $2, $3, $4)
            ON CONFLICT (meeting_id, seq) DO UPDATE SET format = excluded.format, state = excluded.state,
                taken_at = now()""";
    private static final String DELETE_OLDER = """
            DELETE FROM snapshots WHERE meeting_id = $1 AND seq < $2""";
    private static final String LATEST = """
            SELECT seq, convert_to(state, 'UTF8') AS state FROM snapshots WHERE meeting_id = $1 AND format = $2
            ORDER BY seq DESC LIMIT 1""";

    /**
     * A meeting's state as of event {@code seq}: its JSON as UTF-8 bytes, as they came, because a
     * long meeting's state is megabytes that the server parses and may send on as they are.
     */
    public record Snapshot(long seq, byte[] state) {
    }

    private final Pool pool;

    public SnapshotStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> save(UUID meetingId, long seq, int format, String state) {
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT).execute(Tuple.of(meetingId, seq, format, state))
                .compose(r -> conn.preparedQuery(DELETE_OLDER).execute(Tuple.of(meetingId, seq)))
                .mapEmpty());
    }

    public Future<Optional<Snapshot>> latest(UUID meetingId, int format) {
        return pool.preparedQuery(LATEST).execute(Tuple.of(meetingId, format)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            return Optional.of(new Snapshot(row.getLong("seq"), row.getBuffer("state").getBytes()));
        });
    }
}
