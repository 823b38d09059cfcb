package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.doithoai.app.Config;
import vn.doithoai.app.Server;
import vn.doithoai.support.CuttingProxy;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link to PostgreSQL cut right after a round's append is sent: PostgreSQL has the statement,
 * the server never hears back. No acknowledgement goes out; the chair's resend under the same id is
 * answered with the event as stored, applied once.
 */
class CommitAnswerLostTest {

    @Test
    void aCommitWhoseAnswerIsLostIsNeverAcknowledgedUnconfirmedAndTheResendIsAppliedOnce() throws Exception {
        Config direct = TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET);
        Config.DatabaseUrl db = direct.database().orElseThrow();
        try (CuttingProxy proxy = new CuttingProxy(db.host(), db.port())) {
            proxy.watch("INSERT INTO events");
            Config config = direct.withDatabaseUrl("postgres://" + db.user() + ":" + db.password() + "@127.0.0.1:"
                    + proxy.port() + "/" + db.database());
            try (Server server = Server.start(config)) {
                JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of(
                        "title", "Hội nghị đối thoại", "scheduledAt", "2026-10-15T01:00:00Z"));
                try (WsClient chair = WsClient.connect(server.port())) {
                    chair.helloWithToken(Organiser.token(created, "chair"), null);
                    assertThat(chair.command("OpenRegistration", null).path("type").asText()).isEqualTo("ack");

                    proxy.arm();
                    JsonNode first = chair.command("start-1", "StartMeeting", null);
                    assertThat(proxy.armed()).as("the append went through the proxy and was cut").isFalse();
                    assertThat(first.path("type").asText()).as(first.toString()).isEqualTo("error");
                    assertThat(first.path("code").asText()).isEqualTo("STORAGE_UNCONFIRMED");

                    JsonNode resent = chair.resendUntilStored("start-1", "StartMeeting", null);
                    assertThat(resent.path("type").asText()).as(resent.toString()).isEqualTo("ack");
                    assertThat(resent.path("firstSeq").asLong()).isEqualTo(3);
                }
            }
        }
        try (Connection c = TestPostgres.connect(direct); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM events WHERE type = 'MeetingStarted'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("applied once").isEqualTo(1);
        }
    }
}
