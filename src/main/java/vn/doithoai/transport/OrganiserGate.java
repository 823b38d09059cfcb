package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.PasswordHash;
import vn.doithoai.access.Secrets;

/**
 * Checks the organiser's secret ({@code Authorization: Bearer <secret>}, exactly as given, no
 * trimming): the operator's key for scripts and the first administrator (see {@link StaffGate}). The secret is kept as Argon2id, which takes tens of milliseconds
 * to check: it is checked on a worker thread, and a secret once found right is remembered (as a
 * SHA-256 digest, in memory only) so that the organiser's page does not pay that on every request.
 * A secret stored as plain SHA-256 by an earlier version is replaced by its Argon2id hash at the
 * first request that shows it.
 */
public final class OrganiserGate {

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

    /** Whether {@code secret} is the organiser's, exactly as given. */
    public Future<Boolean> admits(Vertx vertx, String secret) {
        if (secret == null || secret.isEmpty()) {
            return Future.succeededFuture(false);
        }
        String digest = Secrets.hash(secret);
        if (knownRight.contains(digest)) {
            return Future.succeededFuture(true);
        }
        String against = stored;
        return vertx.executeBlocking(() -> check(secret, against), false).map(right -> {
            if (right) {
                if (knownRight.size() >= REMEMBERED) {
                    knownRight.clear();
                }
                knownRight.add(digest);
            }
            return right;
        });
    }

    /** The hash in force: the first administrator's password is the organiser secret. */
    public String storedHash() {
        return stored;
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
}
