package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only event log. An append names the sequence it expects to follow; the primary key
 * (meeting, seq) makes a concurrent writer fail instead of interleaving, and the commands table
 * makes a client's command id count once. All SQL of the log is here.
 */
public final class EventStore {

    private static final String INSERT_EVENT = """
            INSERT INTO events (meeting_id, seq, type, payload, actor, occurred_at, command_id)
            VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7)""";
    private static final String INSERT_COMMAND = """
            INSERT INTO commands (meeting_id, command_id, first_seq, last_seq)
            VALUES ($1, $2, $3, $4)""";
    private static final String UPDATE_SUMMARY = """
            UPDATE meetings SET status = $2, title = $3, scheduled_at = $4 WHERE id = $1""";
    private static final String LOAD = """
            SELECT seq, type, payload::text AS payload, actor, occurred_at, command_id
            FROM events WHERE meeting_id = $1 AND seq > $2 ORDER BY seq""";
    private static final String ANSWERED = """
            SELECT command_id, first_seq, last_seq FROM commands WHERE meeting_id = $1 AND last_seq <= $2""";
    private static final String UNIQUE_VIOLATION = "23505";

    /** A client command that was stored: the events it made. */
    public record AnsweredCommand(String commandId, long firstSeq, long lastSeq) {
    }

    /** An event ready to be stored; {@code seq} follows the expected last sequence without gaps. */
    public record NewEvent(long seq, String type, String payload, String actor, OffsetDateTime at, String commandId) {
    }

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** In one transaction of its own; fails with {@link AppendConflict} if another writer was first. */
    public Future<Void> append(UUID meetingId, List<NewEvent> events, MeetingSummary summary) {
        return pool.withTransaction(conn -> append(conn, meetingId, events, summary));
    }

    /** Inside the caller's transaction, for a meeting created together with its first event. */
    public Future<Void> append(SqlClient conn, UUID meetingId, List<NewEvent> events, MeetingSummary summary) {
        var eventRows = new ArrayList<Tuple>(events.size());
        for (NewEvent e : events) {
            eventRows.add(Tuple.of(meetingId, e.seq(), e.type(), e.payload(), e.actor(), e.at(), e.commandId()));
        }
        List<Tuple> commandRows = commandRows(meetingId, events);
        long expected = events.get(0).seq() - 1;
        Future<?> written = conn.preparedQuery(INSERT_EVENT).executeBatch(eventRows);
        if (!commandRows.isEmpty()) {
            written = written.compose(r -> conn.preparedQuery(INSERT_COMMAND).executeBatch(commandRows));
        }
        if (summary != null) {
            written = written.compose(r -> conn.preparedQuery(UPDATE_SUMMARY).execute(Tuple.of(meetingId,
                    summary.status(), summary.title(),
                    summary.scheduledAt() == null ? null : summary.scheduledAt().atOffset(ZoneOffset.UTC))));
        }
        return written.<Void>mapEmpty().recover(failure -> Future.failedFuture(
                isUniqueViolation(failure) ? new AppendConflict(meetingId.toString(), expected) : failure));
    }

    /** The whole log of a meeting, or what follows {@code afterSeq}, in order. */
    public Future<List<StoredEvent>> load(UUID meetingId, long afterSeq) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(meetingId, afterSeq)).map(rows -> {
            var events = new ArrayList<StoredEvent>(rows.size());
            for (Row row : rows) {
                events.add(new StoredEvent(row.getLong("seq"), row.getString("type"), row.getString("payload"),
                        row.getString("actor"), row.getOffsetDateTime("occurred_at").toInstant(),
                        row.getString("command_id")));
            }
            return events;
        });
    }

    /** The commands whose events are all at or before {@code upToSeq} (those a snapshot covers). */
    public Future<List<AnsweredCommand>> answered(UUID meetingId, long upToSeq) {
        return pool.preparedQuery(ANSWERED).execute(Tuple.of(meetingId, upToSeq)).map(rows -> {
            var answered = new ArrayList<AnsweredCommand>(rows.size());
            for (Row row : rows) {
                answered.add(new AnsweredCommand(row.getString("command_id"), row.getLong("first_seq"), row.getLong("last_seq")));
            }
            return answered;
        });
    }

    private static List<Tuple> commandRows(UUID meetingId, List<NewEvent> events) {
        Map<String, long[]> spans = new LinkedHashMap<>();
        for (NewEvent e : events) {
            if (e.commandId() != null) {
                spans.computeIfAbsent(e.commandId(), id -> new long[] {e.seq(), e.seq()})[1] = e.seq();
            }
        }
        var rows = new ArrayList<Tuple>(spans.size());
        spans.forEach((id, span) -> rows.add(Tuple.of(meetingId, id, span[0], span[1])));
        return rows;
    }

    static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
