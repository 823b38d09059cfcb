package vn.doithoai.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.store.Directory;

/**
 * The organiser's credential. From the configuration when given (it then replaces any earlier
 * one); otherwise generated at the first start and printed once — only its Argon2id hash is kept
 * ({@link PasswordHash}), so a lost secret is replaced by setting DOITHOAI_ADMIN_SECRET.
 *
 * <p>Called once at start, from the starting thread: the hash takes tens of milliseconds.
 */
public final class OrganiserSecret {

    private static final Logger LOG = LoggerFactory.getLogger(OrganiserSecret.class);

    private OrganiserSecret() {
    }

    /** The hash of the secret in force. */
    public static Future<String> establish(Vertx vertx, Directory directory, String configured) {
        if (configured != null) {
            String hash = PasswordHash.of(configured);
            return directory.setOrganiserSecretHash(hash).map(v -> hash);
        }
        return directory.organiserSecretHash().compose(existing -> {
            if (existing.isPresent()) {
                return Future.succeededFuture(existing.get());
            }
            String secret = Secrets.newToken();
            return vertx.executeBlocking(() -> PasswordHash.of(secret), false).compose(hash -> saveAndShow(directory, secret, hash));
        });
    }

    private static Future<String> saveAndShow(Directory directory, String secret, String hash) {
        return directory.setOrganiserSecretHash(hash).map(v -> {
            LOG.warn("""

                    ==================================================================
                    Mật khẩu người tổ chức / Organiser secret (shown only this once):
                        {}
                    Keep it safe. To replace it, start with DOITHOAI_ADMIN_SECRET set.
                    ==================================================================""", secret);
            return hash;
        });
    }
}
