package vn.doithoai.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL asks for passwords (kept in the data folder, mode 600), and the server's
 * own role may read the record and add to it, nothing more: no UPDATE, DELETE or TRUNCATE of events
 * or commands, no trigger set aside. A cluster that trusted local connections (an earlier version)
 * is switched at its next start.
 */
class EmbeddedRolesTest {

    @Test
    void noPasswordNoLoginAndTheServersRoleCannotChangeTheRecord(@TempDir Path dataDir) throws Exception {
        try (Database db = Database.start(Config.defaults().withDataDir(dataDir).withEmbeddedPostgresPort(0))) {
            Migrations.run(db);
            db.grantAppRole();
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            for (String file : new String[] {ClusterPasswords.SUPERUSER_FILE, ClusterPasswords.APP_FILE}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            assertThat(db.connectOptions().getUser()).isEqualTo(AppRole.NAME);
            String appPassword = Files.readString(dataDir.resolve(ClusterPasswords.APP_FILE)).strip();
            try (Connection app = DriverManager.getConnection(db.jdbcUrl(), AppRole.NAME, appPassword);
                 Statement s = app.createStatement()) {
                s.execute("INSERT INTO communes (id, name) VALUES (gen_random_uuid(), 'Xã Thử')");
                s.executeQuery("SELECT count(*) FROM events").close();
                for (String forbidden : new String[] {"DELETE FROM events", "UPDATE commands SET last_seq = 0",
                        "TRUNCATE events", "ALTER TABLE events DISABLE TRIGGER events_are_append_only",
                        "DROP TABLE snapshots"}) {
                    assertThatThrownBy(() -> s.execute(forbidden)).as(forbidden).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "42P01"));
                }
            }
        }
    }

    @Test
    void aClusterThatTrustedLocalConnectionsAsksForAPasswordAfterItsNextStart(@TempDir Path dataDir) throws Exception {
        Config config = Config.defaults().withDataDir(dataDir).withEmbeddedPostgresPort(0);
        try (Database db = Database.start(config)) {
            assertThat(db.password()).isNotBlank();
        }
        // As an earlier version left it: trust, and no password file.
        Path hba = dataDir.resolve("postgres").resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
        assertThat(Files.readString(hba).lines().filter(line -> !line.startsWith("#") && line.endsWith("trust"))).isNotEmpty();
        Files.delete(dataDir.resolve(ClusterPasswords.SUPERUSER_FILE));
        try (Database db = Database.start(config)) {
            assertThat(Files.readString(hba).lines().filter(line -> !line.startsWith("#") && line.endsWith("trust")))
                    .as("rules that trust").isEmpty();
            assertThat(Files.readString(dataDir.resolve(ClusterPasswords.SUPERUSER_FILE)).strip()).isEqualTo(db.password());
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = db.openJdbcConnection()) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }
}
