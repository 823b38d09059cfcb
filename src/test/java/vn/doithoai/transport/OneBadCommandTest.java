package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A malformed command is refused alone: the commands decided in the same round as it, other people's
 * registrations, are applied and answered as if it had never come.
 */
class OneBadCommandTest {

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    @Test
    void aConclusionNamingAnEmptyTurnIsRefusedAndTheRegistrationsAroundItAreAllTaken() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of(
                "title", "Hội nghị đối thoại", "scheduledAt", "2026-10-15T01:00:00Z",
                "rules", Map.of("slotSeconds", 180, "warningSeconds", 30, "perVillageCap", 100,
                        "firstTimersFirst", true, "responseSeconds", 300)));
        WsClient chair = server.connect();
        chair.helloWithToken(Organiser.token(created, "chair"), null);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));

        List<WsClient> phones = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WsClient phone = server.connect();
            phone.helloWithJoinCode(created.path("joinCode").asText(), null, null);
            phones.add(phone);
        }
        // Sent without waiting, so that the owner decides them together with the bad conclusion.
        for (int i = 0; i < phones.size(); i++) {
            phones.get(i).sendText(registration("r" + i, "Người số " + (i + 1)));
            if (i == phones.size() / 2) {
                for (String name : List.of("RecordConclusion", "CorrectConclusion")) {
                    chair.sendText("{\"type\":\"command\",\"id\":\"bad-" + name + "\",\"name\":\"" + name + "\",\"args\":"
                            + "{" + (name.startsWith("Correct") ? "\"conclusionId\":1," : "")
                            + "\"text\":\"t\",\"outcome\":\"ANSWERED\",\"turnIds\":[null]}}");
                }
            }
        }
        for (int i = 0; i < phones.size(); i++) {
            String id = "r" + i;
            JsonNode answer = phones.get(i).awaitFrom(0, f -> id.equals(f.path("id").asText(null)));
            assertThat(answer.path("type").asText()).as("registration %s answered", id).isEqualTo("ack");
        }
        for (String name : List.of("RecordConclusion", "CorrectConclusion")) {
            JsonNode refused = chair.awaitFrom(0, f -> ("bad-" + name).equals(f.path("id").asText(null)));
            assertThat(refused.path("type").asText()).as(name).isEqualTo("error");
            assertThat(refused.path("code").asText()).as(name).isIn("FIELD_INVALID", "NOT_FOUND");
        }
        // The server goes on: a good command after them is taken.
        ack(chair.command("AdvanceStep", null));
    }

    private static String registration(String id, String name) {
        return "{\"type\":\"command\",\"id\":\"" + id + "\",\"name\":\"Register\",\"args\":{\"name\":\"" + name
                + "\",\"village\":\"Thôn 1\",\"topic\":\"Đường giao thông\"}}";
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
        return answer;
    }
}
