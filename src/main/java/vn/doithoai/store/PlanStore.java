package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.plan.DialogueKind;
import vn.doithoai.plan.Plan;
import vn.doithoai.plan.PlanEvent;
import vn.doithoai.plan.PlanRules;
import vn.doithoai.plan.PlannedDialogue;
import vn.doithoai.plan.Target;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The communes' yearly plans: one ledger stream per commune and year, the plan as it stands in
 * {@code plans} and {@code planned_dialogues}, and the progress counted from those and {@code meetings}.
 */
public final class PlanStore {

    public static final String KIND = "plan";
    private static final TypeNames<PlanEvent> NAMES = TypeNames.of(PlanEvent.class);
    /** Vietnam's offset all year (no daylight saving): the month a meeting closed in, as the commune counts it. */
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final String PLAN = """
            SELECT seq, target_direct, target_periodic, target_thematic, target_extraordinary
            FROM plans WHERE commune_id = $1 AND year = $2""";
    private static final String DIALOGUES = """
            SELECT id, position, kind, theme, group_name, month, chair, host_office_id, host_office, venue, note,
                   meeting_id, cancel_reason
            FROM planned_dialogues WHERE commune_id = $1 AND year = $2 ORDER BY position""";
    private static final String UPSERT_PLAN = """
            INSERT INTO plans (commune_id, year, stream_id, seq, target_direct, target_periodic, target_thematic,
                               target_extraordinary, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (commune_id, year) DO UPDATE SET seq = EXCLUDED.seq, target_direct = EXCLUDED.target_direct,
                target_periodic = EXCLUDED.target_periodic, target_thematic = EXCLUDED.target_thematic,
                target_extraordinary = EXCLUDED.target_extraordinary, updated_at = EXCLUDED.updated_at""";
    private static final String UPSERT_DIALOGUE = """
            INSERT INTO planned_dialogues (id, commune_id, year, position, kind, theme, group_name, month, chair,
                host_office_id, host_office, venue, note, meeting_id, cancel_reason, cancelled_at, planned_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, theme = EXCLUDED.theme, group_name = EXCLUDED.group_name,
                month = EXCLUDED.month, chair = EXCLUDED.chair, host_office_id = EXCLUDED.host_office_id,
                host_office = EXCLUDED.host_office, venue = EXCLUDED.venue, note = EXCLUDED.note,
                meeting_id = EXCLUDED.meeting_id, cancel_reason = EXCLUDED.cancel_reason,
                cancelled_at = coalesce(planned_dialogues.cancelled_at, EXCLUDED.cancelled_at)""";
    /** Twelve rows, one a month, every figure counted now. */
    private static final String MONTHS = """
            WITH planned AS (
                SELECT d.month,
                       count(*) FILTER (WHERE d.cancelled_at IS NULL) AS planned,
                       count(*) FILTER (WHERE d.meeting_id IS NOT NULL) AS set_up,
                       count(*) FILTER (WHERE m.status = 'CLOSED') AS held,
                       count(*) FILTER (WHERE d.cancelled_at IS NOT NULL) AS cancelled
                FROM planned_dialogues d LEFT JOIN meetings m ON m.id = d.meeting_id
                WHERE d.commune_id = $1 AND d.year = $2
                GROUP BY d.month),
            outside AS (
                SELECT extract(month FROM m.closed_at AT TIME ZONE INTERVAL '+07:00')::int AS month, count(*) AS held
                FROM meetings m
                WHERE m.commune_id = $1 AND m.status = 'CLOSED' AND m.closed_at >= $3 AND m.closed_at < $4
                  AND NOT EXISTS (SELECT 1 FROM planned_dialogues d WHERE d.meeting_id = m.id)
                GROUP BY 1)
            SELECT g.month, coalesce(p.planned, 0) AS planned, coalesce(p.set_up, 0) AS set_up,
                   coalesce(p.held, 0) AS held, coalesce(p.cancelled, 0) AS cancelled,
                   coalesce(o.held, 0) AS held_outside_plan
            FROM generate_series(1, 12) AS g(month)
            LEFT JOIN planned p ON p.month = g.month
            LEFT JOIN outside o ON o.month = g.month
            ORDER BY g.month""";
    private static final String KINDS = """
            SELECT d.kind,
                   count(*) FILTER (WHERE d.cancelled_at IS NULL) AS planned,
                   count(*) FILTER (WHERE d.meeting_id IS NOT NULL) AS set_up,
                   count(*) FILTER (WHERE m.status = 'CLOSED') AS held
            FROM planned_dialogues d LEFT JOIN meetings m ON m.id = d.meeting_id
            WHERE d.commune_id = $1 AND d.year = $2
            GROUP BY d.kind""";

