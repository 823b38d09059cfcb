package vn.doithoai.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server from the environment's settings; stops cleanly on Ctrl-C or SIGTERM. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (Config.ConfigException e) {
            System.err.println("doithoai: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("doithoai: starting with {}", config);
        Server server;
        try {
            server = Server.start(config);
        } catch (Database.DatabaseException | Migrations.MigrationException | Server.PortInUse e) {
            System.err.println("doithoai: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            LOG.error("doithoai: could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("doithoai: shutting down");
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("doithoai: shutdown was not clean: {}", e.getMessage());
            }
        }, "doithoai-shutdown"));
    }
}
