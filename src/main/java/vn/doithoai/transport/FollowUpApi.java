package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Action;
import vn.doithoai.access.Caller;
import vn.doithoai.desk.FollowUpDesk;
import vn.doithoai.followup.FollowUp;
import vn.doithoai.followup.FollowUpCommand;
import vn.doithoai.followup.Rating;
import vn.doithoai.followup.Update;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.FollowUpStore;
import vn.doithoai.store.Ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-up of conclusions after their meeting (docs/api.md): the lists of a commune, of an
 * office and by office, one follow-up with its history, the office's reports and the Front's
 * supervision. Who may report is asked of {@link Caller#mayReportOn}: the administrator, or the
 * staff of the conclusion's own office; the Front's steps need {@link Action#FRONT_WORK}.
 */
public final class FollowUpApi implements Routes {

    record Report(String note, LocalDate on) {
    }

    record Done(String result, LocalDate on) {
    }

    record Transfer(String to, String note, LocalDate on) {
    }

    record Mark(Integer year) {
    }

    record Finding(String finding, LocalDate on) {
    }

    private final FollowUpDesk desk;
    private final FollowUpStore store;
    private final Ledger ledger;
    private final StaffGate gate;
    private final Clock clock;

    public FollowUpApi(FollowUpDesk desk, FollowUpStore store, Ledger ledger, StaffGate gate, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.ledger = ledger;
        this.gate = gate;
        this.clock = clock;
    }

    /** The commune's lists go behind the gate with /api/communes*; the follow-ups' own routes behind it here. */
    @Override
    public void mount(Router router) {
        router.route("/api/followups*").handler(gate);
        router.get("/api/communes/:communeId/followups").handler(this::list);
        router.get("/api/communes/:communeId/followups/by-office").handler(this::byOffice);
        router.get("/api/followups/:id").handler(this::show);
        report(router, "start", Report.class, b -> new FollowUpCommand.Start(b.note(), b.on()));
        report(router, "note", Report.class, b -> new FollowUpCommand.Note(b.note(), b.on()));
        report(router, "done", Done.class, b -> new FollowUpCommand.Finish(b.result(), b.on()));
        report(router, "transfer", Transfer.class, b -> new FollowUpCommand.Transfer(b.to(), b.note(), b.on()));
        supervise(router, "supervision", Mark.class, b -> new FollowUpCommand.MarkForSupervision(b.year()));
        supervise(router, "finding", Finding.class, b -> new FollowUpCommand.RecordSupervision(b.finding(), b.on()));
    }

    private interface Step<B> {
        FollowUpCommand command(B body);
    }

    /** Who may is asked of the follow-up as stored; the rules decide on it as it stands. */
    private interface Permission {
        boolean allowed(RoutingContext ctx, FollowUp f);
    }

    private <B> void report(Router router, String name, Class<B> bodyType, Step<B> step) {
        route(router, name, bodyType, step, (ctx, f) -> {
            if (StaffGate.caller(ctx).mayReportOn(f.communeId(), f.officeId())) {
                return true;
            }
            Problem.of(Problem.FORBIDDEN, "Chỉ cơ quan được giao hoặc quản trị của xã mới cập nhật kết luận này",
                    "Only the office it is assigned to or the commune's administrator reports on this conclusion").send(ctx, 403);
            return false;
        });
    }

    private <B> void supervise(Router router, String name, Class<B> bodyType, Step<B> step) {
        route(router, name, bodyType, step, (ctx, f) -> StaffGate.allowed(ctx, Action.FRONT_WORK, f.communeId()));
    }

    private <B> void route(Router router, String name, Class<B> bodyType, Step<B> step, Permission permission) {
        router.post("/api/followups/:id/" + name).handler(ctx -> {
            Optional<UUID> id = Rest.uuid(ctx, "id");
            Optional<B> body = id.isPresent() ? Rest.body(ctx, bodyType) : Optional.empty();
            if (body.isEmpty()) {
                return;
            }
            store.byId(id.get()).onComplete(found -> {
                if (found.failed()) {
                    Rest.fail(ctx, found.cause());
                } else if (found.result().isEmpty()) {
                    Problem.notFound("kết luận", "conclusion").send(ctx, 404);
                } else if (permission.allowed(ctx, found.result().get().followUp())) {
                    desk.act(StaffGate.caller(ctx).actor(), found.result().get(), step.command(body.get())).onComplete(done -> {
                        if (done.failed()) {
                            Rest.fail(ctx, done.cause());
                        } else if (done.result().refusal() != null) {
                            Rest.refuse(ctx, done.result().refusal());
                        } else {
                            FollowUpStore.Stored stored = done.result().stored();
                            Rest.respond(ctx, 200, Future.succeededFuture(Map.of("followUp", stored.followUp(), "seq", stored.seq(),
                                    "overdue", stored.followUp().overdueOn(today()))));
                        }
                    });
                }
            });
        });
    }

    private void list(RoutingContext ctx) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.READ, id));
        if (communeId.isEmpty()) {
            return;
        }
        var q = ctx.request().params();
        UUID office;
        FollowUpStore.Scope scope;
        Integer year;
        try {
            office = blank(q.get("office")) ? null : UUID.fromString(q.get("office"));
            scope = blank(q.get("scope")) ? FollowUpStore.Scope.OPEN : FollowUpStore.Scope.valueOf(q.get("scope").toUpperCase(java.util.Locale.ROOT));
            year = blank(q.get("year")) ? null : Integer.valueOf(q.get("year"));
        } catch (IllegalArgumentException e) {
            Problem.of(Refusal.FIELD_INVALID, "Bộ lọc không đúng (cơ quan, phạm vi hoặc năm)",
                    "A filter is not valid (office, scope or year)").send(ctx, 400);
            return;
        }
        LocalDate today = today();
        Rest.respond(ctx, 200, store.list(new FollowUpStore.Filter(communeId.get(), office, scope, year, today)).map(found -> Map.of(
                "today", today, "followUps", found.stream().map(s -> listed(s.followUp(), today)).toList(),
                "truncated", found.size() >= FollowUpStore.MAX_LIST)));
    }

    private void byOffice(RoutingContext ctx) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.READ, id));
        if (communeId.isPresent()) {
            LocalDate today = today();
            Rest.respond(ctx, 200, store.byOffice(communeId.get(), today).map(offices -> Map.of("today", today, "offices", offices)));
        }
    }

    private void show(RoutingContext ctx) {
        Rest.uuid(ctx, "id").ifPresent(id -> store.byId(id).onComplete(found -> {
            if (found.failed()) {
                Rest.fail(ctx, found.cause());
            } else if (found.result().isEmpty()) {
                Problem.notFound("kết luận", "conclusion").send(ctx, 404);
            } else if (StaffGate.allowed(ctx, Action.READ, found.result().get().followUp().communeId())) {
                FollowUpStore.Stored stored = found.result().get();
                Rest.respond(ctx, 200, ledger.history(id).map(history -> Map.of("followUp", stored.followUp(), "seq", stored.seq(),
                        "overdue", stored.followUp().overdueOn(today()), "history", history)));
            }
        }));
    }

    /** What a line of the lists shows: the conclusion, where it is, its last report, the Front's marks, the ratings counted. */
    private static Map<String, Object> listed(FollowUp f, LocalDate today) {
        var line = new LinkedHashMap<String, Object>();
        line.put("id", f.id());
        line.put("meetingId", f.meetingId());
        line.put("meetingTitle", f.meetingTitle());
        line.put("conclusionId", f.conclusionId());
        line.put("text", f.text());
        line.put("outcome", f.outcome());
        line.put("officeName", f.officeName());
        line.put("officeId", f.officeId());
        line.put("deadline", f.deadline());
        line.put("status", f.status());
        line.put("statusLabel", Map.of("vi", f.status().vi, "en", f.status().en));
        line.put("overdue", f.overdueOn(today));
        line.put("openedOn", f.openedOn());
        line.put("settledOn", f.settledOn());
        line.put("settledLate", f.settledLate());
        line.put("petitionCodes", f.petitionCodes());
        List<Update> updates = f.updates();
        line.put("lastUpdate", updates.isEmpty() ? null : updates.get(updates.size() - 1));
        line.put("supervisionYears", f.supervisionYears());
        line.put("findings", f.findings().size());
        line.put("satisfied", f.ratings().stream().filter(Rating::satisfied).count());
        line.put("notSatisfied", f.ratings().stream().filter(r -> !r.satisfied()).count());
        return line;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(FollowUp.ZONE));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
