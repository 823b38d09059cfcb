package vn.doithoai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.support.TestPostgres;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void the_embedded_database_keeps_a_row_across_a_stop_and_a_start_on_the_same_data_folder() throws Exception {
        Config config = Config.defaults().withDataDir(dataDir).withEmbeddedPostgresPort(0);

        try (Database first = Database.start(config)) {
            assertThat(first.embedded()).isTrue();
            assertThat(first.databaseName()).isEqualTo("doithoai");
            try (Connection c = first.openJdbcConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('còn đây')");
            }
        }
        Path pgVersion = dataDir.resolve("postgres").resolve("PG_VERSION");
        long createdAt = Files.getLastModifiedTime(pgVersion).toMillis();

        try (Database second = Database.start(config)) {
            try (Connection c = second.openJdbcConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("còn đây");
            }
        }
        // The second start reused the cluster rather than running initdb again.
        assertThat(Files.getLastModifiedTime(pgVersion).toMillis()).isEqualTo(createdAt);
    }

    @Test
    void a_postgres_left_running_by_a_killed_server_is_stopped_and_its_data_served_again() throws Exception {
        // Another JVM starts the embedded database, writes a row and is killed: its postgres lives on.
        Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartsTheDatabaseAndWaits.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(crashed.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(StartsTheDatabaseAndWaits.READY)) {
                // its log
            }
            assertThat(line).as("the other JVM started its database").isEqualTo(StartsTheDatabaseAndWaits.READY);
        } finally {
            crashed.destroyForcibly().waitFor();
        }
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (Database again = Database.start(Config.defaults().withDataDir(dataDir).withEmbeddedPostgresPort(0));
             Connection c = again.openJdbcConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("trước khi sập");
        }
        assertThat(ProcessHandle.of(orphan).map(EmbeddedCluster::isRunning).orElse(false)).as("the orphan was stopped").isFalse();
    }

    /** The server killed in the test above: starts the embedded database, writes a row, says so, and waits. */
    static final class StartsTheDatabaseAndWaits {
        static final String READY = "database ready";

        public static void main(String[] args) throws Exception {
            Database db = Database.start(Config.defaults().withDataDir(Path.of(args[0])).withEmbeddedPostgresPort(0));
            try (Connection c = db.openJdbcConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('trước khi sập')");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    void the_embedded_database_is_durable() throws Exception {
        Database server = TestPostgres.server();
        try (Connection c = server.openJdbcConnection(); Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("on");
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
            assertThat(show(s, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void migrations_create_the_events_table_and_a_second_run_applies_nothing() throws Exception {
        Config config = TestPostgres.emptyDatabaseConfig();
        try (Database db = Database.start(config)) {
            assertThat(db.embedded()).isFalse();
            assertThat(Migrations.run(db)).isPositive();
            try (Connection c = db.openJdbcConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT to_regclass('public.events') IS NOT NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            assertThat(Migrations.run(db)).isZero();
        }
    }

    @Test
    void an_update_a_delete_or_a_truncate_of_the_record_is_refused_by_the_append_only_triggers() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig();
        try (Database db = Database.start(config); Connection c = db.openJdbcConnection()) {
            UUID commune = UUID.randomUUID();
            UUID meeting = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO communes (id, name) VALUES (?, 'Xã Thử')")) {
                ps.setObject(1, commune);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meetings (id, commune_id, join_code, status, title) VALUES (?, ?, 'ABC123', 'scheduled', 'Đối thoại')")) {
                ps.setObject(1, meeting);
                ps.setObject(2, commune);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO events (meeting_id, seq, type, payload, actor, occurred_at)"
                            + " VALUES (?, 1, 'MeetingOpened', '{}'::jsonb, 'chair', now())")) {
                ps.setObject(1, meeting);
                ps.executeUpdate();
            }

            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET type = 'Forged'"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM events"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE events, commands, snapshots"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE commands"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
                try (ResultSet rs = s.executeQuery("SELECT type FROM events")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("MeetingOpened");
                }
            }
        }
    }

    @Test
    void an_external_database_that_cannot_be_reached_is_said_plainly_without_its_password() {
        Config config = Config.defaults().withDatabaseUrl("postgres://app:s%40cret@db.example:6543/doithoai?sslmode=require");
        assertThatThrownBy(() -> Database.start(config).close())
                .isInstanceOf(Database.DatabaseException.class)
                .hasMessageContaining("db.example:6543")
                .hasMessageNotContaining("cret");
    }

    @Test
    void on_an_external_database_the_server_runs_as_a_role_limited_to_the_record() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig();
        try (Database db = Database.start(config)) {
            db.grantAppRole();
            var options = db.connectOptions();
            String role = AppRole.nameFor(db.databaseName());
            assertThat(options.getUser()).isEqualTo(role);
            assertThat(options.getPassword()).isEqualTo(Files.readString(config.dataDir().resolve(role + ".password")).strip());
            assertThat(db.description()).contains(role).doesNotContain(options.getPassword());
            try (Connection app = DriverManager.getConnection(db.jdbcUrl(), role, options.getPassword());
                 Statement s = app.createStatement()) {
                s.executeQuery("SELECT count(*) FROM events").close();
                assertThatThrownBy(() -> s.execute("DELETE FROM events")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("TRUNCATE commands")).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void a_second_server_on_the_same_data_folder_is_refused_with_a_clear_message() {
        Config config = Config.defaults().withDataDir(dataDir).withEmbeddedPostgresPort(0);
        try (Database first = Database.start(config)) {
            assertThatThrownBy(() -> Database.start(config))
                    .isInstanceOf(Database.DatabaseException.class)
                    .hasMessageContaining(dataDir.resolve("postgres").toString());
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
