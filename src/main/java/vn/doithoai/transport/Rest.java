package vn.doithoai.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.codec.Json;
import vn.doithoai.live.Meetings;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.AppendConflict;

import java.util.Optional;
import java.util.UUID;

/** What every REST route does the same way: read a body and an id, answer, fail. */
final class Rest {

    private static final Logger LOG = LoggerFactory.getLogger(Rest.class);

    private Rest() {
    }

    static <T> Optional<T> body(RoutingContext ctx, Class<T> type) {
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

    static Optional<UUID> uuid(RoutingContext ctx, String param) {
        try {
            return Optional.of(UUID.fromString(ctx.pathParam(param)));
        } catch (IllegalArgumentException e) {
            Problem.notFound("mục này", "item").send(ctx, 404);
            return Optional.empty();
        }
    }

    static <T> void respond(RoutingContext ctx, int status, Future<T> result) {
        result.onComplete(done -> {
            if (done.succeeded()) {
                ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                        .end(Json.write(done.result()));
            } else {
                fail(ctx, done.cause());
            }
        });
    }

    /** An answer decided midway through a chain of futures (a refusal, a bad body): sent as it is. */
    static final class Answered extends RuntimeException {
        final Problem problem;
        final int status;

        Answered(Problem problem, int status) {
            super(problem.code(), null, false, false);
            this.problem = problem;
            this.status = status;
        }

        static Answered of(Refusal refusal) {
            return new Answered(Problem.of(refusal), status(refusal));
        }
    }

    static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof Answered answered) {
            answered.problem.send(ctx, answered.status);
            return;
        }
        if (cause instanceof Meetings.Refused refused) {
            Problem.of(refused.refusal).send(ctx, 400);
            return;
        }
        if (cause instanceof AppendConflict) {
            Problem.of("CONFLICT", "Có người vừa thay đổi mục này; hãy tải lại và thử lại",
                    "Someone changed this just now; reload and try again").send(ctx, 409);
            return;
        }
        LOG.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(), cause.toString());
        Problem.of(Problem.INTERNAL, "Lỗi máy chủ, không có gì thay đổi", "Server error; nothing changed").send(ctx, 500);
    }

    /**
     * A refusal of the rules: nothing changed. 404 for what does not exist, 409 for a wrong state
     * or a cap already reached, else 400.
     */
    static void refuse(RoutingContext ctx, Refusal refusal) {
        Problem.of(refusal).send(ctx, status(refusal));
    }

    static int status(Refusal refusal) {
        return switch (refusal.code()) {
            case Refusal.NOT_FOUND -> 404;
            case Refusal.WRONG_STATE, Refusal.VILLAGE_CAP_REACHED -> 409;
            default -> 400;
        };
    }
}
