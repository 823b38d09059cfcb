package vn.doithoai.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.Action;
import vn.doithoai.codec.Json;
import vn.doithoai.live.Meetings;
import vn.doithoai.meeting.Setup;
import vn.doithoai.offices.Office;
import vn.doithoai.plan.DialogueDetails;
import vn.doithoai.plan.Plan;
import vn.doithoai.plan.PlanCommand;
import vn.doithoai.plan.PlanEvent;
import vn.doithoai.plan.PlanRules;
import vn.doithoai.plan.PlannedDialogue;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;
import vn.doithoai.store.Directory;
import vn.doithoai.store.OfficeStore;
import vn.doithoai.store.PlanStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A commune's yearly plan of dialogues (docs/api.md, "Yearly plan"): the target, the planned
 * dialogues, the meeting set up from one of them, and the progress counted month by month.
 * Reading needs READ in the commune, any change MANAGE_MEETINGS.
 */
public final class PlanApi implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(PlanApi.class);
    private static final String PLAN = "/api/communes/:communeId/plans/:year";
    private static final String DIALOGUE = PLAN + "/dialogues/:dialogueId";

    record CancelBody(String reason) {
    }

    /** The plan with whether this caller may change it: the page hides what the server would refuse. */
    record PlanView(Plan plan, boolean canEdit) {
    }

    private record Key(UUID communeId, int year) {
    }

    private final PlanStore plans;
    private final OfficeStore offices;
    private final Directory directory;
    private final Meetings meetings;
    private final String publicUrl;
    private final Clock clock;
    /**
     * The last change queued on each plan: a plan's changes run one after another on this server,
     * so that a meeting is never created for a dialogue another request is linking meanwhile.
     * Between servers the ledger's expected sequence still refuses the second writer (409).
     */
    private final Map<UUID, Future<?>> tails = new ConcurrentHashMap<>();

    public PlanApi(PlanStore plans, OfficeStore offices, Directory directory, Meetings meetings, String publicUrl, Clock clock) {
        this.plans = plans;
        this.offices = offices;
        this.directory = directory;
        this.meetings = meetings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Behind the staff gate. */
    @Override
    public void mount(Router router) {
        router.get(PLAN).handler(ctx -> read(ctx, key -> plans.of(key.communeId(), key.year())
                .map(plan -> new PlanView(plan, StaffGate.caller(ctx).may(Action.MANAGE_MEETINGS, key.communeId())))));
        router.get(PLAN + "/progress").handler(ctx -> read(ctx, key -> plans.progress(key.communeId(), key.year())));
        router.get(PLAN + "/history").handler(ctx -> read(ctx, key -> plans.history(key.communeId(), key.year())
                .map(entries -> Map.of("entries", entries))));
        router.put(PLAN + "/target").handler(ctx -> change(ctx, 200, PlanCommand.SetTarget.class,
                (target, plan) -> Future.succeededFuture(target)));
        router.post(PLAN + "/dialogues").handler(ctx -> change(ctx, 201, DialogueDetails.class,
                (details, plan) -> withOffice(plan, null, details).map(resolved -> new PlanCommand.AddDialogue(UUID.randomUUID(), resolved))));
        router.put(DIALOGUE).handler(ctx -> change(ctx, 200, DialogueDetails.class, (details, plan) -> {
            UUID id = dialogueId(ctx);
            return withOffice(plan, id, details).map(resolved -> new PlanCommand.ChangeDialogue(id, resolved));
        }));
        router.post(DIALOGUE + "/cancel").handler(ctx -> change(ctx, 200, CancelBody.class,
                (body, plan) -> Future.succeededFuture(new PlanCommand.CancelDialogue(dialogueId(ctx), body.reason()))));
        router.post(DIALOGUE + "/meeting").handler(this::setUpMeeting);
    }

    private <T> void read(RoutingContext ctx, Function<Key, Future<T>> query) {
        key(ctx, Action.READ).ifPresent(key -> Rest.respond(ctx, 200, communeExists(key).compose(query)));
    }

    /**
     * Decides the command made of the body and the plan as it stands, and records what it caused;
     * the plan after is the answer. The caller's right is checked before the body is read.
     */
    private <B> void change(RoutingContext ctx, int status, Class<B> type,
                            BiFunction<B, Plan, Future<? extends PlanCommand>> command) {
        Optional<Key> key = key(ctx, Action.MANAGE_MEETINGS);
        Optional<B> body = key.isPresent() ? Rest.body(ctx, type) : Optional.empty();
        if (body.isEmpty()) {
            return;
        }
        Key k = key.get();
        Rest.respond(ctx, status, communeExists(k).compose(ignored -> serially(k, () -> plans.of(k.communeId(), k.year())
                .compose(plan -> command.apply(body.get(), plan).compose(c -> record(ctx, plan, PlanRules.decide(plan, c)))))));
    }

    /**
     * Creates the meeting of a planned dialogue, with what the body leaves empty taken from the plan,
     * and links the two. Checked before the meeting is created, so a refused link leaves no meeting.
     */
    private void setUpMeeting(RoutingContext ctx) {
        Optional<Key> key = key(ctx, Action.MANAGE_MEETINGS);
        if (key.isEmpty()) {
            return;
        }
        Key k = key.get();
        var created = new AtomicReference<Meetings.Created>();
        Future<Plan> linked = communeExists(k).compose(ignored -> serially(k, () -> plans.of(k.communeId(), k.year())
                .compose(plan -> {
                    UUID id = dialogueId(ctx);
                    Refusal problem = PlanRules.linkProblem(plan, id);
                    if (problem != null) {
                        return Future.failedFuture(Rest.Answered.of(problem));
                    }
                    return meetings.create(k.communeId(), setup(ctx, plan.dialogue(id).orElseThrow()))
                            .compose(meeting -> {
                                created.set(meeting);
                                return record(ctx, plan, PlanRules.decide(plan, new PlanCommand.LinkMeeting(id, meeting.meetingId())))
                                        .onFailure(e -> LOG.warn("Meeting {} was created from planned dialogue {} but not linked to it: {}",
                                                meeting.meetingId(), id, e.toString()));
                            });
                })));
        Rest.respond(ctx, 201, linked.map(plan -> RoleLinks.created(publicUrl, created.get()).set("plan", Json.tree(plan))));
    }

    /** The body of a new meeting (a setup, docs/api.md) with its empty fields filled from the planned dialogue. */
    private static Setup setup(RoutingContext ctx, PlannedDialogue planned) {
        String text = ctx.body().asString();
        try {
            ObjectNode body = text == null || text.isBlank() ? Json.object() : Json.read(text, ObjectNode.class);
            if (body == null) {
                body = Json.object();
            }
            fill(body, "title", planned.theme());
            fill(body, "kind", planned.kind().name());
            fill(body, "group", planned.group());
            fill(body, "venue", planned.venue());
            fill(body, "hostOffice", planned.hostOffice());
            if (planned.chair() != null && (!body.hasNonNull("chairs") || body.path("chairs").isEmpty())) {
                body.putArray("chairs").add(planned.chair());
            }
            return Json.read(body, Setup.class);
        } catch (JsonProcessingException e) {
            throw new Rest.Answered(JsonErrors.describe(e), 400);
        }
    }

    private static void fill(ObjectNode body, String field, String planned) {
        boolean empty = !body.hasNonNull(field) || body.get(field).isTextual() && body.get(field).asText().isBlank();
        if (empty && planned != null) {
            body.put(field, planned);
        }
    }

    /**
     * The host office named by its id is the commune's, current, and recorded with its name as it is
     * today; one already on the dialogue may have been retired since. Without an id, a guest office by name.
     */
    private Future<DialogueDetails> withOffice(Plan plan, UUID dialogueId, DialogueDetails d) {
        if (d.hostOfficeId() == null) {
            return Future.succeededFuture(d);
        }
        UUID kept = dialogueId == null ? null : plan.dialogue(dialogueId).map(PlannedDialogue::hostOfficeId).orElse(null);
        return offices.byId(d.hostOfficeId()).compose(found -> {
            Office office = found.filter(o -> o.communeId().equals(plan.communeId()))
                    .filter(o -> !o.retired() || o.id().equals(kept)).orElse(null);
            if (office == null) {
                return Future.failedFuture(Rest.Answered.of(new Refusal(Refusal.FIELD_INVALID,
                        "Cơ quan chủ trì tham mưu không có trong danh bạ cơ quan của xã",
                        "The host office is not in the commune's office directory")));
            }
            return Future.succeededFuture(new DialogueDetails(d.kind(), d.theme(), d.group(), d.month(), d.chair(),
                    office.id(), office.name(), d.venue(), d.note()));
        });
    }

    private Future<Plan> record(RoutingContext ctx, Plan plan, Ruling<PlanEvent> ruling) {
        if (!ruling.accepted()) {
            return Future.failedFuture(Rest.Answered.of(ruling.refusal()));
        }
        return plans.record(plan, List.copyOf(ruling.events()), StaffGate.caller(ctx).actor(), clock.instant());
    }

    /** Runs {@code work} after every change queued on the same plan before it, done or failed. */
    private <T> Future<T> serially(Key key, Supplier<Future<T>> work) {
        UUID stream = Plan.streamId(key.communeId(), key.year());
        var mine = new AtomicReference<Future<T>>();
        tails.compute(stream, (id, previous) -> {
            Future<?> after = previous == null ? Future.succeededFuture() : previous.transform(done -> Future.succeededFuture());
            mine.set(after.compose(ignored -> work.get()));
            return mine.get();
        });
        Future<T> result = mine.get();
        result.onComplete(done -> tails.remove(stream, result));
        return result;
    }

    /** The commune and the year of the path, when the caller may do {@code action} there; else answered. */
    private static Optional<Key> key(RoutingContext ctx, Action action) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, action, id));
        if (communeId.isEmpty()) {
            return Optional.empty();
        }
        int year;
        try {
            year = Integer.parseInt(ctx.pathParam("year"));
        } catch (NumberFormatException e) {
            year = -1;
        }
        Refusal problem = PlanRules.yearProblem(year);
        if (problem != null) {
            Problem.of(problem).send(ctx, 400);
            return Optional.empty();
        }
        return Optional.of(new Key(communeId.get(), year));
    }

    /** The planned dialogue of the path; one that cannot exist is answered 404 like one that does not. */
    private static UUID dialogueId(RoutingContext ctx) {
        try {
            return UUID.fromString(ctx.pathParam("dialogueId"));
        } catch (IllegalArgumentException e) {
            throw new Rest.Answered(Problem.notFound("cuộc đối thoại này", "dialogue"), 404);
        }
    }

    private Future<Key> communeExists(Key key) {
        return directory.commune(key.communeId()).compose(commune -> commune.isPresent() ? Future.succeededFuture(key)
                : Future.failedFuture(new Rest.Answered(Problem.notFound("xã", "commune"), 404)));
    }
}
