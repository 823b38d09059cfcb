package vn.doithoai.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.Secrets;
import vn.doithoai.codec.Json;
import vn.doithoai.live.Meetings;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.rules.Fields;
import vn.doithoai.meeting.Role;
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

    record NewCommune(String name, String province) {
    }

    private final Directory directory;
    private final Meetings meetings;
    private final String publicUrl;
    private final BooleanSupplier databaseUp;
    private final RecordChain chain;
    private final RateLimits limits;

    /** {@code databaseUp}: whether PostgreSQL answers now (the health endpoint says it). */
    public RestApi(Directory directory, Meetings meetings, RecordChain chain, String publicUrl, BooleanSupplier databaseUp,
                   RateLimits limits) {
        this.directory = directory;
        this.limits = limits;
        this.chain = chain;
        this.meetings = meetings;
        this.publicUrl = publicUrl;
        this.databaseUp = databaseUp;
    }

    public void mount(Router router, OrganiserGate gate) {
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY));
        router.route("/api/health").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::health);
        router.get("/api/join/:code").handler(this::joinInfo);
        router.route("/api/communes*").handler(gate);
        router.route("/api/meetings*").handler(gate);
        router.post("/api/communes").handler(this::createCommune);
        router.get("/api/communes").handler(ctx -> respond(ctx, 200, directory.communes()));
        router.post("/api/communes/:communeId/meetings").handler(this::createMeeting);
        router.get("/api/communes/:communeId/meetings").handler(this::listMeetings);
        router.get("/api/meetings/:meetingId").handler(this::showMeeting);
        router.put("/api/meetings/:meetingId/setup").handler(this::changeSetup);
        router.post("/api/meetings/:meetingId/links").handler(this::replaceLinks);
        router.get("/api/meetings/:meetingId/verify").handler(this::verifyRecord);
        router.route("/api/*").handler(ctx -> Problem.notFound("địa chỉ API này", "API route").send(ctx, 404));
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
        body(ctx, NewCommune.class).ifPresent(c -> {
            String name = Fields.line(c.name());
            String province = Fields.line(c.province());
            var problem = Fields.first(
                    Fields.required(name, new Fields.Name("Tên xã", "Commune name"), Fields.TITLE),
                    Fields.optional(province, new Fields.Name("Tỉnh", "Province"), Fields.TITLE));
            if (problem != null) {
                Problem.of(problem).send(ctx, 400);
                return;
            }
            respond(ctx, 201, directory.createCommune(name, province));
        });
    }

    private void createMeeting(RoutingContext ctx) {
        Optional<UUID> communeId = uuid(ctx, "communeId");
        Optional<Setup> setup = communeId.isPresent() ? body(ctx, Setup.class) : Optional.empty();
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
                Meetings.Created c = created.result();
                ObjectNode answer = Json.object().put("meetingId", c.meetingId().toString()).put("joinCode", c.joinCode());
                answer.set("links", Json.tree(links(c.joinCode(), c.tokens())));
                ctx.response().setStatusCode(201).putHeader("content-type", "application/json; charset=utf-8")
                        .end(Json.write(answer));
            } else {
                fail(ctx, created.cause());
            }
        });
    }

    private void listMeetings(RoutingContext ctx) {
        uuid(ctx, "communeId").ifPresent(id -> respond(ctx, 200, directory.meetingsOf(id)));
    }

    private void showMeeting(RoutingContext ctx) {
        uuid(ctx, "meetingId").ifPresent(id -> directory.meeting(id).compose(row -> {
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
                fail(ctx, shown.cause());
            }
        }));
    }

    private void changeSetup(RoutingContext ctx) {
        Optional<UUID> id = uuid(ctx, "meetingId");
        Optional<Setup> setup = id.isPresent() ? body(ctx, Setup.class) : Optional.empty();
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
                        fail(ctx, done.cause());
                    }
                });
    }

    private void replaceLinks(RoutingContext ctx) {
        uuid(ctx, "meetingId").ifPresent(id -> directory.meeting(id).compose(row -> row.isEmpty()
                        ? Future.succeededFuture((Map<String, String>) null)
                        : meetings.replaceLinks(id).map(tokens -> links(row.get().joinCode(), tokens)))
                .onComplete(done -> {
                    if (done.succeeded() && done.result() == null) {
                        Problem.notFound("hội nghị", "meeting").send(ctx, 404);
                    } else if (done.succeeded()) {
                        ctx.json(Map.of("links", done.result()));
                    } else {
                        fail(ctx, done.cause());
                    }
                }));
    }

    /** Whether the meeting's stored record is the chain it was written as (docs/api.md). */
    private void verifyRecord(RoutingContext ctx) {
        uuid(ctx, "meetingId").ifPresent(id -> directory.meeting(id).compose(row -> row.isEmpty()
                        ? Future.succeededFuture((RecordChain.Result) null) : chain.check(id))
                .onComplete(done -> {
                    if (done.succeeded() && done.result() == null) {
                        Problem.notFound("hội nghị", "meeting").send(ctx, 404);
                    } else if (done.succeeded()) {
                        respond(ctx, 200, Future.succeededFuture(RecordVerdict.of(done.result())));
                    } else {
                        fail(ctx, done.cause());
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
                fail(ctx, found.cause());
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

    private Map<String, String> links(String joinCode, Map<Role, String> tokens) {
        var links = new java.util.LinkedHashMap<String, String>();
        tokens.forEach((role, token) -> links.put(role.name().toLowerCase(), publicUrl + "/" + role.name().toLowerCase() + "#token=" + token));
        links.put("join", publicUrl + "/j/" + joinCode);
        return links;
    }

    private <T> Optional<T> body(RoutingContext ctx, Class<T> type) {
        try {
            String text = ctx.body().asString();
            if (text == null || text.isBlank()) {
                Problem.badJson("không có nội dung", "empty body").send(ctx, 400);
                return Optional.empty();
            }
            T value = Json.read(text, type);
            if (value == null) {
                Problem.of(Problem.BAD_JSON, "Dữ liệu gửi lên phải là một đối tượng JSON", "The body must be a JSON object")
                        .send(ctx, 400);
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (JsonProcessingException e) {
            JsonErrors.describe(e).send(ctx, 400);
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(RoutingContext ctx, String param) {
        try {
            return Optional.of(UUID.fromString(ctx.pathParam(param)));
        } catch (IllegalArgumentException e) {
            Problem.notFound("mục này", "item").send(ctx, 404);
            return Optional.empty();
        }
    }

    private static <T> void respond(RoutingContext ctx, int status, Future<T> result) {
        result.onComplete(done -> {
            if (done.succeeded()) {
                ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                        .end(Json.write(done.result()));
            } else {
                fail(ctx, done.cause());
            }
        });
    }

    private static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof Meetings.Refused refused) {
            Problem.of(refused.refusal).send(ctx, 400);
            return;
        }
        LOG.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(), cause.toString());
        Problem.of(Problem.INTERNAL, "Lỗi máy chủ, không có gì thay đổi", "Server error; nothing changed").send(ctx, 500);
    }
}
