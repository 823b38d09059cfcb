package vn.doithoai.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.Action;
import vn.doithoai.access.Secrets;
import vn.doithoai.codec.Json;
import vn.doithoai.live.Meetings;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.rules.Fields;
import vn.doithoai.meeting.Setup;
import vn.doithoai.store.Directory;
import vn.doithoai.store.RecordChain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The organiser's REST API (docs/api.md): communes, meetings and their role links. Setup changes
 * go through the meeting's own writer, so they are events in the record like everything else.
 */
public final class RestApi {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    static final int MAX_BODY = 64 * 1024;
    /** The meeting a request under /api/meetings/:meetingId is about, once {@link #meetingAccess} let it through. */
    private static final String MEETING = "meeting";

    record NewCommune(String name, String province) {
    }

    private final Directory directory;
    private final Meetings meetings;
    private final String publicUrl;
    private final BooleanSupplier databaseUp;
    private final RecordChain chain;
    private final RateLimits limits;
    private final OfficeApi offices;
    private final InvitationApi invitations;

    /** {@code databaseUp}: whether PostgreSQL answers now (the health endpoint says it). */
    public RestApi(Directory directory, Meetings meetings, RecordChain chain, String publicUrl, BooleanSupplier databaseUp,
                   RateLimits limits, OfficeApi offices) {
        this.directory = directory;
        this.offices = offices;
        this.limits = limits;
        this.chain = chain;
        this.meetings = meetings;
        this.publicUrl = publicUrl;
        this.databaseUp = databaseUp;
        this.invitations = new InvitationApi(meetings);
    }

