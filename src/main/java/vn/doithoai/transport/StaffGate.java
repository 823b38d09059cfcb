package vn.doithoai.transport;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Action;
import vn.doithoai.access.Caller;
import vn.doithoai.access.Secrets;
import vn.doithoai.store.AccountStore;

import java.time.Clock;
import java.util.UUID;

/**
 * Lets a request to the staff API through when it comes from a signed-in account (the session
 * cookie); the {@link Caller} goes with it for the routes to ask {@link #allowed}. Whether the
 * caller may act is never decided here. The organiser secret opens nothing here: it only makes the
 * first administrator ({@link AccountApi}).
 */
public final class StaffGate implements Handler<RoutingContext> {

    private static final String CALLER = "caller";

    private final AccountStore accounts;
    private final Clock clock;

    public StaffGate(AccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = SessionCookie.read(ctx);
        if (token == null) {
            refuse(ctx);
            return;
        }
        accounts.useSession(Secrets.hash(token), clock.instant()).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
            } else if (found.result().isEmpty()) {
                SessionCookie.clear(ctx);
                refuse(ctx);
            } else {
                pass(ctx, new Caller(found.result().get()));
            }
        });
    }

    public static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }

    /** Whether the caller may; when not, the request is answered 403 and nothing changes. */
    public static boolean allowed(RoutingContext ctx, Action action, UUID communeId) {
        if (caller(ctx).may(action, communeId)) {
            return true;
        }
        Problem.of(Problem.FORBIDDEN, "Tài khoản của bạn không được làm việc này ở đây",
                "Your account may not do this here").send(ctx, 403);
        return false;
    }

    private static void pass(RoutingContext ctx, Caller caller) {
        ctx.put(CALLER, caller);
        ctx.next();
    }

    private static void refuse(RoutingContext ctx) {
        Problem.of(Problem.UNAUTHORISED, "Cần đăng nhập", "Sign-in required").send(ctx, 401);
    }
}
