package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A week after its close, a meeting's join code lets no new attendee in; a phone that took part comes back. */
class ClosedMeetingJoinTest {

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    @Test
    void aWeekAfterTheCloseTheCodeOpensNothingNewButAPhoneThatTookPartReturns() throws Exception {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of("title", "Hội nghị", "scheduledAt", "2026-10-15T01:00:00Z"));
        String code = created.path("joinCode").asText();
        String key;
        try (WsClient chair = server.connect(); WsClient phone = server.connect()) {
            chair.helloWithToken(Organiser.token(created, "chair"), null);
            key = phone.helloWithJoinCode(code, null, null).path("attendeeKey").asText();
            chair.command("OpenRegistration", null);
            chair.command("StartMeeting", null);
            assertThat(chair.command("CloseMeeting", null).path("type").asText()).isEqualTo("ack");
        }
        try (WsClient justAfter = server.connect()) {
            assertThat(justAfter.helloWithJoinCode(code, null, null).path("type").asText()).as("the day after").isEqualTo("welcome");
        }
        server.sql("UPDATE meetings SET closed_at = now() - interval '8 days' WHERE join_code = '" + code + "'");
        try (WsClient stranger = server.connect(); WsClient returning = server.connect()) {
            assertThat(stranger.helloWithJoinCode(code, null, null).path("code").asText()).isEqualTo("BAD_CREDENTIALS");
            assertThat(returning.helloWithJoinCode(code, key, null).path("type").asText()).isEqualTo("welcome");
        }
    }
}
