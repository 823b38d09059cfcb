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

    /**
     * A round of events, the command ids they answer and the meeting's summary, in one statement:
     * one round trip and its own transaction (a single statement is atomic), instead of BEGIN,
     * three statements and COMMIT. The summary ($12–$14, $17) is updated only when {@code $11} is true.
     */
    private static final String APPEND = """
            WITH new_events AS (
                INSERT INTO events (meeting_id, seq, type, payload, actor, occurred_at, command_id, staff_patch)
                SELECT $1, e.seq, e.type, e.payload::jsonb, e.actor, e.occurred_at, e.command_id, e.staff_patch
                FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $15::text[])
                     AS e (seq, type, payload, actor, occurred_at, command_id, staff_patch)
            ), new_commands AS (
                INSERT INTO commands (meeting_id, command_id, first_seq, last_seq, fingerprint)
                SELECT $1, c.command_id, c.first_seq, c.last_seq, c.fingerprint
                FROM unnest($8::text[], $9::bigint[], $10::bigint[], $16::text[]) AS c (command_id, first_seq, last_seq, fingerprint)
            )
            UPDATE meetings SET status = $12, title = $13, scheduled_at = $14, closed_at = $17 WHERE id = $1 AND $11""";
    private static final String LOAD = """
            SELECT seq, type, payload::text AS payload, actor, occurred_at, command_id, staff_patch
            FROM events WHERE meeting_id = $1 AND seq > $2 ORDER BY seq""";
    /**
     * The events after the meeting's latest snapshot of a format, with that snapshot's sequence (0
     * for none: the whole log), so a restart reads them while the snapshot itself comes.
     */
    private static final String AFTER_LATEST_SNAPSHOT = """
            WITH latest AS (
                SELECT coalesce(max(seq), 0) AS seq FROM snapshots WHERE meeting_id = $1 AND format = $2
            )
            SELECT latest.seq AS snapshot_seq, e.seq, e.type, e.payload::text AS payload, e.actor, e.occurred_at,
                   e.command_id, e.staff_patch
            FROM latest LEFT JOIN events e ON e.meeting_id = $1 AND e.seq > latest.seq
            ORDER BY e.seq""";
    private static final String ANSWERED = """
            SELECT command_id, first_seq, last_seq FROM commands WHERE meeting_id = $1 AND last_seq <= $2""";
    private static final String FINGERPRINTS = """
            SELECT command_id, fingerprint FROM commands WHERE meeting_id = $1 AND fingerprint IS NOT NULL""";
    private static final String UNIQUE_VIOLATION = "23505";

    /** The events after the snapshot at {@code snapshotSeq} (0: no snapshot, the whole log). */
    public record AfterSnapshot(long snapshotSeq, List<StoredEvent> events) {
    }

    /** A client command that was stored: the events it made. */
    public record AnsweredCommand(String commandId, long firstSeq, long lastSeq) {
    }

    /**
     * An event ready to be stored; {@code seq} follows the expected last sequence without gaps.
     * {@code staffPatch}: what it changed in the state, as staff screens get it (JSON).
     */
    public record NewEvent(long seq, String type, String payload, String actor, OffsetDateTime at, String commandId,
                           String staffPatch, String commandFingerprint) {
    }

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** Atomically, in one statement; fails with {@link AppendConflict} if another writer was first. */
    public Future<Void> append(UUID meetingId, List<NewEvent> events, MeetingSummary summary) {
        return append(pool, meetingId, events, summary);
    }

    /** The same through {@code conn}: inside the caller's transaction, for a meeting created with its first event. */
    public Future<Void> append(SqlClient conn, UUID meetingId, List<NewEvent> events, MeetingSummary summary) {
        int n = events.size();
        var seqs = new Long[n];
        var types = new String[n];
        var payloads = new String[n];
        var actors = new String[n];
        var times = new OffsetDateTime[n];
        var commandIds = new String[n];
        var staffPatches = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            seqs[i] = e.seq();
            types[i] = e.type();
            payloads[i] = e.payload();
            actors[i] = e.actor();
            times[i] = e.at();
            commandIds[i] = e.commandId();
            staffPatches[i] = e.staffPatch();
        }
        Map<String, long[]> spans = commandSpans(events);
        Map<String, String> fingerprints = commandFingerprints(events);
        var answered = spans.keySet().toArray(String[]::new);
        var firstSeqs = new Long[answered.length];
        var lastSeqs = new Long[answered.length];
        var answeredFingerprints = new String[answered.length];
        for (int i = 0; i < answered.length; i++) {
            firstSeqs[i] = spans.get(answered[i])[0];
            lastSeqs[i] = spans.get(answered[i])[1];
            answeredFingerprints[i] = fingerprints.get(answered[i]);
        }
        long expected = events.get(0).seq() - 1;
        Tuple row = Tuple.tuple().addValue(meetingId)
                .addValue(seqs).addValue(types).addValue(payloads).addValue(actors).addValue(times).addValue(commandIds)
                .addValue(answered).addValue(firstSeqs).addValue(lastSeqs)
                .addValue(summary != null)
                .addValue(summary == null ? null : summary.status())
                .addValue(summary == null ? null : summary.title())
                .addValue(summary == null || summary.scheduledAt() == null ? null
                        : summary.scheduledAt().atOffset(ZoneOffset.UTC))
                .addValue(staffPatches)
                .addValue(answeredFingerprints)
                .addValue(summary == null || summary.closedAt() == null ? null : summary.closedAt().atOffset(ZoneOffset.UTC));
        return conn.preparedQuery(APPEND).execute(row).<Void>mapEmpty().recover(failure -> Future.failedFuture(
                isUniqueViolation(failure) ? new AppendConflict("meeting " + meetingId, expected) : failure));
    }

    /** The whole log of a meeting, or what follows {@code afterSeq}, in order. */
    public Future<List<StoredEvent>> load(UUID meetingId, long afterSeq) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(meetingId, afterSeq)).map(rows -> {
            var events = new ArrayList<StoredEvent>(rows.size());
            rows.forEach(row -> events.add(storedEvent(row)));
            return events;
        });
    }

    /** The events after the latest snapshot of {@code snapshotFormat}, in order, and which snapshot that is. */
    public Future<AfterSnapshot> afterLatestSnapshot(UUID meetingId, int snapshotFormat) {
        return pool.preparedQuery(AFTER_LATEST_SNAPSHOT).execute(Tuple.of(meetingId, snapshotFormat)).map(rows -> {
            long snapshotSeq = 0;
            var events = new ArrayList<StoredEvent>(rows.size());
            for (Row row : rows) { // one row with no event when nothing follows the snapshot
                snapshotSeq = row.getLong("snapshot_seq");
                if (row.getValue("seq") != null) {
                    events.add(storedEvent(row));
                }
            }
            return new AfterSnapshot(snapshotSeq, events);
        });
    }

    private static StoredEvent storedEvent(Row row) {
        return new StoredEvent(row.getLong("seq"), row.getString("type"), row.getString("payload"),
                row.getString("actor"), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("command_id"), row.getString("staff_patch"));
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

    /** Each stored command id with its fingerprint, for a meeting rebuilt after a restart. */
    public Future<Map<String, String>> fingerprints(UUID meetingId) {
        return pool.preparedQuery(FINGERPRINTS).execute(Tuple.of(meetingId)).map(rows -> {
            var fingerprints = new java.util.HashMap<String, String>(rows.size() * 2);
            rows.forEach(row -> fingerprints.put(row.getString("command_id"), row.getString("fingerprint")));
            return fingerprints;
        });
    }

    private static Map<String, String> commandFingerprints(List<NewEvent> events) {
        Map<String, String> fingerprints = new java.util.HashMap<>();
        for (NewEvent e : events) {
            if (e.commandId() != null && e.commandFingerprint() != null) {
                fingerprints.putIfAbsent(e.commandId(), e.commandFingerprint());
            }
        }
        return fingerprints;
    }

    /** Each command id with the first and last sequence of its events. */
    private static Map<String, long[]> commandSpans(List<NewEvent> events) {
        Map<String, long[]> spans = new LinkedHashMap<>();
        for (NewEvent e : events) {
            if (e.commandId() != null) {
                spans.computeIfAbsent(e.commandId(), id -> new long[] {e.seq(), e.seq()})[1] = e.seq();
            }
        }
        return spans;
    }

    /**
     * PostgreSQL answered the statement with an error: nothing of it was stored. Any other failure
     * (no answer in time, a broken link) leaves it unknown whether the statement committed.
     */
    public static boolean isRefusedByDatabase(Throwable failure) {
        return failure instanceof PgException || failure instanceof AppendConflict;
    }

    static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
