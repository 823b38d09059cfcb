package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.PasswordHash;
import vn.doithoai.access.Secrets;

/**
 * Lets a request through only with the organiser's secret: {@code Authorization: Bearer <secret>},
 * exactly as given (no trimming). The secret is kept as Argon2id, which takes tens of milliseconds
 * to check: it is checked on a worker thread, and a secret once found right is remembered (as a
 * SHA-256 digest, in memory only) so that the organiser's page does not pay that on every request.
 * A secret stored as plain SHA-256 by an earlier version is replaced by its Argon2id hash at the
 * first request that shows it.
 */
public final class OrganiserGate implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(OrganiserGate.class);
    private static final int REMEMBERED = 16;

    private volatile String stored;
    private final Function<String, Future<Void>> saveHash;
    private final Set<String> knownRight = ConcurrentHashMap.newKeySet();

    /** {@code saveHash}: stores a new hash of the secret in force (used to upgrade an old one). */
    public OrganiserGate(String storedHash, Function<String, Future<Void>> saveHash) {
        this.stored = storedHash;
        this.saveHash = saveHash;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String secret = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        if (secret == null || secret.isEmpty()) {
            refuse(ctx);
            return;
        }
        String digest = Secrets.hash(secret);
        if (knownRight.contains(digest)) {
            ctx.next();
            return;
        }
        String against = stored;
        ctx.vertx().executeBlocking(() -> check(secret, against), false).onComplete(checked -> {
            if (checked.succeeded() && checked.result()) {
                if (knownRight.size() >= REMEMBERED) {
                    knownRight.clear();
                }
                knownRight.add(digest);
                ctx.next();
            } else {
                refuse(ctx);
            }
        });
    }

    /** On a worker thread. */
    private boolean check(String secret, String against) {
        if (PasswordHash.isArgon2id(against)) {
            return PasswordHash.matches(secret, against);
        }
        if (!Secrets.matches(secret, against)) {
            return false;
        }
        String upgraded = PasswordHash.of(secret);
        stored = upgraded;
        saveHash.apply(upgraded).onComplete(saved -> {
            if (saved.succeeded()) {
                LOG.info("doithoai: the organiser secret is now kept as Argon2id (it was a plain SHA-256)");
            } else {
                LOG.warn("doithoai: could not store the organiser secret's Argon2id hash: {}", saved.cause().getMessage());
            }
        });
        return true;
    }

    private static void refuse(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problem.of(Problem.UNAUTHORISED, "Cần mật khẩu của người tổ chức",
                "The organiser's secret is required").send(ctx, 401);
    }
}
