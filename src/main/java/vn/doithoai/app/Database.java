package vn.doithoai.app;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.app.Config.DatabaseUrl;

/**
 * The PostgreSQL server the application uses: the one named by DATABASE_URL, or, without it, an
 * embedded one (zonky) whose cluster lives in {@code <dataDir>/postgres} and survives restarts.
 *
 * <p>The embedded server is made durable: zonky's builder sets {@code synchronous_commit=off} and
 * starts postgres with {@code -F} (fsync off); both are overridden here, because the meeting record is
 * the official record. Its server log goes to {@code <dataDir>/postgres.log}.
 *
 * <p>Blocking (process start, JDBC): call from a plain thread, never an event loop. Whoever starts it
 * closes it; no JVM shutdown hook is registered here (Main adds one that closes things in order).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** The database the application uses inside the embedded cluster. */
    public static final String EMBEDDED_DATABASE = "doithoai";
    /** The embedded cluster's superuser (zonky's initdb uses it, with trust authentication on localhost). */
    public static final String EMBEDDED_USER = "postgres";

    /** What the embedded server is started with, on top of zonky's defaults. */
    static final Map<String, String> DURABLE_SETTINGS = Map.of(
            "fsync", "on",                 // zonky passes -F (fsync off); -c fsync=on comes after it and wins
            "synchronous_commit", "on",    // zonky's builder default is off
            "full_page_writes", "on",
            "log_checkpoints", "on",       // when a commit waits on the disk, the log says whether a checkpoint ran
            "listen_addresses", "localhost",
            "timezone", "UTC");

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final DatabaseUrl url;
    private final EmbeddedPostgres embedded; // null for an external server
    private final String description;

    private Database(DatabaseUrl url, EmbeddedPostgres embedded, String description) {
        this.url = url;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * Connects to DATABASE_URL, or starts the embedded server. Does not run migrations
     * (see {@link Migrations}).
     *
     * @throws DatabaseException with a message meant for the operator
     */
    public static Database start(Config config) {
        Optional<DatabaseUrl> external = config.database();
        if (external.isPresent()) {
            DatabaseUrl url = external.get();
            String description = url.describe() + " (from " + Config.DATABASE_URL + ")";
            log.info("doithoai: using PostgreSQL at {}", description);
            return new Database(url, null, description);
        }
        return startEmbedded(config.dataDir(), config.embeddedPostgresPort());
    }

    private static Database startEmbedded(Path dataDir, int requestedPort) {
        Path clusterDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        Path logFile = dataDir.resolve("postgres.log").toAbsolutePath().normalize();
        try {
            Files.createDirectories(clusterDir);
        } catch (IOException e) {
            throw new DatabaseException("cannot create the database folder " + clusterDir + ": " + e.getMessage(), e);
        }
        boolean existing = Files.exists(clusterDir.resolve("PG_VERSION"));
        stopOrphanedServer(clusterDir);
        int port = requestedPort == 0 ? freePort() : requestedPort;
        if (!portIsFree(port)) {
            throw new DatabaseException("port " + port + " for the embedded PostgreSQL is already in use;"
                    + " stop what uses it or set " + Config.EMBEDDED_PG_PORT + " to another port");
        }
        log.info("doithoai: {} embedded PostgreSQL in {} on localhost:{} (server log: {})",
                existing ? "starting the existing" : "creating a new", clusterDir, port, logFile);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        DURABLE_SETTINGS.forEach(builder::setServerConfig);

        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw new DatabaseException("the embedded PostgreSQL in " + clusterDir + " did not start: "
                    + e.getMessage() + " (see " + logFile + ")", e);
        }
        try {
            checkIsOurs(pg, clusterDir);
            createDatabaseIfMissing(pg, EMBEDDED_DATABASE);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(pg);
            throw new DatabaseException("the embedded PostgreSQL in " + clusterDir + " is not usable: " + e.getMessage(), e);
        }
        DatabaseUrl url = new DatabaseUrl("localhost", pg.getPort(), EMBEDDED_DATABASE, EMBEDDED_USER, null, null);
        String description = "embedded PostgreSQL, data in " + clusterDir + ", " + url.describe();
        log.info("doithoai: using {}", description);
        return new Database(url, pg, description);
    }

    // ---- what the application uses --------------------------------------------------------------

    /** JDBC URL without credentials (for Flyway and tests); pass {@link #user()} and {@link #password()} beside it. */
    public String jdbcUrl() {
        return url.jdbcUrl();
    }

    public String user() {
        return url.user();
    }

    /** May be null (the embedded server trusts local connections). */
    public String password() {
        return url.password();
    }

    public String host() {
        return url.host();
    }

    public int port() {
        return url.port();
    }

    public String databaseName() {
        return url.database();
    }

    /** True when this process started the server (no DATABASE_URL). */
    public boolean embedded() {
        return embedded != null;
    }

    /** For logs; never contains the password. */
    public String description() {
        return description;
    }

    /** Options for the Vert.x reactive client ({@code PgBuilder.pool().connectingTo(...)}). A new object per call. */
    public PgConnectOptions connectOptions() {
        String host = url.host();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        PgConnectOptions options = new PgConnectOptions()
                .setHost(host)
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                // The same few statements run thousands of times (an append per round): parse and
                // plan each once per connection.
                .setCachePreparedStatements(true);
        if (url.password() != null) {
            options.setPassword(url.password());
        }
        if (url.sslMode() != null) {
            options.setSslMode(SslMode.of(url.sslMode()));
        }
        return options;
    }

    /** A plain JDBC connection (setup, tests, Flyway); the caller closes it. */
    public Connection openJdbcConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** Stops the embedded server if this process started one; nothing for an external server. Idempotent. */
    @Override
    public void close() {
        if (embedded != null) {
            log.info("doithoai: stopping the embedded PostgreSQL");
            closeQuietly(embedded);
        }
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }

    // ---- embedded server helpers ----------------------------------------------------------------

    /**
     * A JVM killed without its shutdown hook (kill -9, out of memory) leaves its postmaster running,
     * which would make the next start fail. If no live process holds zonky's lock on the folder but
     * postmaster.pid names a live postgres, stop it (SIGTERM: smart shutdown, its client is gone).
     */
    private static void stopOrphanedServer(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = clusterDir.resolve("epg-lock");
        try (FileChannel channel = new RandomAccessFile(lockFile.toFile(), "rw").getChannel()) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new DatabaseException("another process is already using the database in " + clusterDir
                        + " (is another doithoai server running with the same " + Config.DATA_DIR + "?)");
            }
            try {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.isEmpty()) {
                    return;
                }
                long pid = Long.parseLong(lines.get(0).trim());
                Optional<ProcessHandle> process = ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
                if (process.isEmpty()) {
                    return; // a stale pid file; postgres itself handles that
                }
                log.warn("doithoai: a PostgreSQL left running on {} by an earlier run (pid {}); stopping it", clusterDir, pid);
                process.get().destroy();
                awaitExit(process.get(), STARTUP_WAIT);
            } finally {
                lock.release();
            }
        } catch (DatabaseException e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseException("could not stop the PostgreSQL left running on " + clusterDir
                    + " by an earlier run: " + e, e);
        }
    }

    /**
     * Asks often whether it is gone: {@code onExit()} notices a process that is not this JVM's
     * child only seconds after it exited, and the server is not ready meanwhile. An exited process
     * that its parent (init, for a postgres whose server was killed) has not reaped yet still
     * counts as alive to Java, so a zombie counts as gone.
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

    /** With a fixed port, make sure we reached the server we started and not another one. */
    private static void checkIsOurs(EmbeddedPostgres pg, Path clusterDir) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1));
            if (!sameFile(served, clusterDir)) {
                throw new IllegalStateException("the server on port " + pg.getPort() + " serves " + served
                        + ", another PostgreSQL is using that port");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            }
            log.info("doithoai: created database {} in the embedded PostgreSQL", name);
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

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            log.error("doithoai: could not stop the embedded PostgreSQL cleanly: {}", e.toString());
        }
    }

    /** The database could not be started or reached; the message is meant for the operator. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(String message) {
            super(message);
        }

        public DatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
