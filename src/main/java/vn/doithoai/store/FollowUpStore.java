package vn.doithoai.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.followup.FollowUp;
import vn.doithoai.followup.FollowUpEvent;
import vn.doithoai.followup.FollowUpRules;
import vn.doithoai.followup.FollowUpStatus;
import vn.doithoai.petition.SearchText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conclusions followed after their meeting: their events in the ledger (kind "conclusion"), their
 * read model in {@code followups} and the bookmark of the projection that opens them
 * ({@code conclusion_followups_done}, V16). All SQL of follow-ups is here.
 */
public final class FollowUpStore {

    public static final String KIND = "conclusion";
    /** The most lines a list gives: a commune's conclusions of several years, never a province's. */
    public static final int MAX_LIST = 500;
    private static final TypeNames<FollowUpEvent> NAMES = TypeNames.of(FollowUpEvent.class);
    private static final String[] OPEN = {FollowUpStatus.ASSIGNED.name(), FollowUpStatus.IN_PROGRESS.name()};
    private static final String[] SETTLED = {FollowUpStatus.DONE.name(), FollowUpStatus.TRANSFERRED.name()};

    /** Closed meetings whose log ends after their bookmark, or that have none; one of them when $1 is set. */
    private static final String BY_ID = "SELECT seq, state::text AS state FROM followups WHERE id = $1";
    private static final String OF_MEETING = "SELECT seq, state::text AS state FROM followups WHERE meeting_id = $1 ORDER BY conclusion_id";
    /** The first conclusion of the meeting that names the petition: the one whose text answered it. */
    private static final String ANSWERING = """
            SELECT seq, state::text AS state FROM followups
            WHERE meeting_id = $1 AND $2 = ANY (petition_codes)
            ORDER BY conclusion_id LIMIT 1""";
    private static final String UPSERT = """
            INSERT INTO followups (id, commune_id, meeting_id, conclusion_id, seq, status, office_id, office_key, deadline,
                                   opened_at, settled_on, supervision_years, petition_codes, state)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text::jsonb)
            ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, status = EXCLUDED.status, office_id = EXCLUDED.office_id,
                office_key = EXCLUDED.office_key, deadline = EXCLUDED.deadline, settled_on = EXCLUDED.settled_on,
                supervision_years = EXCLUDED.supervision_years, petition_codes = EXCLUDED.petition_codes, state = EXCLUDED.state""";
    /** A commune's follow-ups, nearest deadline first (none last); every filter optional (null). */
    private static final String LIST = """
            SELECT seq, state::text AS state FROM followups
            WHERE commune_id = $1
              AND ($2::uuid IS NULL OR office_id = $2)
              AND ($3::text[] IS NULL OR status = ANY ($3))
              AND ($4::date IS NULL OR deadline < $4)
              AND ($5::int IS NULL OR $5 = ANY (supervision_years))
            ORDER BY deadline NULLS LAST, opened_at, meeting_id, conclusion_id
            LIMIT $6""";
    /** Per office (by its id, else by its name folded): how many are open, overdue on $2, done, transferred. */
    private static final String BY_OFFICE = """
            SELECT (array_agg(office_id))[1] AS office_id, min(state->>'officeName') AS office_name,
                   count(*) FILTER (WHERE status IN ('ASSIGNED', 'IN_PROGRESS')) AS open,
                   count(*) FILTER (WHERE status IN ('ASSIGNED', 'IN_PROGRESS') AND deadline < $2) AS overdue,
                   count(*) FILTER (WHERE status = 'DONE') AS done,
                   count(*) FILTER (WHERE status = 'TRANSFERRED') AS transferred
            FROM followups
            WHERE commune_id = $1
            GROUP BY coalesce(office_id::text, office_key)
            ORDER BY 4 DESC, 3 DESC, 2 NULLS LAST""";

    /** A follow-up as stored, with the sequence of its last event (what a change must follow). */
    public record Stored(FollowUp followUp, long seq) {
    }

    /** A follow-up's new events; {@code before} null for one being opened. */
    public record Change(Stored before, List<FollowUpEvent> events) {
    }

    /** Which follow-ups a list shows. */
    public enum Scope { OPEN, OVERDUE, SETTLED, ALL }

    /** {@code officeId}, {@code year} (a supervision plan's): null for any. */
    public record Filter(UUID communeId, UUID officeId, Scope scope, Integer year, LocalDate today) {
    }

    /** One office's figures; {@code officeId} null for an office outside the directory, or none. */
    public record OfficeCount(UUID officeId, String officeName, long open, long overdue, long done, long transferred) {
    }

    private final Pool pool;
    private final ClosedMeetingBookmarks bookmarks;
    private final Ledger ledger;

