package vn.doithoai.transport;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Secrets;

/** Lets a request through only with the organiser's secret: {@code Authorization: Bearer <secret>}. */
public final class OrganiserGate implements Handler<RoutingContext> {

    private final String secretHash;

    public OrganiserGate(String secretHash) {
        this.secretHash = secretHash;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String secret = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (Secrets.matches(secret, secretHash)) {
            ctx.next();
        } else {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problem.of(Problem.UNAUTHORISED, "Cần mật khẩu của người tổ chức",
                    "The organiser's secret is required").send(ctx, 401);
        }
    }
}