    public void mount(Router router, StaffGate gate) {
        router.route("/api/health").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::health);
        router.get("/api/join/:code").handler(this::joinInfo);
        router.route("/api/communes*").handler(gate);
        router.route("/api/offices*").handler(gate);
        router.route("/api/petitions*").handler(gate);
        router.route("/api/meetings*").handler(gate);
        router.post("/api/communes").handler(this::createCommune);
        router.get("/api/communes").handler(ctx -> Rest.respond(ctx, 200, directory.communes().map(all -> all.stream()
                .filter(c -> StaffGate.caller(ctx).may(Action.READ, c.id())).toList())));
        router.post("/api/communes/:communeId/meetings").handler(this::createMeeting);
        router.get("/api/communes/:communeId/meetings").handler(this::listMeetings);
        router.route("/api/meetings/:meetingId").handler(this::meetingAccess);
        router.route("/api/meetings/:meetingId/*").handler(this::meetingAccess);
        router.get("/api/meetings/:meetingId").handler(this::showMeeting);
        router.put("/api/meetings/:meetingId/setup").handler(this::changeSetup);
        router.post("/api/meetings/:meetingId/links").handler(this::replaceLinks);
        router.get("/api/meetings/:meetingId/verify").handler(this::verifyRecord);
        invitations.mount(router);
    }

    /** The meeting's row, for a route under {@code /api/meetings/:meetingId}. */
    static Directory.MeetingRow meeting(RoutingContext ctx) {
        return ctx.get(MEETING);
    }

    /** 200 while PostgreSQL answers; 503 while it does not (commands are refused meanwhile). */
    private void health(RoutingContext ctx) {
        boolean up = databaseUp.getAsBoolean();
        ctx.response().setStatusCode(up ? 200 : 503);
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader("Content-Type", "application/json").end(); // a HEAD reply has no body
        } else if (up) {
            ctx.json(Map.of("status", "ok"));
        } else {
            ctx.json(Map.of("status", "unavailable", "database", "not answering",
                    "message", Map.of("vi", "Cơ sở dữ liệu không trả lời; các thao tác chưa được lưu",
                            "en", "The database does not answer; actions are not being stored")));
        }
    }

    private void createCommune(RoutingContext ctx) {
        if (!StaffGate.allowed(ctx, Action.CREATE_COMMUNES, null)) {
            return;
        }
        Rest.body(ctx, NewCommune.class).ifPresent(c -> {
            String name = Fields.line(c.name());
            String province = Fields.line(c.province());
            var problem = Fields.first(
                    Fields.required(name, new Fields.Name("Tên xã", "Commune name"), Fields.TITLE),
                    Fields.optional(province, new Fields.Name("Tỉnh", "Province"), Fields.TITLE));
            if (problem != null) {
                Problem.of(problem).send(ctx, 400);
                return;
            }
            Rest.respond(ctx, 201, directory.createCommune(name, province)
                    .compose(commune -> offices.addDefaults(commune.id(), StaffGate.caller(ctx).actor()).map(commune)));
        });
    }

    private void createMeeting(RoutingContext ctx) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId");
        if (communeId.isPresent() && !StaffGate.allowed(ctx, Action.MANAGE_MEETINGS, communeId.get())) {
            return;
        }
        Optional<Setup> setup = communeId.isPresent() ? Rest.body(ctx, Setup.class) : Optional.empty();
        if (setup.isEmpty()) {
            return;
        }
        directory.commune(communeId.get()).compose(commune -> {
            if (commune.isEmpty()) {
                return Future.succeededFuture(null);
            }
            return meetings.create(communeId.get(), setup.get());
        }).onComplete(created -> {
            if (created.succeeded() && created.result() == null) {
                Problem.notFound("xã", "commune").send(ctx, 404);
            } else if (created.succeeded()) {
                ObjectNode answer = RoleLinks.created(publicUrl, created.result());
                ctx.response().setStatusCode(201).putHeader("content-type", "application/json; charset=utf-8")
                        .end(Json.write(answer));
            } else {
                Rest.fail(ctx, created.cause());
            }
        });
    }

    /**
     * A meeting's routes: reading needs READ in its commune, anything else MANAGE_MEETINGS; an
     * unknown meeting is 404 to everyone.
     */
    private void meetingAccess(RoutingContext ctx) {
        Rest.uuid(ctx, "meetingId").ifPresent(id -> directory.meeting(id).onComplete(found -> {
            if (found.failed()) {
                Rest.fail(ctx, found.cause());
            } else if (found.result().isEmpty()) {
                Problem.notFound("hội nghị", "meeting").send(ctx, 404);
            } else if (StaffGate.allowed(ctx, ctx.request().method() == HttpMethod.GET ? Action.READ : Action.MANAGE_MEETINGS,
                    found.result().get().communeId())) {
                ctx.put(MEETING, found.result().get());
                ctx.next();
            }
        }));
    }

    private void listMeetings(RoutingContext ctx) {
        Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.READ, id))
                .ifPresent(id -> Rest.respond(ctx, 200, directory.meetingsOf(id)));
    }

    private void showMeeting(RoutingContext ctx) {
        Rest.uuid(ctx, "meetingId").ifPresent(id -> directory.meeting(id).compose(row -> {
            if (row.isEmpty()) {
                return Future.succeededFuture(null);
            }
            return meetings.get(id).compose(owner -> owner.read()).map(read -> {
                ObjectNode answer = Json.object();
                answer.set("meeting", Json.tree(row.get()));
                answer.put("seq", read.seq());
                answer.set("state", Json.tree(read.snapshot()));
                return answer;
            });
        }).onComplete(shown -> {
            if (shown.succeeded() && shown.result() == null) {
                Problem.notFound("hội nghị", "meeting").send(ctx, 404);
            } else if (shown.succeeded()) {
                ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(Json.write(shown.result()));
            } else {
                Rest.fail(ctx, shown.cause());
            }
        }));
    }

    private void changeSetup(RoutingContext ctx) {
        Optional<UUID> id = Rest.uuid(ctx, "meetingId");
        Optional<Setup> setup = id.isPresent() ? Rest.body(ctx, Setup.class) : Optional.empty();
        if (setup.isEmpty()) {
            return;
        }
        directory.meeting(id.get()).compose(row -> row.isEmpty() ? Future.succeededFuture(null)
                        : meetings.get(id.get()).compose(owner -> owner.submit(new Command.ChangeSetup(setup.get()), Actor.ORGANISER, null)))
                .onComplete(done -> {
                    if (done.succeeded() && done.result() == null) {
                        Problem.notFound("hội nghị", "meeting").send(ctx, 404);
                    } else if (done.succeeded() && done.result().accepted()) {
                        ctx.json(Map.of("seq", done.result().lastSeq()));
                    } else if (done.succeeded()) {
                        Problem.of(done.result().refusal()).send(ctx, 409);
                    } else {
                        Rest.fail(ctx, done.cause());
                    }
                });
    }

    private void replaceLinks(RoutingContext ctx) {
        Rest.uuid(ctx, "meetingId").ifPresent(id -> directory.meeting(id).compose(row -> row.isEmpty()
                        ? Future.succeededFuture((Map<String, String>) null)
                        : meetings.replaceLinks(id).map(tokens -> RoleLinks.of(publicUrl, row.get().joinCode(), tokens)))
                .onComplete(done -> {
                    if (done.succeeded() && done.result() == null) {
                        Problem.notFound("hội nghị", "meeting").send(ctx, 404);
                    } else if (done.succeeded()) {
                        ctx.json(Map.of("links", done.result()));
                    } else {
                        Rest.fail(ctx, done.cause());
                    }
                }));
    }

    /** Whether the meeting's stored record is the chain it was written as (docs/api.md). */
    private void verifyRecord(RoutingContext ctx) {
        Rest.uuid(ctx, "meetingId").ifPresent(id -> directory.meeting(id).compose(row -> row.isEmpty()
                        ? Future.succeededFuture((RecordChain.Result) null) : chain.check(id))
                .onComplete(done -> {
                    if (done.succeeded() && done.result() == null) {
                        Problem.notFound("hội nghị", "meeting").send(ctx, 404);
                    } else if (done.succeeded()) {
                        Rest.respond(ctx, 200, Future.succeededFuture(RecordVerdict.of(done.result())));
                    } else {
                        Rest.fail(ctx, done.cause());
                    }
                }));
    }

    /** Public: what a phone shows before it joins. */
    private void joinInfo(RoutingContext ctx) {
        String code = Secrets.normalizeJoinCode(ctx.pathParam("code"));
        String address = ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers());
        long wait = limits.waitSeconds(RateLimits.Kind.JOIN_GUESS, address);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            ProtocolProblems.rateLimited(wait).send(ctx, 429);
            return;
        }
        if (!Secrets.isJoinCode(code)) {
            limits.take(RateLimits.Kind.JOIN_GUESS, address);
            Problem.of(Problem.NOT_FOUND, "Mã tham gia không đúng: mã có 6 ký tự (chữ và số)",
                    "Wrong join code: a join code has 6 characters (letters and digits)").send(ctx, 404);
            return;
        }
        directory.meetingByJoinCode(code).onComplete(found -> {
            if (found.failed()) {
                Rest.fail(ctx, found.cause());
            } else if (found.result().isEmpty()) {
                limits.take(RateLimits.Kind.JOIN_GUESS, address);
                Problem.of(Problem.NOT_FOUND, "Mã tham gia " + code + " không đúng", "Join code " + code + " is wrong").send(ctx, 404);
            } else {
                Directory.MeetingRow m = found.result().get();
                ObjectNode info = Json.object().put("meetingId", m.id().toString()).put("joinCode", m.joinCode())
                        .put("title", m.title()).put("status", m.status())
                        .put("scheduledAt", m.scheduledAt() == null ? null : m.scheduledAt().toString());
                ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(Json.write(info));
            }
        });
    }
}
