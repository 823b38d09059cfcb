package vn.doithoai.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server started as root (sudo bash bin/run, root in a container) on a machine that, like a plain
 * Debian install, refuses to run PostgreSQL as root: its initdb and pg_ctl here are the real ones
 * behind a guard that refuses uid 0 with PostgreSQL's own words. The cluster is made and served all
 * the same, by the unprivileged system user. Runs where the tests run as root (CI does).
 */
class EmbeddedClusterAsRootTest {

    private static PostgresPrograms refusingRoot;

    @BeforeAll
    static void programsThatRefuseRoot(@TempDir Path folder) throws Exception {
        assumeTrue(ClusterOwner.runningAsRoot(), "the tests do not run as root here: nothing to check");
        PostgresPrograms real = PostgresPrograms.unpacked();
        Path bin = Files.createDirectories(folder.resolve("bin"));
        for (String program : List.of("initdb", "pg_ctl")) {
            Path guard = bin.resolve(program);
            Files.writeString(guard, "#!/bin/sh\n"
                    + "if [ \"$(id -u)\" = 0 ]; then echo '" + program + ": error: cannot be run as root' >&2; exit 1; fi\n"
                    + "exec '" + real.program(program) + "' \"$@\"\n");
            Files.setPosixFilePermissions(guard, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        refusingRoot = PostgresPrograms.in(folder);
    }

    @Test
    void as_root_the_cluster_is_made_and_served_by_the_unprivileged_system_user(@TempDir Path dataDir) throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dataDir, 0, Database.SERVER_SETTINGS, refusingRoot)) {
            try (Connection c = cluster.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 + 1")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            long postmaster = Long.parseLong(Files.readAllLines(cluster.clusterDir().resolve("postmaster.pid")).get(0).trim());
            String uidLine = Files.readAllLines(Path.of("/proc", Long.toString(postmaster), "status")).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
            assertThat(uidLine.split("\\s+")[1]).as("the postmaster's real uid").isNotEqualTo("0")
                    .isEqualTo(Files.getAttribute(cluster.clusterDir(), "unix:uid").toString());
            assertThat(Files.getOwner(cluster.clusterDir()).getName()).isEqualTo(ClusterOwner.SYSTEM_USER);
        }
        // Started again on the same folder: the existing cluster, no initdb.
        try (EmbeddedCluster again = EmbeddedCluster.start(dataDir, 0, Database.SERVER_SETTINGS, refusingRoot);
             Connection c = again.connect("postgres")) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void as_root_a_data_folder_the_system_user_cannot_reach_is_refused_with_what_to_do(@TempDir Path folder) throws Exception {
        Path privateParent = Files.createDirectories(folder.resolve("root-only"));
        Files.setPosixFilePermissions(privateParent, PosixFilePermissions.fromString("rwx------"));
        Path dataDir = privateParent.resolve("data");
        assertThatThrownBy(() -> EmbeddedCluster.start(dataDir, 0, Map.of(), refusingRoot).close())
                .isInstanceOf(Database.DatabaseException.class)
                .hasMessageContaining("user " + ClusterOwner.SYSTEM_USER)
                .hasMessageContaining("cannot reach")
                .hasMessageContaining(Config.DATA_DIR);
    }

    @Test
    void as_root_the_default_data_folder_in_a_private_home_moves_to_the_system_place_and_a_chosen_one_stays(@TempDir Path folder)
            throws Exception {
        Path privateHome = Files.createDirectories(folder.resolve("home"));
        Files.setPosixFilePermissions(privateHome, PosixFilePermissions.fromString("rwx------"));
        Path inPrivate = privateHome.resolve("doithoai").resolve("data");
        assertThat(ClusterOwner.placeForData(inPrivate, false)).isEqualTo(Path.of(ClusterOwner.SYSTEM_DATA_DIR));
        assertThat(ClusterOwner.placeForData(inPrivate, true)).isEqualTo(inPrivate);

        Path openHome = Files.createDirectories(folder.resolve("open"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(openHome, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(ClusterOwner.placeForData(openHome.resolve("data"), false)).isEqualTo(openHome.resolve("data"));
    }
}
