package vn.doithoai.app;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs (initdb, pg_ctl, postgres and their libraries) that zonky's binaries jar
 * carries as one archive, unpacked once per machine into the temp folder and shared by every
 * server and test run.
 *
 * <p>Unpacked here rather than by zonky's own starter so that they can be run as another user
 * (see {@link ClusterOwner}): the folder is readable and executable by everyone, writable only by
 * whoever unpacked it, and a folder of that name owned by anyone else is not trusted.
 */
final class PostgresPrograms {

    private static final String MARKER = ".unpacked";

    private final Path home;

    private PostgresPrograms(Path home) {
        this.home = home;
    }

    /** Where the programs are, unpacking them first if this machine has not yet. */
    static PostgresPrograms unpacked() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "Darwin"
                : System.getProperty("os.name").startsWith("Windows") ? "Windows" : "Linux";
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        try {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
                archive = in.readAllBytes();
            }
            // One folder per user: one unpacked by another user (a developer before a sudo run) is not trusted.
            Path home = Path.of(System.getProperty("java.io.tmpdir"),
                    "doithoai-postgres-" + shortHash(archive) + "-" + System.getProperty("user.name"));
            if (!isTrusted(home)) {
                unpack(archive, home);
            }
            return new PostgresPrograms(home);
        } catch (IOException | RuntimeException e) {
            throw new Database.DatabaseException("cannot unpack the embedded PostgreSQL programs: " + e, e);
        }
    }

    /** Programs laid out like PostgreSQL's (bin/initdb, bin/pg_ctl, bin/postgres) in a folder of one's own. */
    static PostgresPrograms in(Path home) {
        return new PostgresPrograms(home);
    }

    /** A program of the bin folder: initdb, pg_ctl, postgres. */
    Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    Path home() {
        return home;
    }

    /** Unpacked completely, by this process's user (nobody else could have slipped a program in). */
    private static boolean isTrusted(Path home) throws IOException {
        return Files.exists(home.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
                && Files.getOwner(home, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    /** Into a private folder first, then renamed into place, so that no one ever runs a half-unpacked copy. */
    private static void unpack(byte[] archive, Path home) throws IOException {
        Path draft = Files.createTempDirectory(home.getParent(), home.getFileName() + "-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(
                new BufferedInputStream(new ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = draft.resolve(entry.getName()).normalize();
                if (!target.startsWith(draft)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (var paths = Files.walk(draft)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.createFile(draft.resolve(MARKER));
        try {
            Files.move(draft, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another server unpacked the same archive meanwhile: use theirs if it is to be trusted.
            deleteQuietly(draft);
            if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
                throw raced;
            }
            if (!isTrusted(home)) {
                throw new IOException(home + " exists but was not unpacked by " + System.getProperty("user.name")
                        + "; remove it");
            }
        }
    }

    private static String shortHash(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover draft in the temp folder harms nothing
        }
    }
}
