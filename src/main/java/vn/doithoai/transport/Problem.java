package vn.doithoai.transport;

import io.vertx.ext.web.RoutingContext;
import vn.doithoai.codec.Json;
import vn.doithoai.rules.Refusal;

import java.util.Map;

/**
 * The one error shape of the REST API and the WebSocket protocol:
 * {@code {"code": "...", "message": {"vi": "...", "en": "..."}}}.
 */
public record Problem(String code, Map<String, String> message) {

    public static final String BAD_JSON = "BAD_JSON";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String UNAUTHORISED = "UNAUTHORISED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String FOREIGN_ORIGIN = "FOREIGN_ORIGIN";
    public static final String INTERNAL = "INTERNAL";

    public static Problem of(String code, String vi, String en) {
        return new Problem(code, Map.of("vi", vi, "en", en));
    }

    public static Problem of(Refusal refusal) {
        return of(refusal.code(), refusal.vi(), refusal.en());
    }

    /** The details in each language: no English inside the Vietnamese message. */
    public static Problem badJson(String detailVi, String detailEn) {
        return of(BAD_JSON, "Dữ liệu gửi lên không hợp lệ: " + detailVi, "The data sent is not valid: " + detailEn);
    }

    public static Problem notFound(String whatVi, String whatEn) {
        return of(NOT_FOUND, "Không tìm thấy " + whatVi, "No such " + whatEn);
    }

    /** Answers an HTTP request with this problem and status. */
    public void send(RoutingContext ctx, int status) {
        ctx.response().setStatusCode(status)
                .putHeader("content-type", "application/json; charset=utf-8")
                .end(Json.write(this));
    }
}
