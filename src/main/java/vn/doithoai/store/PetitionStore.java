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
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PetitionEvent;
import vn.doithoai.petition.PetitionRules;
import vn.doithoai.petition.PetitionStatus;
import vn.doithoai.petition.SearchText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Petitions: their events in the ledger, their read model in {@code petitions} (V10), the desk's
 * search and the Front's counts. All SQL of petitions is here.
 */
public final class PetitionStore {

    public static final String KIND = "petition";
    public static final int PAGE_SIZE = 20;
    private static final TypeNames<PetitionEvent> NAMES = TypeNames.of(PetitionEvent.class);
    private static final String OPEN = "('RECEIVED', 'ASSIGNED', 'ANSWER_DRAFTED')";

    private static final String BY_ID = "SELECT seq, state::text AS state FROM petitions WHERE id = $1";
    private static final String BY_IDS = "SELECT seq, state::text AS state FROM petitions WHERE id = ANY($1)";
    private static final String BY_CODE = "SELECT seq, state::text AS state FROM petitions WHERE tracking_code = $1";
    private static final String MEMBERS = "SELECT seq, state::text AS state FROM petitions WHERE group_lead = $1 ORDER BY received_at";
    private static final String UPSERT = """
            INSERT INTO petitions (id, commune_id, seq, tracking_code, status, channel, field_code, competence, village_key,
                                   office_id, due_date, received_at, sensitive, group_lead, search_text, state)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::text::jsonb)
            ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, status = EXCLUDED.status, channel = EXCLUDED.channel,
                field_code = EXCLUDED.field_code, competence = EXCLUDED.competence, office_id = EXCLUDED.office_id,
                due_date = EXCLUDED.due_date, sensitive = EXCLUDED.sensitive, group_lead = EXCLUDED.group_lead,
                search_text = EXCLUDED.search_text, state = EXCLUDED.state""";
    /**
     * One page of a commune's petitions in the order put in for %s (newest first, or the nearest due
     * date first), with the number that match. Every filter is optional (null); the text is matched folded, through the
     * trigram index.
     */
    private static final String SEARCH = """
            SELECT seq, state::text AS state, count(*) OVER () AS total FROM petitions
            WHERE commune_id = $1
              AND ($2::text IS NULL OR search_text LIKE '%%' || $2 || '%%' ESCAPE '\\')
              AND ($3::text IS NULL OR status = $3)
              AND ($4::text IS NULL OR field_code = $4)
              AND ($5::text IS NULL OR village_key = $5)
              AND ($6::text IS NULL OR channel = $6)
              AND ($7::uuid IS NULL OR office_id = $7)
              AND (NOT $8::boolean OR (due_date < $9 AND status IN\s""" + OPEN + """
            ))
              AND (NOT $12::boolean OR status IN\s""" + OPEN + """
            )
            ORDER BY %s
            LIMIT $10 OFFSET $11""";
    private static final String SEARCH_NEWEST = SEARCH.formatted("received_at DESC, id");
    /** An office's list of what it has to answer: the nearest due date first, those without one last. */
    private static final String SEARCH_BY_DUE = SEARCH.formatted("due_date NULLS LAST, received_at, id");
    private static final String COUNT_BY = """
            SELECT %s AS key, min(%s) AS label, count(*) AS n FROM petitions
            WHERE commune_id = $1 AND received_at >= $2 AND received_at < $3 AND group_lead IS NULL
            GROUP BY 1 ORDER BY 3 DESC, 2""";
    private static final String SENSITIVE = """
            SELECT seq, state::text AS state FROM petitions
            WHERE commune_id = $1 AND received_at >= $2 AND received_at < $3 AND sensitive
            ORDER BY received_at""";

    /**
     * What a list may be narrowed to; null: not narrowed. {@code overdueOn}: only the overdue ones on
     * that day; {@code openOnly}: only those still in the commune's hands; {@code byDueDate}: the
     * nearest due date first instead of the newest.
     */
    public record Filter(UUID communeId, String text, PetitionStatus status, String fieldCode, String village, String channel,
                         UUID officeId, LocalDate overdueOn, boolean openOnly, boolean byDueDate) {
    }

    public record Page(List<Petition> petitions, long total, int page, int pageSize) {
    }

    /** A petition as stored, with the sequence of its last event (what a change must follow). */
    public record Stored(Petition petition, long seq) {
    }

    /** A message to send with a change, in its transaction. */
    public record Notice(String to, String subject, String body) {
    }

    /** A petition's new events, as one step of a larger change. */
    public record Change(Stored before, List<PetitionEvent> events, Notice notice) {
    }

    public record Count(String key, String label, long count) {
    }

    private final Pool pool;
    private final Ledger ledger;
    private final OutboxStore outbox;