    private final Pool pool;
    private final Ledger ledger;

    public PlanStore(Pool pool, Ledger ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    /** The plan as it stands; an empty one (sequence 0) for a year nobody planned yet. */
    public Future<Plan> of(UUID communeId, int year) {
        Tuple key = Tuple.of(communeId, year);
        return pool.preparedQuery(PLAN).execute(key).compose(plans -> {
            if (plans.size() == 0) {
                return Future.succeededFuture(Plan.empty(communeId, year));
            }
            Row plan = plans.iterator().next();
            return pool.preparedQuery(DIALOGUES).execute(key).map(rows -> {
                var dialogues = new ArrayList<PlannedDialogue>();
                rows.forEach(row -> dialogues.add(dialogue(row)));
                return new Plan(communeId, year, plan.getLong("seq"), target(plan), dialogues);
            });
        });
    }

    /** Appends the events after {@code before}'s sequence and updates the rows they touched, in one transaction. */
    public Future<Plan> record(Plan before, List<PlanEvent> events, String actor, Instant at) {
        Plan after = before;
        Set<UUID> touched = new LinkedHashSet<>();
        for (PlanEvent event : events) {
            after = PlanRules.apply(after, event);
            UUID dialogue = PlanRules.dialogueOf(event);
            if (dialogue != null) {
                touched.add(dialogue);
            }
        }
        Plan result = after;
        UUID streamId = Plan.streamId(result.communeId(), result.year());
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        Target target = result.target();
        Tuple plan = Tuple.tuple().addValue(result.communeId()).addValue(result.year()).addValue(streamId)
                .addValue(result.seq()).addValue(target == null ? null : target.direct())
                .addValue(byKind(target, DialogueKind.PERIODIC)).addValue(byKind(target, DialogueKind.THEMATIC))
                .addValue(byKind(target, DialogueKind.EXTRAORDINARY)).addValue(when);
        List<Tuple> dialogues = touched.stream()
                .map(id -> dialogueRow(result, result.dialogue(id).orElseThrow(), when)).toList();
        return pool.withTransaction(tx -> ledger.append(tx, new Ledger.Stream(KIND, streamId, result.communeId()),
                        before.seq(), events, NAMES, actor, at)
                .compose(last -> tx.preparedQuery(UPSERT_PLAN).execute(plan))
                .compose(done -> dialogues.isEmpty() ? Future.succeededFuture()
                        : tx.preparedQuery(UPSERT_DIALOGUE).executeBatch(dialogues).mapEmpty())
                .map(done -> result));
    }

    /** The stream's events with who and when. */
    public Future<List<Ledger.Entry>> history(UUID communeId, int year) {
        return ledger.history(Plan.streamId(communeId, year));
    }

    public Future<PlanProgress> progress(UUID communeId, int year) {
        OffsetDateTime from = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, VIETNAM);
        Tuple months = Tuple.of(communeId, year, from, from.plusYears(1));
        Future<Plan> plan = of(communeId, year);
        Future<List<PlanProgress.Month>> monthly = pool.preparedQuery(MONTHS).execute(months).map(rows -> {
            var list = new ArrayList<PlanProgress.Month>();
            rows.forEach(r -> list.add(new PlanProgress.Month(r.getInteger("month"), count(r, "planned"), count(r, "set_up"),
                    count(r, "held"), count(r, "cancelled"), count(r, "held_outside_plan"))));
            return list;
        });
        Future<Map<DialogueKind, PlanProgress.Kind>> kinds = pool.preparedQuery(KINDS).execute(Tuple.of(communeId, year)).map(rows -> {
            Map<DialogueKind, PlanProgress.Kind> byKind = new EnumMap<>(DialogueKind.class);
            rows.forEach(r -> {
                DialogueKind kind = DialogueKind.valueOf(r.getString("kind"));
                byKind.put(kind, new PlanProgress.Kind(kind, null, count(r, "planned"), count(r, "set_up"), count(r, "held")));
            });
            return byKind;
        });
        return Future.all(plan, monthly, kinds).map(all -> {
            Target target = plan.result().target();
            var kindRows = new ArrayList<PlanProgress.Kind>();
            for (DialogueKind kind : DialogueKind.values()) {
                var counted = kinds.result().getOrDefault(kind, new PlanProgress.Kind(kind, null, 0, 0, 0));
                Integer goal = target == null ? null : target.byKind().get(kind);
                kindRows.add(new PlanProgress.Kind(kind, goal, counted.planned(), counted.setUp(), counted.held()));
            }
            return new PlanProgress(year, target, monthly.result(), totals(monthly.result()), kindRows);
        });
    }

