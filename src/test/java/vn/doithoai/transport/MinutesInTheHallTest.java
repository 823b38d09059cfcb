package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.Patches;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the minutes are drafted the hall's screens (display, phones, door) get the lines the record
 * writes itself, never the secretary's own lines nor their corrections; staff get everything.
 */
class MinutesInTheHallTest {

    private static final String LINE = "Ông An nói đường ngập sâu khi mưa";
    private static final String CORRECTED = "Ông An đề nghị làm cống thoát nước";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
        return answer;
    }

    @Test
    void aPhoneTheDisplayAndTheDoorNeverGetTheSecretarysLineNorItsCorrectionWhileTheChairDoes() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of("title", "Hội nghị đối thoại", "scheduledAt",
                "2026-10-15T01:00:00Z"));
        String joinCode = created.path("joinCode").asText();
        WsClient chair = server.connect();
        WsClient secretary = server.connect();
        WsClient display = server.connect();
        WsClient door = server.connect();
        WsClient phone = server.connect();
        chair.helloWithToken(Organiser.token(created, "chair"), null);
        secretary.helloWithToken(Organiser.token(created, "secretary"), null);
        JsonNode displayWelcome = display.helloWithToken(Organiser.token(created, "display"), null);
        door.helloWithToken(Organiser.token(created, "door"), null);
        JsonNode phoneWelcome = phone.helloWithJoinCode(joinCode, null, null);

        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        long beforeTheLines = ack(phone.command("Register", Map.of("name", "Nguyễn Văn An", "village", "Thôn Broch",
                "topic", "Đường liên thôn"))).path("lastSeq").asLong();
        ack(chair.command("CallNext", null));
        ack(chair.command("StartSlot", null));
        JsonNode written = ack(secretary.command("RecordMinute", Map.of("text", LINE)));
        JsonNode entry = chair.awaitFrom(0, f -> f.path("seq").asLong() == written.path("lastSeq").asLong());
        int entryId = entry.path("data").path("entryId").asInt();
        ack(secretary.command("CorrectMinute", Map.of("entryId", entryId, "text", CORRECTED)));
        ack(chair.command("EndSlot", null));
        long last = ack(chair.command("CloseMeeting", null)).path("lastSeq").asLong();

        for (WsClient screen : List.of(chair, secretary, display, door, phone)) {
            screen.awaitFrom(0, f -> f.path("seq").asLong() == last || f.path("lastSeq").asLong() == last);
        }
        assertThat(chair.frames().toString()).contains(LINE, CORRECTED);
        assertThat(secretary.frames().toString()).contains(LINE, CORRECTED);
        for (WsClient hall : List.of(display, door, phone)) {
            assertThat(hall.frames().toString()).doesNotContain(LINE, CORRECTED)
                    .contains("Nguyễn Văn An (Thôn Broch) phát biểu", "Bế mạc hội nghị");
        }
        // The hall is told a line was written and corrected (its seq has no gap), without the text.
        // (The display may get the pacing's merged frame, which counts the events of each kind.)
        for (WsClient hall : List.of(display, door, phone)) {
            assertThat(hall.events()).anyMatch(e -> "MinuteCorrected".equals(e.path("name").asText())
                    || e.path("counts").has("MinuteCorrected"));
            assertThat(hall.events()).filteredOn(e -> e.path("name").asText().startsWith("Minute"))
                    .allMatch(e -> e.path("data").path("text").isNull() && !e.path("patch").has("minutes"));
        }
        assertThat(display.seqs()).isEqualTo(java.util.stream.LongStream.rangeClosed(2, last).boxed().toList());

        // Screens joining late, or coming back from before the lines, see the same.
        JsonNode lateDisplay = server.connect().helloWithToken(Organiser.token(created, "display"), null);
        JsonNode latePhone = server.connect().helloWithJoinCode(joinCode, null, null);
        JsonNode returning = server.connect().helloWithJoinCode(joinCode, phoneWelcome.path("attendeeKey").asText(), beforeTheLines);
        assertThat(returning.path("catchUp").asText()).isEqualTo("events");
        for (JsonNode welcome : List.of(lateDisplay, latePhone, returning)) {
            assertThat(welcome.toString()).doesNotContain(LINE, CORRECTED);
        }
        assertThat(lateDisplay.path("snapshot").path("minutes")).allMatch(m -> m.path("automatic").asBoolean());
        JsonNode lateChair = server.connect().helloWithToken(Organiser.token(created, "chair"), null);
        assertThat(lateChair.toString()).contains(CORRECTED, LINE);

        // The patches the display applied add up to what a display joining now is given.
        assertThat(Patches.apply(displayWelcome.path("snapshot"), display.events())).isEqualTo(lateDisplay.path("snapshot"));
    }
}
