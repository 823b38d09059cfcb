package vn.doithoai.transport;

import org.junit.jupiter.api.Test;
import vn.doithoai.access.Secrets;
import vn.doithoai.app.Config;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser secret is kept as a salted Argon2id hash, must be given exactly, and is only the key
 * to the first administrator: the staff API takes sessions, not the secret.
 */
class OrganiserSecretTest {

    private static Organiser.Reply asOperator(Server server, String secret, Object body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/setup/administrator"))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body == null ? "" : vn.doithoai.codec.Json.write(body))).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Organiser.Reply(response.statusCode(), response.body().isEmpty() ? null : vn.doithoai.codec.Json.MAPPER.readTree(response.body()));
    }

    @Test
    void theSecretIsStoredAsArgon2idSignsInTheFirstAdministratorAndOpensNothingElse() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET);
        try (Server server = Server.start(config)) {
            assertThat(storedHash(config)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(Secrets.hash(Organiser.SECRET));
            assertThat(new StaffClient(server.port()).signIn("admin", Organiser.SECRET).status()).isEqualTo(200);
            assertThat(new StaffClient(server.port()).signIn("admin", " " + Organiser.SECRET).status()).isEqualTo(401);
            assertThat(new StaffClient(server.port()).signIn("admin", "wrong").status()).isEqualTo(401);
            var bearer = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/communes"))
                    .header("Authorization", "Bearer " + Organiser.SECRET).build();
            assertThat(java.net.http.HttpClient.newHttpClient().send(bearer, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("the secret is no key to the staff API").isEqualTo(401);
        }
    }

    @Test
    void aSecretKeptAsPlainSha256ByAnEarlierVersionRestoresTheAdministratorAndIsReplacedByArgon2id() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig();
        try (Server first = Server.start(config)) {
            assertThat(storedHash(config)).startsWith("$argon2id$");
        }
        try (Connection c = TestPostgres.connect(config); Statement s = c.createStatement()) {
            s.execute("UPDATE organiser_secret SET secret_hash = '" + Secrets.hash("old-secret") + "'");
        }
        try (Server server = Server.start(config)) {
            assertThat(asOperator(server, "wrong", null).status()).isEqualTo(401);
            assertThat(asOperator(server, "old-secret", null).status()).isEqualTo(200);
            long deadline = System.currentTimeMillis() + 5000;
            while (!storedHash(config).startsWith("$argon2id$") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(storedHash(config)).startsWith("$argon2id$");
            assertThat(new StaffClient(server.port()).signIn("admin", "old-secret").status()).isEqualTo(200);
        }
    }

    @Test
    void theSecretGivesTheFirstAdministratorANewPasswordWhenItIsLostAndEndsItsSessions() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET);
        try (Server server = Server.start(config)) {
            var admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
            String id = admin.get("/api/session").body().path("account").path("id").asText();
            assertThat(admin.put("/api/accounts/" + id + "/password", Map.of("password", "mat-khau-bi-quen", "currentPassword", Organiser.SECRET))
                    .status()).isEqualTo(200);
            assertThat(asOperator(server, Organiser.SECRET, Map.of("password", "ngan")).status()).as("too short").isEqualTo(400);
            Organiser.Reply restored = asOperator(server, Organiser.SECRET, Map.of("password", "mat-khau-moi-cua-admin"));
            assertThat(restored.status()).isEqualTo(200);
            assertThat(admin.get("/api/session").status()).as("signed out").isEqualTo(401);
            assertThat(new StaffClient(server.port()).signIn("admin", "mat-khau-bi-quen").status()).isEqualTo(401);
            assertThat(new StaffClient(server.port()).signIn("admin", "mat-khau-moi-cua-admin").status()).isEqualTo(200);
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
