package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bookmark of a projection that reads closed meetings' logs (answering the petitions their
 * conclusions name, V13; opening their conclusions' follow-ups, V16): per closed meeting, up to which
 * event it was taken into account, so a meeting whose log goes further (a conclusion recorded after
 * the close), or that has none (the server stopped first), is due again. All their SQL is here.
 */
public final class ClosedMeetingBookmarks {

    /** Each projection's table of bookmarks. */
    public enum Of {
        MEETING_ANSWERS("meeting_answers_done"),
        CONCLUSION_FOLLOW_UPS("conclusion_followups_done");

        final String table;

        Of(String table) {
            this.table = table;
        }
    }

    /** Closed meetings whose log ends after their bookmark, or that have none; one of them when $1 is set. */
    private static final String DUE = """
            SELECT m.id, m.commune_id, last.seq AS last_seq
            FROM meetings m
            CROSS JOIN LATERAL (SELECT max(e.seq) AS seq FROM events e WHERE e.meeting_id = m.id) last
            LEFT JOIN %1$s d ON d.meeting_id = m.id
            WHERE m.status = 'CLOSED' AND ($1::uuid IS NULL OR m.id = $1)
              AND (d.meeting_id IS NULL OR d.through_seq < last.seq)
            ORDER BY m.closed_at NULLS FIRST, m.id""";
    private static final String DONE = """
            INSERT INTO %1$s (meeting_id, through_seq, done_at) VALUES ($1, $2, $3)
            ON CONFLICT (meeting_id) DO UPDATE
            SET through_seq = greatest(%1$s.through_seq, EXCLUDED.through_seq), done_at = EXCLUDED.done_at""";

    /** A closed meeting with events not yet taken into account. */
    public record Due(UUID meetingId, UUID communeId, long lastSeq) {
    }

    private final Pool pool;
    private final String due;
    private final String done;

    public ClosedMeetingBookmarks(Pool pool, Of of) {
        this.pool = pool;
        this.due = DUE.formatted(of.table);
        this.done = DONE.formatted(of.table);
    }

    /** Every closed meeting due, oldest close first. */
    public Future<List<Due>> due() {
        return due(null);
    }

    /** This meeting, if it is closed and due. */
    public Future<List<Due>> due(UUID meetingId) {
        return pool.preparedQuery(due).execute(Tuple.of(meetingId)).map(rows -> {
            var found = new ArrayList<Due>(rows.size());
            for (Row row : rows) {
                found.add(new Due(row.getUUID("id"), row.getUUID("commune_id"), row.getLong("last_seq")));
            }
            return found;
        });
    }

    /** The meeting's events up to {@code seq} are taken into account. */
    public Future<Void> done(UUID meetingId, long seq, Instant at) {
        return done(pool, meetingId, seq, at);
    }

    /** The same inside the caller's transaction, with what the projection wrote for it. */
    public Future<Void> done(SqlClient tx, UUID meetingId, long seq, Instant at) {
        return tx.preparedQuery(done).execute(Tuple.of(meetingId, seq, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }
}
