package vn.doithoai.app;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.app.Config.DatabaseUrl;

/**
 * The PostgreSQL server the application uses: the one named by DATABASE_URL, or, without it, an
 * embedded one ({@link EmbeddedCluster}, the programs from zonky's binaries jar) whose cluster lives
 * in {@code <dataDir>/postgres} and survives restarts.
 *
 * <p>The embedded server is started durable (fsync and synchronous commits on), because the meeting
 * record is the official record. Its server log goes to {@code <dataDir>/postgres.log}.
 *
 * <p>Blocking (process start, JDBC): call from a plain thread, never an event loop. Whoever starts it
 * closes it; no JVM shutdown hook is registered here (Main adds one that closes things in order).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** The database the application uses inside the embedded cluster. */
    public static final String EMBEDDED_DATABASE = "doithoai";
    /** The embedded cluster's superuser (its password in the data folder, see ClusterPasswords). */
    public static final String EMBEDDED_USER = EmbeddedCluster.SUPERUSER;

    /** What the embedded server is started with, on top of PostgreSQL's defaults. */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "fsync", "on",                 // PostgreSQL's defaults, said here because the record depends on them
            "synchronous_commit", "on",
            "max_connections", "300",      // the tests' many databases on one server; the app opens 8 + 2 per core
            "full_page_writes", "on",
            "log_checkpoints", "on",       // when a commit waits on the disk, the log says whether a checkpoint ran
            "listen_addresses", "localhost",
            "timezone", "UTC");

    private final DatabaseUrl url;
    private final EmbeddedCluster embedded; // null for an external server
    private final String description;
    /** The server's own connections: the role limited to the record (embedded), or the URL's user. */
    private final Login app;

    private Database(DatabaseUrl url, EmbeddedCluster embedded, String description, Login app) {
        this.url = url;
        this.embedded = embedded;
        this.description = description;
        this.app = app;
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
            return startExternal(external.get(), config.dataDir());
        }
        return startEmbedded(ClusterOwner.placeForData(config), config.embeddedPostgresPort());
    }

    private static Database startEmbedded(Path dataDir, int requestedPort) {
        EmbeddedCluster cluster = EmbeddedCluster.start(dataDir, requestedPort, SERVER_SETTINGS);
        String appPassword;
        try {
            createDatabaseIfMissing(cluster, EMBEDDED_DATABASE);
            appPassword = ClusterPasswords.readOrMake(dataDir, ClusterPasswords.APP_FILE);
            try (Connection c = cluster.connect(EMBEDDED_DATABASE)) {
                AppRole.ensure(c, AppRole.NAME, appPassword);
            }
        } catch (SQLException | RuntimeException e) {
            cluster.close();
            throw new DatabaseException("the embedded PostgreSQL in " + cluster.clusterDir() + " is not usable: " + e.getMessage(), e);
        }
        DatabaseUrl url = new DatabaseUrl("localhost", cluster.port(), EMBEDDED_DATABASE, EMBEDDED_USER,
                cluster.superuserPassword(), null);
        String description = "embedded PostgreSQL, data in " + cluster.clusterDir() + ", " + url.describe()
                + ", the server as role " + AppRole.NAME;
        log.info("doithoai: using {}", description);
        return new Database(url, cluster, description, new Login(AppRole.NAME, appPassword));
    }

    /**
     * An external server: the URL's role owns the schema and runs the migrations; the server's own
     * connections log in as a role limited to the record ({@link AppRole}, its password kept in the
     * data folder), which the URL's role makes if it may make roles. If it may not (a managed
     * database), the server runs as the URL's role and says so.
     */
    private static Database startExternal(DatabaseUrl url, Path dataDir) {
        String name = AppRole.nameFor(url.database());
        String description = url.describe() + " (from " + Config.DATABASE_URL + ")";
        Login app = new Login(url.user(), url.password());
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            if (AppRole.mayMakeRoles(c)) {
                Files.createDirectories(dataDir);
                String password = ClusterPasswords.readOrMake(dataDir, AppRole.passwordFileFor(url.database()));
                AppRole.ensure(c, name, password);
                app = new Login(name, password);
                description += ", the server as role " + name;
            } else {
                log.warn("doithoai: {} may not make roles: the server runs as it; give it only SELECT and INSERT on"
                        + " events and commands (docs/SECURITY.md)", url.user());
            }
        } catch (SQLException | java.io.IOException e) {
            throw new DatabaseException("cannot reach PostgreSQL at " + url.describe() + ": " + e.getMessage(), e);
        }
        log.info("doithoai: using PostgreSQL at {}", description);
        return new Database(url, null, description, app);
    }

    /** Who the server's own connections log in as. */
    private record Login(String user, String password) {
    }

    // ---- what the application uses --------------------------------------------------------------

    /** After the migrations: the server's role may use the tables they made. */
    public void grantAppRole() {
        if (app.user().equals(url.user())) {
            return; // the server runs as the owner (an external server that may not make roles)
        }
        try (Connection c = openJdbcConnection()) {
            AppRole.grant(c, app.user());
        } catch (SQLException e) {
            throw new DatabaseException("cannot grant the server's role its rights: " + e.getMessage(), e);
        }
    }

    /** JDBC URL without credentials (for Flyway and tests); pass {@link #user()} and {@link #password()} beside it: the owner. */
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
                .setUser(app.user())
                // The same few statements run thousands of times (an append per round): parse and
                // plan each once per connection.
                .setCachePreparedStatements(true);
        if (app.password() != null) {
            options.setPassword(app.password());
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

    /**
     * For an embedded server whose process is gone: starts it again (blocking; call off the event
     * loops). False for an external server, which is not ours to start: the pool reconnects to it.
     */
    public boolean startAgainIfGone() {
        return embedded != null && embedded.startAgainIfGone();
    }

    /** Stops the embedded server if this process started one; nothing for an external server. Idempotent. */
    @Override
    public void close() {
        if (embedded != null) {
            log.info("doithoai: stopping the embedded PostgreSQL");
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }

    // ---- embedded server helpers ----------------------------------------------------------------

    private static void createDatabaseIfMissing(EmbeddedCluster cluster, String name) throws SQLException {
        try (Connection c = cluster.connect("postgres")) {
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