    public FollowUpStore(Pool pool, Ledger ledger) {
        this.pool = pool;
        this.ledger = ledger;
        this.bookmarks = new ClosedMeetingBookmarks(pool, ClosedMeetingBookmarks.Of.CONCLUSION_FOLLOW_UPS);
    }

    /** Which closed meetings have conclusions not yet opened or revised here. */
    public ClosedMeetingBookmarks bookmarks() {
        return bookmarks;
    }

    public Future<Optional<Stored>> byId(UUID id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(FollowUpStore::first);
    }

    public Future<List<Stored>> ofMeeting(UUID meetingId) {
        return pool.preparedQuery(OF_MEETING).execute(Tuple.of(meetingId)).map(FollowUpStore::all);
    }

    /** The follow-up of the meeting's conclusion that answered the petition with this code, if any. */
    public Future<Optional<Stored>> answering(UUID meetingId, String petitionCode) {
        return pool.preparedQuery(ANSWERING).execute(Tuple.of(meetingId, petitionCode)).map(FollowUpStore::first);
    }

    /** One follow-up's change, in its own transaction; the follow-up as it now stands. */
    public Future<Stored> record(Change change, String actor, Instant at) {
        return pool.withTransaction(tx -> recordOne(tx, change, actor, at));
    }

    /**
     * A closed meeting's follow-ups opened or revised, and its bookmark moved to {@code throughSeq},
     * all in one transaction: either the meeting is taken up whole, or it is due again.
     */
    public Future<Void> recordMeeting(UUID meetingId, List<Change> changes, long throughSeq, String actor, Instant at) {
        return pool.withTransaction(tx -> {
            Future<?> chain = Future.succeededFuture();
            for (Change change : changes) {
                chain = chain.compose(v -> recordOne(tx, change, actor, at));
            }
            return chain.compose(v -> bookmarks.done(tx, meetingId, throughSeq, at));
        });
    }

    private Future<Stored> recordOne(SqlClient tx, Change change, String actor, Instant at) {
        FollowUp after = change.before() == null ? null : change.before().followUp();
        for (FollowUpEvent event : change.events()) {
            after = FollowUpRules.apply(after, event);
        }
        long before = change.before() == null ? 0 : change.before().seq();
        Stored result = new Stored(after, before + change.events().size());
        var stream = new Ledger.Stream(KIND, after.id(), after.communeId());
        return ledger.append(tx, stream, before, change.events(), NAMES, actor, at)
                .compose(last -> tx.preparedQuery(UPSERT).execute(row(result)))
                .map(done -> result);
    }

    public Future<List<Stored>> list(Filter f) {
        String[] statuses = switch (f.scope()) {
            case OPEN, OVERDUE -> OPEN;
            case SETTLED -> SETTLED;
            case ALL -> null;
        };
        Tuple args = Tuple.tuple().addValue(f.communeId()).addValue(f.officeId()).addValue(statuses)
                .addValue(f.scope() == Scope.OVERDUE ? f.today() : null).addValue(f.year()).addValue(MAX_LIST);
        return pool.preparedQuery(LIST).execute(args).map(FollowUpStore::all);
    }

    /** Each office's figures in the commune, the offices with most overdue first. */
    public Future<List<OfficeCount>> byOffice(UUID communeId, LocalDate today) {
        return pool.preparedQuery(BY_OFFICE).execute(Tuple.of(communeId, today)).map(rows -> {
            List<OfficeCount> counts = new ArrayList<>();
            rows.forEach(r -> counts.add(new OfficeCount(r.getUUID("office_id"), r.getString("office_name"), r.getLong("open"),
                    r.getLong("overdue"), r.getLong("done"), r.getLong("transferred"))));
            return counts;
        });
    }

    private static Tuple row(Stored stored) {
        FollowUp f = stored.followUp();
        return Tuple.tuple().addValue(f.id()).addValue(f.communeId()).addValue(f.meetingId()).addValue(f.conclusionId())
                .addValue(stored.seq()).addValue(f.status().name()).addValue(f.officeId()).addValue(SearchText.fold(f.officeName()))
                .addValue(f.deadline()).addValue(f.openedAt().atOffset(ZoneOffset.UTC)).addValue(f.settledOn())
                .addValue(f.supervisionYears().toArray(new Integer[0])).addValue(f.petitionCodes().toArray(new String[0]))
                .addValue(Json.write(f));
    }

    private static Optional<Stored> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(parse(it.next())) : Optional.empty();
    }

    private static List<Stored> all(RowSet<Row> rows) {
        List<Stored> found = new ArrayList<>();
        rows.forEach(row -> found.add(parse(row)));
        return found;
    }

    private static Stored parse(Row row) {
        try {
            return new Stored(Json.read(row.getString("state"), FollowUp.class), row.getLong("seq"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a follow-up's stored state cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
