package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The messages waiting to be sent (V12). All SQL of the outbox is here. */
public final class OutboxStore {

    private static final String ENQUEUE = """
            INSERT INTO outbox (about, to_address, subject, body, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $5)""";
    /**
     * Takes the due messages for one sender: their next attempt moves past the time a send can take,
     * so another sender (or this one after a crash) takes them only if this one never says how it went.
     */
    private static final String CLAIM = """
            UPDATE outbox SET next_attempt_at = $2 WHERE id IN (
                SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1
                ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING id, about, to_address, subject, body, attempts""";
    private static final String SENT = "UPDATE outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1";
    private static final String FAILED = "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE id = $1";
    private static final String PENDING = "SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL";

    public record Message(long id, String about, String to, String subject, String body, int attempts) {
    }

    private final Pool pool;

    public OutboxStore(Pool pool) {
        this.pool = pool;
    }

    /** Inside the transaction that records what the message announces. */
    public Future<Void> enqueue(SqlClient tx, String about, String to, String subject, String body, Instant at) {
        return tx.preparedQuery(ENQUEUE).execute(Tuple.of(about, to, subject, body, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }

    public Future<List<Message>> claimDue(Instant now, Duration lease, int most) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.plus(lease).atOffset(ZoneOffset.UTC), most))
                .map(rows -> {
                    List<Message> due = new ArrayList<>();
                    for (Row r : rows) {
                        due.add(new Message(r.getLong("id"), r.getString("about"), r.getString("to_address"), r.getString("subject"),
                                r.getString("body"), r.getInteger("attempts")));
                    }
                    return due;
                });
    }

    public Future<Void> markSent(long id, Instant at) {
        return pool.preparedQuery(SENT).execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }

    public Future<Void> markFailed(long id, Instant retryAt, String error) {
        return pool.preparedQuery(FAILED).execute(Tuple.of(id, retryAt.atOffset(ZoneOffset.UTC), error)).mapEmpty();
    }

    public Future<Long> pending() {
        return pool.query(PENDING).execute().map(rows -> rows.iterator().next().getLong("n"));
    }
}
