package vn.doithoai.transport;

import org.junit.jupiter.api.Test;
import vn.doithoai.access.Secrets;
import vn.doithoai.app.Config;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The organiser secret is kept as a salted Argon2id hash, and must be given exactly. */
class OrganiserSecretTest {

    @Test
    void theSecretIsStoredAsArgon2idAndAPaddedOrWrongOneIsRefused() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET);
        try (Server server = Server.start(config)) {
            assertThat(storedHash(config)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(Secrets.hash(Organiser.SECRET));
            assertThat(new Organiser(server.port()).get("/api/communes").status()).isEqualTo(200);
            assertThat(new Organiser(server.port()).get("/api/communes").status()).as("remembered once right").isEqualTo(200);
            // (Trailing white space is not part of an HTTP header's value: every parser drops it.)
            assertThat(new Organiser(server.port(), " " + Organiser.SECRET).get("/api/communes").status()).isEqualTo(401);
            assertThat(new Organiser(server.port(), "wrong").get("/api/communes").status()).isEqualTo(401);
        }
    }

    @Test
    void aSecretKeptAsPlainSha256ByAnEarlierVersionIsReplacedByArgon2idWhenFirstShown() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig();
        try (Server first = Server.start(config)) {
            assertThat(storedHash(config)).startsWith("$argon2id$");
        }
        try (Connection c = TestPostgres.connect(config); Statement s = c.createStatement()) {
            s.execute("UPDATE organiser_secret SET secret_hash = '" + Secrets.hash("old-secret") + "'");
        }
        try (Server server = Server.start(config)) {
            assertThat(new Organiser(server.port(), "wrong").get("/api/communes").status()).isEqualTo(401);
            assertThat(new Organiser(server.port(), "old-secret").get("/api/communes").status()).isEqualTo(200);
            long deadline = System.currentTimeMillis() + 5000;
            while (!storedHash(config).startsWith("$argon2id$") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(storedHash(config)).startsWith("$argon2id$");
            assertThat(new Organiser(server.port(), "old-secret").get("/api/communes").status()).isEqualTo(200);
        }
    }

    private static String storedHash(Config config) throws SQLException {
        try (Connection c = TestPostgres.connect(config); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret_hash FROM organiser_secret")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