    public PetitionStore(Pool pool, Ledger ledger, OutboxStore outbox) {
        this.pool = pool;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    public Future<Optional<Stored>> byId(UUID id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(PetitionStore::first);
    }

    /** Those of these petitions that exist, in no particular order. */
    public Future<List<Stored>> byIds(List<UUID> ids) {
        return pool.preparedQuery(BY_IDS).execute(Tuple.of(ids.toArray(new UUID[0]))).map(PetitionStore::all);
    }

    public Future<Optional<Stored>> byTrackingCode(String code) {
        return pool.preparedQuery(BY_CODE).execute(Tuple.of(code)).map(PetitionStore::first);
    }

    /** The petitions grouped under a lead. */
    public Future<List<Stored>> members(UUID leadId) {
        return pool.preparedQuery(MEMBERS).execute(Tuple.of(leadId)).map(PetitionStore::all);
    }

    /**
     * Appends each petition's events, brings their rows up to date and queues their messages, all in
     * one transaction: a group answered together is answered together or not at all. The petitions
     * as they now stand.
     */
    public Future<List<Stored>> record(List<Change> changes, String actor, Instant at) {
        return pool.withTransaction(tx -> {
            Future<List<Stored>> chain = Future.succeededFuture(new ArrayList<>());
            for (Change change : changes) {
                chain = chain.compose(done -> recordOne(tx, change, actor, at).map(stored -> {
                    done.add(stored);
                    return done;
                }));
            }
            return chain;
        });
    }

    private Future<Stored> recordOne(SqlClient tx, Change change, String actor, Instant at) {
        Petition after = change.before() == null ? null : change.before().petition();
        for (PetitionEvent event : change.events()) {
            after = PetitionRules.apply(after, event);
        }
        long before = change.before() == null ? 0 : change.before().seq();
        Stored result = new Stored(after, before + change.events().size());
        var stream = new Ledger.Stream(KIND, after.id(), after.communeId());
        Future<Void> appended = ledger.append(tx, stream, before, change.events(), NAMES, actor, at)
                .compose(last -> tx.preparedQuery(UPSERT).execute(row(result))).mapEmpty();
        Notice notice = change.notice();
        return (notice == null ? appended
                : appended.compose(v -> outbox.enqueue(tx, "petition " + result.petition().trackingCode(), notice.to(),
                        notice.subject(), notice.body(), at)))
                .map(v -> result);
    }

    public Future<Page> search(Filter f, int page) {
        int safePage = Math.max(1, page);
        String text = f.text() == null || SearchText.fold(f.text()).isEmpty() ? null : likeEscaped(SearchText.fold(f.text()));
        Tuple args = Tuple.tuple().addValue(f.communeId()).addValue(text)
                .addValue(f.status() == null ? null : f.status().name()).addValue(f.fieldCode())
                .addValue(f.village() == null ? null : SearchText.fold(f.village())).addValue(f.channel())
                .addValue(f.officeId()).addValue(f.overdueOn() != null).addValue(f.overdueOn())
                .addValue(PAGE_SIZE).addValue((safePage - 1) * PAGE_SIZE).addValue(f.openOnly());
        return pool.preparedQuery(f.byDueDate() ? SEARCH_BY_DUE : SEARCH_NEWEST).execute(args).map(rows -> {
            long total = 0;
            List<Petition> found = new ArrayList<>();
            for (Row row : rows) {
                total = row.getLong("total");
                found.add(parse(row).petition());
            }
            return new Page(found, total, safePage, PAGE_SIZE);
        });
    }

    /** Counts of the commune's petitions received in [from, to) by field, village or channel; grouped ones count once, by their lead. */
    public Future<List<Count>> countBy(UUID communeId, String by, Instant from, Instant to) {
        String[] columns = switch (by) {
            case "field" -> new String[] {"field_code", "field_code"};
            case "village" -> new String[] {"village_key", "state->'citizen'->>'villageOrOrganisation'"};
            case "channel" -> new String[] {"channel", "channel"};
            default -> throw new IllegalArgumentException("no such count: " + by);
        };
        return pool.preparedQuery(COUNT_BY.formatted(columns[0], columns[1]))
                .execute(Tuple.of(communeId, utc(from), utc(to)))
                .map(rows -> {
                    List<Count> counts = new ArrayList<>();
                    rows.forEach(r -> counts.add(new Count(r.getString("key"), r.getString("label"), r.getLong("n"))));
                    return counts;
                });
    }

    public Future<List<Petition>> sensitive(UUID communeId, Instant from, Instant to) {
        return pool.preparedQuery(SENSITIVE).execute(Tuple.of(communeId, utc(from), utc(to)))
                .map(rows -> all(rows).stream().map(Stored::petition).toList());
    }

    private static Tuple row(Stored stored) {
        Petition p = stored.petition();
        var assignment = p.assignment();
        return Tuple.tuple().addValue(p.id()).addValue(p.communeId()).addValue(stored.seq()).addValue(p.trackingCode())
                .addValue(p.status().name()).addValue(p.classification().channel().name()).addValue(p.classification().fieldCode())
                .addValue(p.classification().competence() == null ? null : p.classification().competence().name()).addValue(SearchText.fold(p.citizen().villageOrOrganisation()))
                .addValue(assignment == null ? null : assignment.officeId()).addValue(assignment == null ? null : assignment.dueDate())
                .addValue(utc(p.receivedAt())).addValue(p.sensitive()).addValue(p.groupLead())
                .addValue(searchText(p)).addValue(Json.write(p));
    }

    /** What the desk's search box looks through, folded. */
    private static String searchText(Petition p) {
        var parts = new ArrayList<String>();
        parts.add(p.trackingCode());
        parts.add(p.content());
        parts.add(p.citizen().name());
        parts.add(p.citizen().villageOrOrganisation());
        if (p.assignment() != null) {
            parts.add(p.assignment().officeName());
        }
        if (p.answer() != null) {
            parts.add(p.answer().text());
        }
        return SearchText.fold(String.join(" \n ", parts.stream().filter(s -> s != null).toList()));
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
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
            return new Stored(Json.read(row.getString("state"), Petition.class), row.getLong("seq"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a petition's stored state cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