    private static PlanProgress.Month totals(List<PlanProgress.Month> months) {
        return new PlanProgress.Month(0, months.stream().mapToInt(PlanProgress.Month::planned).sum(),
                months.stream().mapToInt(PlanProgress.Month::setUp).sum(),
                months.stream().mapToInt(PlanProgress.Month::held).sum(),
                months.stream().mapToInt(PlanProgress.Month::cancelled).sum(),
                months.stream().mapToInt(PlanProgress.Month::heldOutsidePlan).sum());
    }

    private static Tuple dialogueRow(Plan plan, PlannedDialogue d, OffsetDateTime when) {
        return Tuple.tuple().addValue(d.id()).addValue(plan.communeId()).addValue(plan.year()).addValue(d.position())
                .addValue(d.kind().name()).addValue(d.theme()).addValue(d.group()).addValue((short) d.month())
                .addValue(d.chair()).addValue(d.hostOfficeId()).addValue(d.hostOffice()).addValue(d.venue())
                .addValue(d.note()).addValue(d.meetingId()).addValue(d.cancelReason())
                .addValue(d.cancelled() ? when : null).addValue(when);
    }

    private static PlannedDialogue dialogue(Row r) {
        return new PlannedDialogue(r.getUUID("id"), r.getInteger("position"), DialogueKind.valueOf(r.getString("kind")),
                r.getString("theme"), r.getString("group_name"), r.getInteger("month"), r.getString("chair"),
                r.getUUID("host_office_id"), r.getString("host_office"), r.getString("venue"), r.getString("note"),
                r.getUUID("meeting_id"), r.getString("cancel_reason"));
    }

    private static Target target(Row plan) {
        Integer direct = plan.getInteger("target_direct");
        if (direct == null) {
            return null;
        }
        Map<DialogueKind, Integer> byKind = new EnumMap<>(DialogueKind.class);
        put(byKind, DialogueKind.PERIODIC, plan.getInteger("target_periodic"));
        put(byKind, DialogueKind.THEMATIC, plan.getInteger("target_thematic"));
        put(byKind, DialogueKind.EXTRAORDINARY, plan.getInteger("target_extraordinary"));
        return new Target(direct, byKind);
    }

    private static void put(Map<DialogueKind, Integer> byKind, DialogueKind kind, Integer value) {
        if (value != null) {
            byKind.put(kind, value);
        }
    }

    private static Integer byKind(Target target, DialogueKind kind) {
        return target == null ? null : target.byKind().get(kind);
    }

    private static int count(Row row, String column) {
        return row.getLong(column).intValue();
    }
}
