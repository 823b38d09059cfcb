package vn.doithoai.app;

import org.junit.jupiter.api.Test;
import vn.doithoai.support.TestPostgres;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting on a port another program holds fails with one clear sentence, not a stack trace. */
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
}
