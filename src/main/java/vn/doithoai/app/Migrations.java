package vn.doithoai.app;

import io.vertx.core.Context;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway, from {@code classpath:db/migration}, over JDBC.
 * Blocking: call it from a plain thread at start, never from an event loop.
 */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Migrates the database the application uses; returns how many migrations were applied. */
    public static int run(Database database) {
        return run(database.jdbcUrl(), database.user(), database.password());
    }

    /** Migrates the database at a JDBC URL (without credentials in it); returns how many were applied. */
    public static int run(String jdbcUrl, String user, String password) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Migrations.run blocks: call it from a plain thread, not an event loop");
        }
        Flyway flyway = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (RuntimeException e) {
            throw new MigrationException("database migration failed: " + e.getMessage(), e);
        }
        for (MigrateOutput m : result.migrations) {
            log.info("doithoai: applied migration V{} {} ({} ms)", m.version, m.description, m.executionTime);
        }
        if (result.migrationsExecuted == 0) {
            log.info("doithoai: database schema is up to date (version {})", result.initialSchemaVersion);
        } else {
            log.info("doithoai: database schema now at version {} ({} migration(s) applied)",
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
        return result.migrationsExecuted;
    }

    /** A migration did not apply; the message is meant for the operator. */
    public static final class MigrationException extends RuntimeException {
        public MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
