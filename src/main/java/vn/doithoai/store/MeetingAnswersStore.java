package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bookmark of the projection that answers the petitions a closed meeting's conclusions name
 * (V13): which closed meetings have events it has not yet taken into account. All its SQL is here.
 */
public final class MeetingAnswersStore {

    /** Closed meetings whose log ends after their bookmark, or that have none; one of them when $1 is set. */
    private static final String DUE = """
            SELECT m.id, m.commune_id, last.seq AS last_seq
            FROM meetings m
            CROSS JOIN LATERAL (SELECT max(e.seq) AS seq FROM events e WHERE e.meeting_id = m.id) last
            LEFT JOIN meeting_answers_done d ON d.meeting_id = m.id
            WHERE m.status = 'CLOSED' AND ($1::uuid IS NULL OR m.id = $1)
              AND (d.meeting_id IS NULL OR d.through_seq < last.seq)
            ORDER BY m.closed_at NULLS FIRST, m.id""";
    private static final String DONE = """
            INSERT INTO meeting_answers_done (meeting_id, through_seq, done_at) VALUES ($1, $2, $3)
            ON CONFLICT (meeting_id) DO UPDATE
            SET through_seq = greatest(meeting_answers_done.through_seq, EXCLUDED.through_seq), done_at = EXCLUDED.done_at""";

    /** A closed meeting with events not yet taken into account. */
    public record Due(UUID meetingId, UUID communeId, long lastSeq) {
    }

    private final Pool pool;

    public MeetingAnswersStore(Pool pool) {
        this.pool = pool;
    }

    /** Every closed meeting due, oldest close first. */
    public Future<List<Due>> due() {
        return due(null);
    }

    /** This meeting, if it is closed and due. */
    public Future<List<Due>> due(UUID meetingId) {
        return pool.preparedQuery(DUE).execute(Tuple.of(meetingId)).map(rows -> {
            var due = new ArrayList<Due>(rows.size());
            for (Row row : rows) {
                due.add(new Due(row.getUUID("id"), row.getUUID("commune_id"), row.getLong("last_seq")));
            }
            return due;
        });
    }

    /** The meeting's events up to {@code seq} are taken into account. */
    public Future<Void> done(UUID meetingId, long seq, Instant at) {
        return pool.preparedQuery(DONE).execute(Tuple.of(meetingId, seq, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }
}
