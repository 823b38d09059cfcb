package vn.doithoai.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.app.Database.DatabaseException;

/**
 * The embedded PostgreSQL server's process: the cluster in {@code <dataDir>/postgres} made once
 * (initdb), started and stopped with pg_ctl as its {@link ClusterOwner}, its log in
 * {@code <dataDir>/postgres.log}. One process at a time may use a data folder: it holds a lock on
 * {@code <dataDir>/postgres.lock} from start to close.
 *
 * <p>Blocking (processes, JDBC): call from a plain thread, never an event loop.
 */
final class EmbeddedCluster implements AutoCloseable {

    /** The cluster's superuser; local connections are trusted (the server listens on loopback only). */
    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path clusterDir;
    private final Path logFile;
    private final int port;
    private final PostgresPrograms programs;
    private final ClusterOwner owner;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private Map<String, String> settings = Map.of();
    private boolean running;
    /** Null until the cluster asks for it (a cluster made by an earlier version trusted local connections). */
    private String superuserPassword;

    private EmbeddedCluster(Path clusterDir, Path logFile, int port, PostgresPrograms programs, ClusterOwner owner,
                            FileChannel lockChannel, FileLock lock) {
        this.clusterDir = clusterDir;
        this.logFile = logFile;
        this.port = port;
        this.programs = programs;
        this.owner = owner;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Makes the cluster if the folder holds none, and starts it with these settings ({@code -c name=value}). */
    static EmbeddedCluster start(Path dataDir, int requestedPort, Map<String, String> settings) {
        return start(dataDir, requestedPort, settings, PostgresPrograms.unpacked());
    }

    static EmbeddedCluster start(Path dataDir, int requestedPort, Map<String, String> settings, PostgresPrograms programs) {
        Path clusterDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        Path logFile = dataDir.resolve("postgres.log").toAbsolutePath().normalize();
        try {
            Files.createDirectories(clusterDir);
        } catch (IOException e) {
            throw new DatabaseException("cannot create the database folder " + clusterDir + ": " + e.getMessage(), e);
        }
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(dataDir.resolve("postgres.lock"), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot lock the database folder " + clusterDir + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new DatabaseException("another process is already using the database in " + clusterDir
                    + " (is another doithoai server running with the same " + Config.DATA_DIR + "?)");
        }
        try {
            stopOrphanedServer(clusterDir);
            int port = requestedPort == 0 ? freePort() : requestedPort;
            if (!portIsFree(port)) {
                throw new DatabaseException("port " + port + " for the embedded PostgreSQL is already in use;"
                        + " stop what uses it or set " + Config.EMBEDDED_PG_PORT + " to another port");
            }
            ClusterOwner owner = ClusterOwner.forThisProcess(dataDir, clusterDir, logFile);
            boolean existing = Files.exists(clusterDir.resolve("PG_VERSION"));
            log.info("doithoai: {} embedded PostgreSQL in {} on localhost:{} (server log: {})",
                    existing ? "starting the existing" : "creating a new", clusterDir, port, logFile);
            EmbeddedCluster cluster = new EmbeddedCluster(clusterDir, logFile, port, programs, owner, channel, lock);
            if (!existing) {
                cluster.initdb();
            }
            cluster.pgCtlStart(settings);
            cluster.requirePasswords(dataDir);
            cluster.checkIsOurs();
            return cluster;
        } catch (RuntimeException e) {
            releaseQuietly(lock, channel);
            throw e;
        }
    }

    int port() {
        return port;
    }

    Path clusterDir() {
        return clusterDir;
    }

    /** A JDBC connection to a database of this cluster as the superuser; the caller closes it. */
    Connection connect(String database) throws SQLException {
        return connect(database, superuserPassword);
    }

