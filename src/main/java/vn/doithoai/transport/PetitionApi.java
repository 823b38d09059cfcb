package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.AccountRole;
import vn.doithoai.access.Action;
import vn.doithoai.access.Caller;
import vn.doithoai.desk.PetitionDesk;
import vn.doithoai.petition.Channel;
import vn.doithoai.petition.Citizen;
import vn.doithoai.petition.Competence;
import vn.doithoai.petition.Overdue;
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PetitionCommand;
import vn.doithoai.petition.FieldList;
import vn.doithoai.petition.PetitionStatus;
import vn.doithoai.petition.PublicAnswer;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.Ledger;
import vn.doithoai.store.OfficeStore;
import vn.doithoai.store.PetitionStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The petition desk's REST routes (docs/api.md): recording a petition from any channel, the
 * searchable list, and each step of its life. Who may do each step is asked of {@link Caller#may};
 * an office's staff drafts only for the petitions assigned to its office.
 */
public final class PetitionApi implements Routes {

    record NewPetition(Citizen citizen, Instant receivedAt, Channel channel, String fieldCode, Competence competence,
                       String content) {
    }

    record Reclassify(Channel channel, String fieldCode, Competence competence) {
    }

    record Assign(UUID officeId, String officeName, LocalDate dueDate) {
    }

    record Text(String text) {
    }

    record Answer(String text, PublicAnswer.How how, UUID meetingId, String meetingTitle) {
    }

    record Transfer(String to, String note) {
    }

    record Refuse(String ground) {
    }

    record Group(UUID leadId) {
    }

    private final PetitionDesk desk;
    private final PetitionStore petitions;
    private final OfficeStore offices;
    private final Ledger ledger;
    private final Clock clock;

    public PetitionApi(PetitionDesk desk, PetitionStore petitions, OfficeStore offices, Ledger ledger, Clock clock) {
        this.desk = desk;
        this.petitions = petitions;
        this.offices = offices;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Behind the staff gate (/api/communes*, /api/petitions*). */
    @Override
    public void mount(Router router) {
        router.post("/api/communes/:communeId/petitions").handler(this::receive);
        router.get("/api/communes/:communeId/petitions").handler(this::search);
        router.get("/api/petitions/:petitionId").handler(this::show);
        step(router, "reclassify", Action.RECORD_PETITIONS, Reclassify.class,
                (p, b) -> Future.succeededFuture(new PetitionCommand.Reclassify(b.channel(), b.fieldCode(), b.competence())));
        step(router, "assign", Action.RECORD_PETITIONS, Assign.class, this::assign);
        step(router, "draft", Action.DRAFT_ANSWERS, Text.class, (p, b) -> Future.succeededFuture(new PetitionCommand.DraftAnswer(b.text())));
        step(router, "answer", Action.RECORD_PETITIONS, Answer.class,
                (p, b) -> Future.succeededFuture(new PetitionCommand.Answer(b.text(), b.how(), b.meetingId(), b.meetingTitle())));
        step(router, "close", Action.RECORD_PETITIONS, Text.class, (p, b) -> Future.succeededFuture(new PetitionCommand.Close()));
        step(router, "transfer", Action.RECORD_PETITIONS, Transfer.class,
                (p, b) -> Future.succeededFuture(new PetitionCommand.Transfer(b.to(), b.note())));
        step(router, "refuse", Action.RECORD_PETITIONS, Refuse.class, (p, b) -> Future.succeededFuture(new PetitionCommand.Refuse(b.ground())));
        step(router, "group", Action.RECORD_PETITIONS, Group.class, (p, b) -> desk.groupUnder(b.leadId()));
        step(router, "ungroup", Action.RECORD_PETITIONS, Text.class, (p, b) -> Future.succeededFuture(new PetitionCommand.Ungroup()));
        step(router, "sensitive", Action.FRONT_WORK, Text.class, (p, b) -> Future.succeededFuture(new PetitionCommand.MarkSensitive()));
        step(router, "not-sensitive", Action.FRONT_WORK, Text.class, (p, b) -> Future.succeededFuture(new PetitionCommand.UnmarkSensitive()));
    }

    private interface Step<B> {
        Future<PetitionCommand> command(Petition petition, B body);
    }

    private <B> void step(Router router, String name, Action action, Class<B> bodyType, Step<B> step) {
        router.post("/api/petitions/:petitionId/" + name).handler(ctx -> {
            Optional<UUID> id = Rest.uuid(ctx, "petitionId");
            if (id.isEmpty()) {
                return;
            }
            String text = ctx.body().asString();
            Optional<B> body = text == null || text.isBlank() ? Optional.ofNullable(emptyBody(bodyType)) : Rest.body(ctx, bodyType);
            if (body.isEmpty()) {
                return;
            }
            Caller caller = StaffGate.caller(ctx);
            // Whether the caller may act on this petition is asked of the petition as stored; the
            // desk then decides on it again as it stands when the step is recorded.
            petitions.byId(id.get()).onComplete(found -> {
                if (found.failed()) {
                    Rest.fail(ctx, found.cause());
                } else if (found.result().isEmpty()) {
                    Problem.notFound("kiến nghị", "petition").send(ctx, 404);
                } else if (!ownOffice(caller, action, found.result().get().petition())) {
                    Problem.of(Problem.FORBIDDEN, "Chỉ cơ quan được giao mới soạn trả lời kiến nghị này",
                            "Only the office it is assigned to drafts the answer to this petition").send(ctx, 403);
                } else if (StaffGate.allowed(ctx, action, found.result().get().petition().communeId())) {
                    desk.act(caller.actor(), id.get(), petition -> step.command(petition, body.get()))
                            .onComplete(done -> answer(ctx, 200, done));
                }
            });
        });
    }

    /** An office's staff drafts for its own office's petitions only. */
    private static boolean ownOffice(Caller caller, Action action, Petition petition) {
        if (action != Action.DRAFT_ANSWERS || caller.account().role() != AccountRole.OFFICE_STAFF) {
            return true;
        }
        return petition.assignment() != null && caller.account().officeId().equals(petition.assignment().officeId());
    }

    /** The office's name as the directory has it; free text stays possible for a level above the commune. */
    private Future<PetitionCommand> assign(Petition petition, Assign body) {
        if (body.officeId() == null) {
            return Future.succeededFuture(new PetitionCommand.Assign(null, body.officeName(), body.dueDate()));
        }
        return offices.byId(body.officeId()).map(office -> office.filter(o -> o.communeId().equals(petition.communeId()) && !o.retired())
                .map(o -> new PetitionCommand.Assign(o.id(), o.name(), body.dueDate()))
                .orElse(new PetitionCommand.Assign(null, null, body.dueDate())));
    }

    private void receive(RoutingContext ctx) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.RECORD_PETITIONS, id));
        Optional<NewPetition> body = communeId.isPresent() ? Rest.body(ctx, NewPetition.class) : Optional.empty();
        if (body.isEmpty()) {
            return;
        }
        NewPetition b = body.get();
        desk.receive(StaffGate.caller(ctx).actor(), communeId.get(),
                        new PetitionDesk.Received(b.citizen(), b.receivedAt(), b.channel(), b.fieldCode(), b.competence(), b.content()))
                .onComplete(done -> answer(ctx, 201, done));
    }

    private void search(RoutingContext ctx) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.READ, id));
        if (communeId.isEmpty()) {
            return;
        }
        var q = ctx.request().params();
        PetitionStatus status;
        UUID office;
        int page;
        try {
            status = blank(q.get("status")) ? null : PetitionStatus.valueOf(q.get("status"));
            office = blank(q.get("office")) ? null : UUID.fromString(q.get("office"));
            page = blank(q.get("page")) ? 1 : Integer.parseInt(q.get("page"));
        } catch (IllegalArgumentException e) {
            Problem.of(Refusal.FIELD_INVALID, "Bộ lọc không đúng (trạng thái, cơ quan hoặc trang)",
                    "A filter is not valid (status, office or page)").send(ctx, 400);
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Petition.ZONE));
        var filter = new PetitionStore.Filter(communeId.get(), q.get("q"), status, emptyToNull(q.get("field")),
                emptyToNull(q.get("village")), emptyToNull(q.get("channel")), office,
                "true".equals(q.get("overdue")) ? today : null, "true".equals(q.get("open")), "due".equals(q.get("order")));
        Rest.respond(ctx, 200, petitions.search(filter, page).map(found -> Map.of(
                "petitions", found.petitions().stream().map(p -> listed(p, today)).toList(),
                "total", found.total(), "page", found.page(), "pageSize", found.pageSize())));
    }

    private void show(RoutingContext ctx) {
        Rest.uuid(ctx, "petitionId").ifPresent(id -> petitions.byId(id).onComplete(found -> {
            if (found.failed()) {
                Rest.fail(ctx, found.cause());
            } else if (found.result().isEmpty()) {
                Problem.notFound("kiến nghị", "petition").send(ctx, 404);
            } else if (StaffGate.allowed(ctx, Action.READ, found.result().get().petition().communeId())) {
                Petition p = found.result().get().petition();
                LocalDate today = LocalDate.now(clock.withZone(Petition.ZONE));
                Rest.respond(ctx, 200, ledger.history(id).map(history -> Map.of("petition", p, "seq", found.result().get().seq(),
                        "overdue", Overdue.isOverdue(p, today), "history", history)));
            }
        }));
    }

    /** What a line of the desk's list shows. */
    private static Map<String, Object> listed(Petition p, LocalDate today) {
        var line = new LinkedHashMap<String, Object>();
        line.put("id", p.id());
        line.put("trackingCode", p.trackingCode());
        line.put("receivedAt", p.receivedAt());
        line.put("status", p.status());
        line.put("statusLabel", Map.of("vi", p.status().vi, "en", p.status().en));
        line.put("channel", p.classification().channel());
        line.put("fieldCode", p.classification().fieldCode());
        line.put("village", p.citizen().villageOrOrganisation());
        line.put("citizenName", p.citizen().name());
        line.put("content", p.content().length() > 200 ? p.content().substring(0, 200) + "…" : p.content());
        line.put("officeName", p.assignment() == null ? null : p.assignment().officeName());
        line.put("dueDate", p.assignment() == null ? null : p.assignment().dueDate());
        line.put("overdue", Overdue.isOverdue(p, today));
        line.put("sensitive", p.sensitive());
        line.put("groupLead", p.groupLead());
        return line;
    }

    private static void answer(RoutingContext ctx, int status, io.vertx.core.AsyncResult<PetitionDesk.Outcome> done) {
        if (done.failed()) {
            Rest.fail(ctx, done.cause());
        } else if (done.result().refusal() != null) {
            Rest.refuse(ctx, done.result().refusal());
        } else {
            Rest.respond(ctx, status, Future.succeededFuture(Map.of("petition", done.result().stored().petition(),
                    "seq", done.result().stored().seq())));
        }
    }

    /** A step with nothing to say (close, ungroup...) may come without a body. */
    private static <B> B emptyBody(Class<B> type) {
        try {
            return vn.doithoai.codec.Json.read("{}", type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }

    /** The lists the forms offer: fields, channels, competences, statuses, each with its labels. */
    static Map<String, Object> options(FieldList fields) {
        return Map.of(
                "fields", fields.active(),
                "channels", labels(Channel.values(), c -> c.vi, c -> c.en),
                "competences", labels(Competence.values(), c -> c.vi, c -> c.en),
                "statuses", labels(PetitionStatus.values(), s -> s.vi, s -> s.en));
    }

    private static <E extends Enum<E>> List<Map<String, String>> labels(E[] values, Function<E, String> vi, Function<E, String> en) {
        return java.util.Arrays.stream(values).map(v -> Map.of("code", v.name(), "vi", vi.apply(v), "en", en.apply(v))).toList();
    }
}
