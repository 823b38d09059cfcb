package vn.doithoai.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.doithoai.app.Config;
import vn.doithoai.app.Server;
import vn.doithoai.live.Meetings;

import java.util.ArrayList;
import java.util.List;

/**
 * A server on a fresh database with the test organiser secret, and the WebSocket clients a test
 * opened on it; closing it closes them all. It can be stopped and started again on the same
 * database, as after a restart, while the clients keep their state. A test class declares it
 * as {@code @RegisterExtension final TestServer server = TestServer.forEachTest();}: it starts
 * before each test and closes after it.
 */
public final class TestServer implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    private final Config config;
    private final List<WsClient> clients = new ArrayList<>();
    private Server server;

    private TestServer(java.util.function.UnaryOperator<Config> adjust) {
        this.config = adjust.apply(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
    }

    public static TestServer forEachTest() {
        return new TestServer(c -> c);
    }

    /** The same with a setting of the test's own (a mail server, say). */
    public static TestServer forEachTest(java.util.function.UnaryOperator<Config> adjust) {
        return new TestServer(adjust);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        startAgain();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    public int port() {
        return server.port();
    }

    public Meetings meetings() {
        return server.meetings();
    }

    /** The Vert.x the running server's meetings run on (see {@link HeldSnapshotThreads}). */
    public io.vertx.core.Vertx meetingsVertx() {
        return server.meetingsVertx();
    }

    /** Runs statements on this server's database, as an operator at the psql prompt would. */
    public void sql(String... statements) throws java.sql.SQLException {
        try (var c = TestPostgres.connect(config); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The number a query answers (its first column of its first row), asked as {@link #sql} asks. */
    public long number(String query) throws java.sql.SQLException {
        try (var c = TestPostgres.connect(config); var s = c.createStatement(); var rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A new client, closed with this server. */
    public WsClient connect() {
        WsClient client = WsClient.connect(server.port());
        clients.add(client);
        return client;
    }

    /** A new client with a small receive buffer (see {@link WsClient#connectWithSmallReceiveBuffer}). */
    public WsClient connectWithSmallReceiveBuffer() {
        WsClient client = WsClient.connectWithSmallReceiveBuffer(server.port());
        clients.add(client);
        return client;
    }

    /** The clients opened so far, in order. */
    public List<WsClient> clients() {
        return List.copyOf(clients);
    }

    /** Stops the server; the clients see their sockets close. */
    public void stop() throws Exception {
        server.close();
        server = null;
    }

    /** Starts it (again) on the same database and port settings. */
    public void startAgain() throws Exception {
        server = Server.start(config);
    }

    @Override
    public void close() throws Exception {
        clients.forEach(WsClient::close);
        if (server != null) {
            server.close();
        }
    }
}
