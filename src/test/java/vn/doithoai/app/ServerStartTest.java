package vn.doithoai.app;

import org.junit.jupiter.api.Test;
import vn.doithoai.support.TestPostgres;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that cannot go well fails with one clear sentence, not a stack trace. */
class ServerStartTest {

    @Test
    void aPortAlreadyInUseIsSaidPlainly() throws Exception {
        try (var taken = new ServerSocket(0)) {
            Config config = TestPostgres.freshDatabaseConfig().withPort(taken.getLocalPort());
            assertThatThrownBy(() -> Server.start(config))
                    .isInstanceOf(Server.PortInUse.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("DOITHOAI_PORT");
        }
    }

    @Test
    void aPostgresThatDoesNotWaitForTheDiskIsRefusedWithTheSettingNamed() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig();
        try (var c = TestPostgres.connect(config); var s = c.createStatement()) {
            s.execute("ALTER DATABASE " + config.database().orElseThrow().database() + " SET synchronous_commit = off");
        }
        assertThatThrownBy(() -> Server.start(config).close())
                .isInstanceOf(Database.DatabaseException.class)
                .hasMessageContaining("synchronous_commit=off")
                .hasMessageContaining("acknowledged");
    }
}
