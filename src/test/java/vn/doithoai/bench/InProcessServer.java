package vn.doithoai.bench;

import io.vertx.pgclient.PgConnectOptions;
import vn.doithoai.app.Config;
import vn.doithoai.app.Server;

/** The server in this JVM (the smoke test): same protocol, no separate process. */
final class InProcessServer implements Target {

    private final Config config;
    private Server server;

    InProcessServer(Config config) throws Exception {
        this.config = config.withPort(Ports.free());
        this.server = Server.start(this.config);
    }

    @Override
    public int httpPort() {
        return server.port();
    }

    @Override
    public PgConnectOptions pg() {
        Config.DatabaseUrl url = config.database().orElseThrow();
        var options = new PgConnectOptions().setHost(url.host()).setPort(url.port()).setDatabase(url.database())
                .setUser(url.user());
        // The test PostgreSQL trusts local connections: it has no password to give.
        return url.password() == null ? options : options.setPassword(url.password());
    }

    @Override
    public String adminSecret() {
        return config.adminSecret();
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public long restart() throws Exception {
        server.close();
        long start = System.nanoTime();
        server = Server.start(config);
        return start;
    }

    @Override
    public long awaitHealthy(long timeoutMs) {
        return System.nanoTime(); // Server.start returns when it listens
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
