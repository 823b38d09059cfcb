package vn.doithoai.transport;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The signed-in browser's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it, so no cross-site request forgery), Secure when the browser came over TLS
 * (directly, or through the local TLS proxy the README suggests, which says so in X-Forwarded-Proto).
 */
final class SessionCookie {

    static final String NAME = "doithoai_session";

    private SessionCookie() {
    }

    static String read(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(NAME);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    static void set(RoutingContext ctx, String token) {
        ctx.response().addCookie(base(ctx, token));
    }

    static void clear(RoutingContext ctx) {
        ctx.response().addCookie(base(ctx, "").setMaxAge(0));
    }

    private static Cookie base(RoutingContext ctx, String value) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(overTls(ctx));
    }

    private static boolean overTls(RoutingContext ctx) {
        var peer = ctx.request().remoteAddress();
        boolean fromLocalProxy = peer != null && peer.hostAddress() != null
                && (peer.hostAddress().startsWith("127.") || peer.hostAddress().equals("0:0:0:0:0:0:0:1"));
        return ctx.request().isSSL() || fromLocalProxy && "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    }
}
