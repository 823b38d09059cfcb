package vn.doithoai.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server: settings, database, schema. Stops on Ctrl-C (SIGINT/SIGTERM), closing the database. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (Config.ConfigException e) {
            System.err.println("doithoai: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        log.info("doithoai: starting with {}", config);

        Database database;
        try {
            database = Database.start(config);
        } catch (Database.DatabaseException e) {
            System.err.println("doithoai: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("doithoai: shutting down");
            database.close();
        }, "doithoai-shutdown"));

        try {
            Migrations.run(database);
        } catch (Migrations.MigrationException e) {
            System.err.println("doithoai: " + e.getMessage());
            System.exit(1); // the hook stops the embedded database
            return;
        }
        log.info("doithoai: database ready");

        new CountDownLatch(1).await(); // until the JVM is told to stop; the hook then closes the database
    }
}
