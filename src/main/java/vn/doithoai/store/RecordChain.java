package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * Checks a meeting's chain of events (migration V6): each stored hash must be the link of the
 * previous stored hash and the event's content as it is now, and the sequence must run 1, 2, 3…
 * without a gap. Checking each link against the stored hash before it finds the first event that
 * was changed, removed or slipped in behind the server's back; a chain forged from there to the end
 * has another head than the one printed on the minutes at the close. All SQL of the check is here;
 * {@link #CHECK} is also what {@code bin/verify} runs.
 */
public final class RecordChain {

    /** $1: the meeting. One row. */
    public static final String CHECK = """
            WITH checked AS (
                SELECT seq, type, chain_hash,
                       lag(seq) OVER w AS previous_seq,
                       event_link(lag(chain_hash) OVER w, meeting_id, seq, type, payload, actor, occurred_at, command_id)
                           AS expected
                FROM events WHERE meeting_id = $1
                WINDOW w AS (ORDER BY seq)
            )
            SELECT count(*) AS events,
                   min(seq) FILTER (WHERE chain_hash IS DISTINCT FROM expected
                                       OR seq <> coalesce(previous_seq, 0) + 1) AS first_broken,
                   (SELECT chain_hash FROM checked ORDER BY seq DESC LIMIT 1) AS head,
                   (SELECT chain_hash FROM checked WHERE type = 'MeetingClosed' ORDER BY seq LIMIT 1) AS head_at_close,
                   (SELECT coalesce(max(last_seq), 0) FROM commands WHERE meeting_id = $1) AS acknowledged_up_to
            FROM checked""";

    /**
     * What the check found. {@code firstBroken}: the first event whose content or link does not
     * match, or null; {@code acknowledgedUpTo}: the last event a command was answered with, which a
     * log cut short at its end no longer reaches.
     */
    public record Result(long events, Long firstBroken, String head, String headAtClose, long acknowledgedUpTo) {

        public boolean intact() {
            return firstBroken == null && acknowledgedUpTo <= events;
        }
    }

    private final Pool pool;

    public RecordChain(Pool pool) {
        this.pool = pool;
    }

    public Future<Result> check(UUID meetingId) {
        return pool.preparedQuery(CHECK).execute(Tuple.of(meetingId)).map(rows -> {
            Row row = rows.iterator().next();
            return new Result(row.getLong("events"), row.getLong("first_broken"), row.getString("head"),
                    row.getString("head_at_close"), row.getLong("acknowledged_up_to"));
        });
    }
}
