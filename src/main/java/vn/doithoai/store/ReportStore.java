package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.meeting.MeetingKind;
import vn.doithoai.meeting.Outcome;
import vn.doithoai.petition.Channel;
import vn.doithoai.petition.Competence;
import vn.doithoai.petition.FieldList;
import vn.doithoai.petition.PetitionField;
import vn.doithoai.reports.Period;
import vn.doithoai.reports.Report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reports upward, counted from the record when asked (V17 says which indexes they use and
 * docs/reports.md shows their plans): the meetings and their events, the plans, the petitions and
 * the follow-ups of conclusions. Four queries, each one pass over its table for the communes and
 * the period; nothing is counted beside the record.
 */
public final class ReportStore {

    /** The communes' clock: a period is days in Vietnam. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * The meetings closed in the period, each with its kind (its last setup's) and its events
     * counted, summed per kind. $1 communes, [$2, $3) the period.
     */
    static final String HELD = """
            SELECT coalesce(setup.kind, 'PERIODIC') AS kind, count(*) AS held,
                   sum(counted.attendees) AS attendees, sum(counted.speeches) AS speeches, sum(counted.answers) AS answers
            FROM meetings m
            LEFT JOIN LATERAL (
                SELECT e.payload -> 'setup' ->> 'kind' AS kind FROM events e
                WHERE e.meeting_id = m.id AND e.type IN ('MeetingCreated', 'SetupChanged')
                ORDER BY e.seq DESC LIMIT 1) setup ON true
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE e.type = 'CheckedIn') AS attendees,
                       count(*) FILTER (WHERE e.type = 'SpeakerCalled') AS speeches,
                       count(*) FILTER (WHERE e.type = 'ResponderCalled') AS answers
                FROM events e
                WHERE e.meeting_id = m.id AND e.type IN ('CheckedIn', 'SpeakerCalled', 'ResponderCalled')) counted
            WHERE m.commune_id = ANY ($1) AND m.status = 'CLOSED' AND m.closed_at >= $2 AND m.closed_at < $3
            GROUP BY 1""";
    /**
     * The planned dialogues of the months the period touches, per kind, and the targets of the
     * years it falls in ('ALL' carries the direct target). $1 communes, $2 the first day of the
     * period's first month, $3 the day after the period, $4 and $5 its first and last year.
     */
    static final String PLANNED = """
            WITH targets AS (
                SELECT sum(target_direct) AS direct, sum(target_periodic) AS periodic,
                       sum(target_thematic) AS thematic, sum(target_extraordinary) AS extraordinary
                FROM plans WHERE commune_id = ANY ($1) AND year BETWEEN $4 AND $5),
            planned AS (
                SELECT d.kind,
                       count(*) FILTER (WHERE d.cancelled_at IS NULL) AS planned,
                       count(*) FILTER (WHERE m.status = 'CLOSED') AS held,
                       count(*) FILTER (WHERE d.cancelled_at IS NOT NULL) AS cancelled
                FROM planned_dialogues d LEFT JOIN meetings m ON m.id = d.meeting_id
                WHERE d.commune_id = ANY ($1) AND d.year BETWEEN $4 AND $5
                  AND make_date(d.year, d.month, 1) >= $2 AND make_date(d.year, d.month, 1) < $3
                GROUP BY d.kind)
            SELECT k.kind,
                   CASE k.kind WHEN 'PERIODIC' THEN t.periodic WHEN 'THEMATIC' THEN t.thematic
                               WHEN 'EXTRAORDINARY' THEN t.extraordinary ELSE t.direct END AS target,
                   coalesce(p.planned, 0) AS planned, coalesce(p.held, 0) AS held, coalesce(p.cancelled, 0) AS cancelled
            FROM unnest(ARRAY['ALL', 'PERIODIC', 'THEMATIC', 'EXTRAORDINARY']) AS k(kind)
            CROSS JOIN targets t
            LEFT JOIN planned p ON p.kind = k.kind""";
    /**
     * The petitions received in the period, a group once (its lead): counted once per combination of
     * field, channel, competence and village (one pass, which PostgreSQL may share among workers),
     * then those few rows grouped five ways. $1 communes, [$2, $3) the period, $4 the day overdue is
     * counted on.
     */
    static final String PETITIONS = """
            WITH counted AS (
                SELECT field_code, channel, competence, village_key,
                       min(village_name) AS village,
                       count(*) AS received,
                       count(answered_on) AS answered,
                       count(*) FILTER (WHERE answered_on IS NOT NULL AND (due_date IS NULL OR answered_on <= due_date)) AS on_time,
                       count(*) FILTER (WHERE answered_on > due_date) AS late,
                       count(*) FILTER (WHERE status IN ('RECEIVED', 'ASSIGNED', 'ANSWER_DRAFTED') AND due_date < $4) AS overdue,
                       count(*) FILTER (WHERE status = 'TRANSFERRED') AS transferred,
                       count(*) FILTER (WHERE status = 'REFUSED') AS refused
                FROM petitions
                WHERE commune_id = ANY ($1) AND received_at >= $2 AND received_at < $3 AND group_lead IS NULL
                GROUP BY field_code, channel, competence, village_key)
            SELECT CASE WHEN GROUPING(field_code) = 0 THEN 'field' WHEN GROUPING(channel) = 0 THEN 'channel'
                        WHEN GROUPING(competence) = 0 THEN 'competence' WHEN GROUPING(village_key) = 0 THEN 'village'
                        ELSE 'total' END AS dimension,
                   coalesce(field_code, channel, competence, village_key) AS key,
                   min(village) AS village,
                   coalesce(sum(received), 0)::bigint AS received, coalesce(sum(answered), 0)::bigint AS answered, coalesce(sum(on_time), 0)::bigint AS on_time,
                   coalesce(sum(late), 0)::bigint AS late, coalesce(sum(overdue), 0)::bigint AS overdue, coalesce(sum(transferred), 0)::bigint AS transferred,
                   coalesce(sum(refused), 0)::bigint AS refused
            FROM counted
            GROUP BY GROUPING SETS ((field_code), (channel), (competence), (village_key), ())""";
    /**
     * The conclusions of the meetings closed in the period, by outcome, with their citizens'
     * ratings. $1 communes, [$2, $3) the period, $4 the day overdue is counted on.
     */
    static final String CONCLUSIONS = """
            SELECT f.state ->> 'outcome' AS outcome, count(*) AS total,
                   count(*) FILTER (WHERE f.status = 'DONE' AND (f.deadline IS NULL OR f.settled_on <= f.deadline)) AS done_on_time,
                   count(*) FILTER (WHERE f.status = 'DONE' AND f.settled_on > f.deadline) AS done_late,
                   count(*) FILTER (WHERE f.status = 'TRANSFERRED') AS transferred,
                   count(*) FILTER (WHERE f.status IN ('ASSIGNED', 'IN_PROGRESS')) AS open,
                   count(*) FILTER (WHERE f.status IN ('ASSIGNED', 'IN_PROGRESS') AND f.deadline < $4) AS overdue,
                   coalesce(sum(r.satisfied), 0) AS satisfied, coalesce(sum(r.not_satisfied), 0) AS not_satisfied
            FROM followups f
            JOIN meetings m ON m.id = f.meeting_id
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE (x ->> 'satisfied')::boolean) AS satisfied,
                       count(*) FILTER (WHERE NOT (x ->> 'satisfied')::boolean) AS not_satisfied
                FROM jsonb_array_elements(f.state -> 'ratings') x) r
            WHERE f.commune_id = ANY ($1) AND m.closed_at >= $2 AND m.closed_at < $3
            GROUP BY 1""";

