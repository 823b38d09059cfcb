package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Action;
import vn.doithoai.access.Caller;
import vn.doithoai.documents.ReportDocx;
import vn.doithoai.documents.Signature;
import vn.doithoai.petition.FieldList;
import vn.doithoai.reports.Period;
import vn.doithoai.reports.Report;
import vn.doithoai.reports.ReportCsv;
import vn.doithoai.reports.ReportXlsx;
import vn.doithoai.store.Directory;
import vn.doithoai.store.PetitionFieldStore;
import vn.doithoai.store.ReportStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports upward (issue 17, section 4): {@code GET /api/reports?commune=<id>|all&period=…} (or
 * {@code &from=…&to=…}) as JSON, and the same figures as .csv, .xlsx and .docx. "all" is every
 * commune the account may read: every commune for an account of all communes, its own otherwise.
 */
public final class ReportApi implements Routes {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportStore reports;
    private final PetitionFieldStore fields;
    private final Directory directory;
    private final StaffGate gate;
    private final Clock clock;

    /** The communes a report covers, what it calls them, and what its document heads with. */
    private record Scope(List<UUID> communes, String name, FieldList fields, ReportDocx.Heading heading) {
    }

    public ReportApi(ReportStore reports, PetitionFieldStore fields, Directory directory, StaffGate gate, Clock clock) {
        this.reports = reports;
        this.fields = fields;
        this.directory = directory;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.route("/api/reports*").handler(gate);
        router.get("/api/reports").handler(ctx -> report(ctx, "json"));
        router.get("/api/reports.csv").handler(ctx -> report(ctx, "csv"));
        router.get("/api/reports.xlsx").handler(ctx -> report(ctx, "xlsx"));
        router.get("/api/reports.docx").handler(ctx -> report(ctx, "docx"));
    }

    private void report(RoutingContext ctx, String format) {
        Optional<Period> period = period(ctx);
        if (period.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ReportStore.ZONE));
        Future<Scope> scope = scope(ctx, today);
        if (scope == null) {
            return;
        }
        Future<Map.Entry<Scope, Report>> built = scope.compose(s ->
                reports.report(s.name(), s.communes(), period.get(), today, s.fields()).map(r -> Map.entry(s, r)));
        if (format.equals("json")) {
            Rest.respond(ctx, 200, built.map(e -> json(e.getValue())));
            return;
        }
        Period p = period.get();
        String file = "bao-cao-doi-thoai-" + p.from() + "-" + p.lastDay() + "." + format;
        built.compose(e -> ctx.vertx().executeBlocking(() -> write(format, e.getKey(), e.getValue()), false))
                .onComplete(done -> {
                    if (done.failed()) {
                        Rest.fail(ctx, done.cause());
                        return;
                    }
                    String type = switch (format) {
                        case "csv" -> "text/csv; charset=utf-8";
                        case "xlsx" -> XLSX;
                        default -> DOCX;
                    };
                    ctx.response().putHeader("Content-Type", type)
                            .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                            .end(Buffer.buffer(done.result()));
                });
    }

    private static Map<String, Object> json(Report r) {
        var body = new LinkedHashMap<String, Object>();
        body.put("scope", r.scope());
        body.put("communes", r.communes());
        body.put("from", r.period().from());
        body.put("to", r.period().lastDay());
        body.put("asOf", r.asOf());
        body.put("dialogues", r.dialogues());
        body.put("petitions", r.petitions());
        body.put("conclusions", r.conclusions());
        return body;
    }

    private static byte[] write(String format, Scope scope, Report report) throws IOException {
        if (format.equals("csv")) {
            return ReportCsv.write(report);
        }
        var out = new ByteArrayOutputStream();
        if (format.equals("xlsx")) {
            ReportXlsx.write(report, out);
        } else {
            ReportDocx.write(report, scope.heading(), out);
        }
        return out.toByteArray();
    }

    /** The period asked for; when it is missing or wrong, a 400 has been sent and the answer is empty. */
    private static Optional<Period> period(RoutingContext ctx) {
        String named = ctx.request().getParam("period");
        String from = ctx.request().getParam("from");
        String to = ctx.request().getParam("to");
        Optional<Period> period = named != null && !named.isBlank() ? Period.named(named)
                : from != null && to != null ? Period.between(from, to) : Optional.empty();
        if (period.isEmpty()) {
            Problem.of(Problem.BAD_REQUEST, "Kỳ báo cáo không đúng: tháng (2026-07), quý (2026-Q3), 6 tháng (2026-H1), "
                            + "9 tháng (2026-9M), năm (2026) hoặc từ ngày đến ngày (năm-tháng-ngày)",
                    "The period is not right: a month (2026-07), a quarter (2026-Q3), a half (2026-H1), nine months "
                            + "(2026-9M), a year (2026), or from and to (year-month-day)").send(ctx, 400);
        } else if (period.get().days() > Period.MAX_DAYS) {
            Problem.of(Problem.BAD_REQUEST, "Kỳ báo cáo dài quá ba năm", "The period is longer than three years").send(ctx, 400);
            return Optional.empty();
        }
        return period;
    }

    /** The communes asked for, or null when refused (403/404/400 sent). */
    private Future<Scope> scope(RoutingContext ctx, LocalDate today) {
        Caller caller = StaffGate.caller(ctx);
        String asked = ctx.request().getParam("commune", "all").trim();
        if (asked.equals("all")) {
            if (caller.account().allCommunes()) {
                if (!StaffGate.allowed(ctx, Action.READ, null)) {
                    return null;
                }
                return directory.communes().map(all -> {
                    List<UUID> ids = all.stream().map(Directory.Commune::id).toList();
                    if (all.size() == 1) {
                        return single(all.get(0), FieldList.start(), today);
                    }
                    String province = all.stream().map(Directory.Commune::province).filter(p -> p != null && !p.isBlank())
                            .findFirst().orElse(null);
                    String body = province == null ? "Ủy ban nhân dân" : "Ủy ban nhân dân\ntỉnh " + province;
                    return new Scope(ids, ids.size() + " xã", FieldList.start(), new ReportDocx.Heading(body,
                            province == null ? "Việt Nam" : province, today, new Signature("TM. Ủy ban nhân dân", "Chủ tịch", null),
                            List.of("Thường trực Tỉnh ủy;", "Thường trực HĐND tỉnh;", "Lưu: VT.")));
                });
            }
            asked = caller.account().communeId().toString();
        }
        UUID id;
        try {
            id = UUID.fromString(asked);
        } catch (IllegalArgumentException e) {
            Problem.of(Problem.BAD_REQUEST, "Xã không đúng: mã của xã hoặc all", "The commune is not right: its id or all")
                    .send(ctx, 400);
            return null;
        }
        if (!StaffGate.allowed(ctx, Action.READ, id)) {
            return null;
        }
        return directory.commune(id).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new Rest.Answered(Problem.notFound("xã này", "commune"), 404));
            }
            return fields.of(id).map(loaded -> single(found.get(), loaded.list(), today));
        });
    }

    private static Scope single(Directory.Commune commune, FieldList fields, LocalDate today) {
        String place = commune.name().replaceFirst("(?iu)^xã\\s+", "");
        return new Scope(List.of(commune.id()), commune.name(), fields, new ReportDocx.Heading("Ủy ban nhân dân\nxã " + place,
                place, today, new Signature("TM. Ủy ban nhân dân", "Chủ tịch", null),
                List.of("Ủy ban nhân dân cấp trên;", "Thường trực Đảng ủy xã;", "Lưu: VT.")));
    }
}