    private Connection connect(String database, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, SUPERUSER, password);
    }

    String superuserPassword() {
        return superuserPassword;
    }

    /**
     * Local connections need the superuser's password (scram-sha-256), kept in the data folder
     * ({@link ClusterPasswords}). A cluster that trusts them (made by initdb -A trust, or by an
     * earlier version) gets the password set and pg_hba.conf switched; one whose password file was
     * lost is trusted for a moment to set a new one.
     */
    private void requirePasswords(Path dataDir) {
        Path hba = clusterDir.resolve("pg_hba.conf");
        try {
            boolean known = ClusterPasswords.read(dataDir, ClusterPasswords.SUPERUSER_FILE).isPresent();
            String password = ClusterPasswords.readOrMake(dataDir, ClusterPasswords.SUPERUSER_FILE);
            String conf = Files.readString(hba);
            if (known && !trusts(conf)) {
                superuserPassword = password;
                return;
            }
            if (!trusts(conf)) {
                log.warn("doithoai: the embedded PostgreSQL's password file was missing; setting a new password");
                switchAuthentication(hba, conf, "trust", null);
            }
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'"); // base64url: nothing to quote
            }
            superuserPassword = password;
            switchAuthentication(hba, conf, "scram-sha-256", password);
            log.info("doithoai: the embedded PostgreSQL now asks for a password (kept in {})",
                    dataDir.resolve(ClusterPasswords.SUPERUSER_FILE));
        } catch (IOException | SQLException e) {
            close();
            throw new DatabaseException("cannot set the embedded PostgreSQL's password in " + clusterDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean trusts(String hbaConf) {
        return hbaConf.lines().anyMatch(line -> !line.strip().startsWith("#") && line.strip().endsWith(" trust"));
    }

    /** Every rule of pg_hba.conf with this method, then a reload, awaited until a login works with it. */
    private void switchAuthentication(Path hba, String conf, String method, String password) throws IOException, SQLException {
        String switched = conf.lines()
                .map(line -> line.strip().startsWith("#") || line.isBlank() ? line
                        : line.replaceAll("\\s(trust|scram-sha-256|md5|password)\\s*$", " " + method))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Files.writeString(hba, switched);
        if (runProgram("pg_ctl", List.of("-D", clusterDir.toString(), "reload")) != 0) {
            throw new SQLException("pg_ctl reload failed (see " + logFile + ")");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!canLogIn(password)) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("the embedded PostgreSQL did not take the new authentication ("
                        + method + ") within 10 s (see " + logFile + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
    }

    /** Whether the superuser logs in with this password (null: with none, as under trust). */
    private boolean canLogIn(String password) {
        try (Connection c = connect("postgres", password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Starts the server again if its postmaster is gone (killed, or crashed for good): PostgreSQL
     * replays its write-ahead log, so every commit it acknowledged is there. True when it was
     * started again; false when it was running, or when this start failed too (said in the log;
     * the caller asks again later).
     */
    synchronized boolean startAgainIfGone() {
        if (!running || postmasterIsAlive()) {
            return false;
        }
        log.warn("doithoai: the embedded PostgreSQL in {} has stopped; starting it again", clusterDir);
        running = false;
        try {
            pgCtlStart(settings);
            log.info("doithoai: the embedded PostgreSQL is running again on localhost:{}", port);
            return true;
        } catch (DatabaseException e) {
            // Often its old processes are still going away: the next check (a second later) tries again.
            running = true;
            log.warn("doithoai: {}; trying again in a second", e.getMessage());
            return false;
        }
    }

    private boolean postmasterIsAlive() {
        return runningPostmaster(clusterDir).isPresent();
    }

    /** The running postgres that the cluster's postmaster.pid names; empty without the file, or for a stale one. */
    private static Optional<ProcessHandle> runningPostmaster(Path clusterDir) {
        try {
            List<String> lines = Files.readAllLines(clusterDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(EmbeddedCluster::isRunning)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no pid file: not running
        }
    }

    /** Stops the server (fast: clients are disconnected, everything committed is kept) and frees the folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            int exit = runProgram("pg_ctl", List.of("-D", clusterDir.toString(), "-m", "fast", "-w",
                    "-t", Long.toString(WAIT.toSeconds()), "stop"));
            if (exit != 0) {
                log.error("doithoai: the embedded PostgreSQL did not stop cleanly (pg_ctl exit {}; see {})", exit, logFile);
            }
        }
        releaseQuietly(lock, lockChannel);
    }

    private void initdb() {
        int exit = runProgram("initdb", List.of("-A", "trust", "-U", SUPERUSER, "-D", clusterDir.toString(), "-E", "UTF-8"));
        if (exit != 0) {
            throw new DatabaseException("the embedded PostgreSQL's initdb in " + clusterDir + " failed (exit " + exit
                    + ", as " + owner.describe() + "; see " + logFile + ")");
        }
    }

    private void pgCtlStart(Map<String, String> settings) {
        this.settings = settings;
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port)));
        settings.forEach((name, value) -> options.add("-c " + name + "=" + value));
        int exit = runProgram("pg_ctl", List.of("-D", clusterDir.toString(), "-l", logFile.toString(),
                "-o", String.join(" ", options), "-w", "-t", Long.toString(WAIT.toSeconds()), "start"));
        if (exit != 0) {
            throw new DatabaseException("the embedded PostgreSQL in " + clusterDir + " did not start (pg_ctl exit "
                    + exit + ", as " + owner.describe() + "; see " + logFile + ")");
        }
        running = true;
    }

    /** With a fixed port, make sure we reached the server we started and not another one. */
    private void checkIsOurs() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1));
            if (!Files.isSameFile(served, clusterDir)) {
                throw new DatabaseException("the server on port " + port + " serves " + served
                        + ", another PostgreSQL is using that port");
            }
        } catch (SQLException | IOException e) {
            close();
            throw new DatabaseException("the embedded PostgreSQL in " + clusterDir + " is not usable: " + e.getMessage(), e);
        }
    }

    /** Runs initdb or pg_ctl as the owner, its output appended to the server log; the exit code. */
    private int runProgram(String name, List<String> args) {
        List<String> command = owner.command(programs.program(name), args);
        try {
            Process p = new ProcessBuilder(command)
                    .directory(clusterDir.getParent().toFile()) // one the owner may enter, unlike root's home
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!p.waitFor(WAIT.toSeconds() + 30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new DatabaseException("cannot run the embedded PostgreSQL's " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while running the embedded PostgreSQL's " + name, e);
        }
    }

    // ---- a server left behind by a killed JVM ---------------------------------------------------

    /**
     * A JVM killed without its shutdown hook (kill -9, out of memory) leaves its postmaster running,
     * which would make the next start fail. We hold the folder's lock, so no live server of ours uses
     * it: if postmaster.pid names a live postgres, stop it (SIGTERM: smart shutdown, its client is gone).
     */
    private static void stopOrphanedServer(Path clusterDir) {
        Optional<ProcessHandle> process = runningPostmaster(clusterDir);
        if (process.isEmpty()) {
            return; // none, or a stale pid file: postgres itself handles that
        }
        try {
            log.warn("doithoai: a PostgreSQL left running on {} by an earlier run (pid {}); stopping it", clusterDir,
                    process.get().pid());
            process.get().destroy();
            awaitExit(process.get(), WAIT);
        } catch (Exception e) {
            throw new DatabaseException("could not stop the PostgreSQL left running on " + clusterDir
                    + " by an earlier run: " + e, e);
        }
    }

    /**
     * Asks often whether it is gone: {@code onExit()} notices a process that is not this JVM's
     * child only seconds after it exited, and the server is not ready meanwhile.
     */
    private static void awaitExit(ProcessHandle process, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("pid " + process.pid() + " still running after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }

    /**
     * An exited process that its parent (init, for a postgres whose server was killed) has not
     * reaped yet still counts as alive to Java, so a zombie counts as gone.
     */
    static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && !isZombie(process.pid());
    }

    /** Linux only: the state letter in /proc/PID/stat, after the command's closing parenthesis. */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc here, or it is gone: isAlive() decides
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DatabaseException("cannot find a free port for the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to free
        }
    }
}