    private final Pool pool;

    public ReportStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * The report for these communes over the period, overdue counted on {@code asOf}; field codes
     * named by {@code fields} (the commune's list; a code it lacks shows as itself).
     */
    public Future<Report> report(String scope, List<UUID> communes, Period period, LocalDate asOf, FieldList fields) {
        UUID[] ids = communes.toArray(UUID[]::new);
        OffsetDateTime start = period.from().atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime end = period.to().atStartOfDay(ZONE).toOffsetDateTime();
        Tuple range = Tuple.of(ids, start, end);
        Tuple withToday = Tuple.of(ids, start, end, asOf);
        Tuple plan = Tuple.of(ids, period.from().withDayOfMonth(1), period.to(), period.from().getYear(),
                period.lastDay().getYear());
        return Future.all(pool.preparedQuery(HELD).execute(range), pool.preparedQuery(PLANNED).execute(plan),
                        pool.preparedQuery(PETITIONS).execute(withToday), pool.preparedQuery(CONCLUSIONS).execute(withToday))
                .map(all -> new Report(scope, ids.length, period, asOf,
                        dialogues(all.resultAt(0), all.resultAt(1)), petitions(all.resultAt(2), fields),
                        conclusions(all.resultAt(3))));
    }

    private static Report.Dialogues dialogues(RowSet<Row> held, RowSet<Row> planned) {
        Map<String, Row> heldByKind = new HashMap<>();
        held.forEach(r -> heldByKind.put(r.getString("kind"), r));
        Map<String, Row> plannedByKind = new HashMap<>();
        planned.forEach(r -> plannedByKind.put(r.getString("kind"), r));
        List<Report.Kind> kinds = new ArrayList<>();
        int heldAll = 0;
        int attendees = 0;
        int speeches = 0;
        int answers = 0;
        for (MeetingKind kind : MeetingKind.values()) {
            Row h = heldByKind.get(kind.name());
            Row p = plannedByKind.get(kind.name());
            int heldHere = h == null ? 0 : h.getInteger("held");
            int attendeesHere = h == null ? 0 : h.getInteger("attendees");
            int speechesHere = h == null ? 0 : h.getInteger("speeches");
            kinds.add(new Report.Kind(kind.name(), kindLabel(kind), p.getInteger("target"), p.getInteger("planned"),
                    heldHere, attendeesHere, speechesHere));
            heldAll += heldHere;
            attendees += attendeesHere;
            speeches += speechesHere;
            answers += h == null ? 0 : h.getInteger("answers");
        }
        Row all = plannedByKind.get("ALL");
        Integer target = all.getInteger("target");
        int planTotal = kinds.stream().mapToInt(Report.Kind::planned).sum();
        int plannedHeld = 0;
        int cancelled = 0;
        for (Row p : plannedByKind.values()) {
            plannedHeld += p.getInteger("held");
            cancelled += p.getInteger("cancelled");
        }
        return new Report.Dialogues(target == null ? 0 : target, planTotal, plannedHeld, cancelled, heldAll, attendees,
                speeches, answers, kinds);
    }

    private static String kindLabel(MeetingKind kind) {
        return switch (kind) {
            case PERIODIC -> "Định kỳ";
            case THEMATIC -> "Chuyên đề";
            case EXTRAORDINARY -> "Đột xuất";
        };
    }

    private static Report.Petitions petitions(RowSet<Row> rows, FieldList fields) {
        Map<String, List<Report.Line>> by = new HashMap<>();
        Report.Line total = new Report.Line("", "Tổng số", 0, 0, 0, 0, 0, 0, 0);
        for (Row r : rows) {
            String dimension = r.getString("dimension");
            String key = r.getString("key");
            Report.Line line = new Report.Line(key == null ? "" : key, label(dimension, key, r.getString("village"), fields),
                    r.getInteger("received"), r.getInteger("answered"), r.getInteger("on_time"), r.getInteger("late"),
                    r.getInteger("overdue"), r.getInteger("transferred"), r.getInteger("refused"));
            if (dimension.equals("total")) {
                total = line;
            } else {
                by.computeIfAbsent(dimension, d -> new ArrayList<>()).add(line);
            }
        }
        return new Report.Petitions(total, sorted(by, "field"), sorted(by, "channel"), sorted(by, "competence"),
                sorted(by, "village"));
    }

    private static List<Report.Line> sorted(Map<String, List<Report.Line>> by, String dimension) {
        List<Report.Line> lines = new ArrayList<>(by.getOrDefault(dimension, List.of()));
        lines.sort(Comparator.comparingInt(Report.Line::received).reversed().thenComparing(Report.Line::label));
        return List.copyOf(lines);
    }

    private static String label(String dimension, String key, String village, FieldList fields) {
        return switch (dimension) {
            case "field" -> fields.byCode(key).map(PetitionField::vi).orElse(key);
            case "channel" -> Channel.valueOf(key).vi;
            case "competence" -> key == null ? "Chưa xác định thẩm quyền" : Competence.valueOf(key).vi;
            case "village" -> village;
            default -> "Tổng số";
        };
    }

    private static Report.Conclusions conclusions(RowSet<Row> rows) {
        List<Report.Outcome> byOutcome = new ArrayList<>();
        int[] sums = new int[8];
        for (Row r : rows) {
            String key = r.getString("outcome");
            int[] values = {r.getInteger("total"), r.getInteger("done_on_time"), r.getInteger("done_late"),
                    r.getInteger("transferred"), r.getInteger("open"), r.getInteger("overdue"),
                    r.getInteger("satisfied"), r.getInteger("not_satisfied")};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += values[i];
            }
            byOutcome.add(outcome(key, Outcome.valueOf(key).vi, values));
        }
        byOutcome.sort(Comparator.comparing(o -> Outcome.valueOf(o.key()).ordinal()));
        return new Report.Conclusions(outcome("", "Tổng số", sums), List.copyOf(byOutcome));
    }

    private static Report.Outcome outcome(String key, String label, int[] v) {
        return new Report.Outcome(key, label, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
