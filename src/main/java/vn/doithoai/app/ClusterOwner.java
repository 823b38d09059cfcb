package vn.doithoai.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user the embedded PostgreSQL runs as. PostgreSQL refuses to run as root ("initdb: cannot be
 * run as root"), yet {@code sudo bash bin/run} and root in a container are common: a server started
 * as root runs its PostgreSQL as the unprivileged system user {@value #SYSTEM_USER}, made if missing,
 * which owns the database folder. Any other user runs it as itself.
 */
final class ClusterOwner {

    static final String SYSTEM_USER = "doithoai";
    static final String SYSTEM_DATA_DIR = "/var/lib/doithoai";
    private static final Logger log = LoggerFactory.getLogger(ClusterOwner.class);

    /** Null: the programs run as this process's own user. */
    private final String switchTo;

    private ClusterOwner(String switchTo) {
        this.switchTo = switchTo;
    }

    /**
     * The owner for a cluster in {@code clusterDir} logging to {@code logFile}, both inside
     * {@code dataDir}; as root, the system user is made if missing and given those three (not
     * anything else that the data folder holds).
     */
    static ClusterOwner forThisProcess(Path dataDir, Path clusterDir, Path logFile) {
        if (!runningAsRoot()) {
            return new ClusterOwner(null);
        }
        ClusterOwner owner = systemUser();
        if (!owner.canReach(dataDir)) {
            throw new Database.DatabaseException("the server runs as root, so its PostgreSQL runs as user " + SYSTEM_USER
                    + ", who cannot reach " + dataDir + " (a folder on the way, such as /root, is private):"
                    + " set " + Config.DATA_DIR + " to a folder such as " + SYSTEM_DATA_DIR + ", or start the server as an ordinary user");
        }
        try {
            if (!Files.exists(logFile)) {
                Files.createFile(logFile);
            }
            giveTo(SYSTEM_USER, dataDir, false);
            giveTo(SYSTEM_USER, clusterDir, true);
            giveTo(SYSTEM_USER, logFile, false);
        } catch (IOException e) {
            throw new Database.DatabaseException("cannot give " + dataDir + " to user " + SYSTEM_USER
                    + " for the embedded PostgreSQL: " + e.getMessage(), e);
        }
        log.info("doithoai: running as root, so the embedded PostgreSQL runs as the system user {}", SYSTEM_USER);
        return owner;
    }

    /**
     * Where the data folder goes. As root, the default {@code ./data} of a checkout in a private
     * folder (root's home, or a Debian 12 home, which is 0700) is out of the system user's reach: the
     * data then goes to {@value #SYSTEM_DATA_DIR}, a system service's place, so that {@code sudo bash
     * bin/run} just works. A folder one chose stays where it is, and is refused if out of reach.
     */
    static Path placeForData(Config config) {
        return placeForData(config.dataDir(), !config.dataDir().equals(Path.of(Config.DEFAULT_DATA_DIR)));
    }

    static Path placeForData(Path dataDir, boolean chosen) {
        if (chosen || !runningAsRoot() || systemUser().canReach(dataDir)) {
            return dataDir;
        }
        log.warn("doithoai: running as root, the embedded PostgreSQL runs as user {}, who cannot reach {};"
                + " its data is kept in {} instead (set {} to choose)", SYSTEM_USER, dataDir.toAbsolutePath().normalize(),
                SYSTEM_DATA_DIR, Config.DATA_DIR);
        return Path.of(SYSTEM_DATA_DIR);
    }

    /** The unprivileged system user, made if missing. */
    private static ClusterOwner systemUser() {
        if (run(List.of("setpriv", "--version"), 10) != 0) {
            throw new Database.DatabaseException("the server runs as root and PostgreSQL cannot, and setpriv (util-linux)"
                    + " is missing to run it as user " + SYSTEM_USER + ": install util-linux, or start the server as an ordinary user");
        }
        ensureSystemUser();
        return new ClusterOwner(SYSTEM_USER);
    }

    /** The command that runs a PostgreSQL program as this owner. */
    List<String> command(Path program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (switchTo != null) {
            // setpriv (util-linux, on every Debian) execs the program with the user's ids and
            // groups and leaves the environment alone, unlike su.
            command.addAll(List.of("setpriv", "--reuid=" + switchTo, "--regid=" + switchTo, "--init-groups", "--"));
        }
        command.add(program.toString());
        command.addAll(args);
        return command;
    }

    /** For logs and messages: "user doithoai", or "this process's user". */
    String describe() {
        return switchTo == null ? "this process's user" : "user " + switchTo;
    }

    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException notLinux) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Whether this owner can enter every folder on the way to {@code dir} (which it will own). */
    private boolean canReach(Path dir) {
        Path way = dir.toAbsolutePath().normalize().getParent();
        while (way != null && !Files.exists(way)) {
            way = way.getParent(); // made by root when the server starts: open to all (umask 022)
        }
        return way == null || run(command(Path.of("test"), List.of("-x", way.toString())), 10) == 0;
    }

    private static void ensureSystemUser() {
        if (run(List.of("id", "-u", SYSTEM_USER), 10) == 0) {
            return;
        }
        log.info("doithoai: making the system user {} for the embedded PostgreSQL", SYSTEM_USER);
        int made = run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                "--shell", "/usr/sbin/nologin", "--comment", "doithoai embedded PostgreSQL", SYSTEM_USER), 30);
        if (made != 0 && run(List.of("id", "-u", SYSTEM_USER), 10) != 0) {
            throw new Database.DatabaseException("the server runs as root and PostgreSQL cannot: the system user "
                    + SYSTEM_USER + " could not be made (useradd exit " + made + "). Make it (useradd --system "
                    + SYSTEM_USER + "), or start the server as an ordinary user");
        }
    }

    private static void giveTo(String user, Path path, boolean recursive) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = users.lookupPrincipalByName(user);
        GroupPrincipal group = users.lookupPrincipalByGroupName(user);
        List<Path> paths;
        if (recursive) {
            try (var walk = Files.walk(path)) {
                paths = walk.toList();
            }
        } else {
            paths = List.of(path);
        }
        for (Path p : paths) {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            view.setOwner(owner);
            view.setGroup(group);
        }
    }

    /** Exit code of a short command, its output discarded; -1 when it cannot be run or does not end. */
    private static int run(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
