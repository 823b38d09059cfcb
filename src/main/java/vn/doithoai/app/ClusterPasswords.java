package vn.doithoai.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded PostgreSQL's passwords, generated once and kept in the data folder, readable by the
 * server's own user only (mode 600): {@value #SUPERUSER_FILE} for its superuser, which owns the
 * schema and runs the migrations, and {@value #APP_FILE} for the role the server runs as, which may
 * only read the record and add to it. Without them any local user could connect as the superuser
 * (trust), empty the record or run programs as the database's user.
 */
final class ClusterPasswords {

    static final String SUPERUSER_FILE = "postgres.password";
    static final String APP_FILE = "doithoai-app.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClusterPasswords() {
    }

    /** The password in this file of the data folder, made now if there is none. */
    static String readOrMake(Path dataDir, String file) {
        Path path = dataDir.resolve(file);
        try {
            Optional<String> existing = read(dataDir, file);
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path draft = Files.createTempFile(dataDir, file, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(draft, password + "\n");
            Files.move(draft, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new Database.DatabaseException("cannot keep the embedded PostgreSQL's password in " + path + ": " + e.getMessage(), e);
        }
    }

    static Optional<String> read(Path dataDir, String file) throws IOException {
        Path path = dataDir.resolve(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        String password = Files.readString(path).strip();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }
}
