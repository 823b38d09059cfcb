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
 * A whole meeting along plan 004's program, over real WebSockets against a real PostgreSQL:
 * a chair, a secretary, a hall display and three phones connected at once.
 */
class WholeMeetingTest {

    static final String PHONE_NUMBER = "0905 123 456";
    static final String PRIVATE_NOTE = "Người cao tuổi, cần hỗ trợ lên bục";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    static Map<String, Object> setup() {
        return Map.of(
                "kind", "PERIODIC",
                "title", "Hội nghị đối thoại trực tiếp với Nhân dân xã Ia Băng",
                "topic", "Phát triển kinh tế - xã hội, quốc phòng, an ninh năm 2025",
                "scheduledAt", "2025-10-20T01:00:00Z",
                "venue", "Hội trường Ban Chấp hành Đảng bộ xã (thôn Broch)",
                "chairs", List.of("Bí thư Đảng ủy, Chủ tịch HĐND xã", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"),
                "hostOffice", "Văn phòng HĐND và UBND xã",
                "rules", Map.of("slotSeconds", 180, "warningSeconds", 30, "perVillageCap", 5,
                        "firstTimersFirst", true, "responseSeconds", 300));
    }


    /** The screen's welcome: a time frame may come before it, while the hello is answered. */
    private static JsonNode welcome(WsClient screen) {
        return screen.frames().stream().filter(f -> "welcome".equals(f.path("type").asText())).findFirst().orElseThrow();
    }

    @Test
    void aWholeMeetingRunsWithEveryRoleSeeingWhatItMay() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(setup());
        String joinCode = created.path("joinCode").asText();

        WsClient chair = server.connect();
        WsClient secretary = server.connect();
        WsClient display = server.connect();
        assertThat(chair.helloWithToken(Organiser.token(created, "chair"), null).path("role").asText()).isEqualTo("CHAIR");
        assertThat(secretary.helloWithToken(Organiser.token(created, "secretary"), null).path("role").asText()).isEqualTo("SECRETARY");
        JsonNode displayWelcome = display.helloWithToken(Organiser.token(created, "display"), null);
        assertThat(displayWelcome.path("role").asText()).isEqualTo("DISPLAY");
        assertThat(displayWelcome.path("joinCode").asText()).isEqualTo(joinCode);
        assertThat(displayWelcome.path("snapshot").path("setup").path("steps")).hasSize(4);

        WsClient[] phones = {server.connect(), server.connect(), server.connect()};
        String[] attendeeIds = new String[3];
        for (int i = 0; i < 3; i++) {
            JsonNode welcome = phones[i].helloWithJoinCode(joinCode.toLowerCase(), null, null);
            assertThat(welcome.path("role").asText()).isEqualTo("ATTENDEE");
            assertThat(welcome.path("attendeeKey").asText()).hasSize(43);
            attendeeIds[i] = welcome.path("attendeeId").asText();
        }

        // Registration opens; people register from their phones and at the desk.
        ack(chair.command("OpenRegistration", null));
        ack(phones[0].command("Register", Map.of("name", "Nguyễn Văn An", "village", "Thôn Broch",
                "topic", "Đường liên thôn xuống cấp", "summary", "Đề nghị sửa đoạn đường 2 km", "phone", PHONE_NUMBER)));
        ack(phones[1].command("Register", Map.of("name", "Rơ Chăm H'Bia", "village", "Làng Bi",
                "group", "Phụ nữ", "topic", "Nước sinh hoạt")));
        JsonNode third = ack(phones[2].command("Register", Map.of("name", "Siu Thuấn", "village", "Làng Dơ Lâm",
                "topic", "Đất sản xuất")));
        ack(secretary.command("RegisterAtDesk", Map.of("name", "Y Nhân", "village", "Thôn Broch",
                "topic", "Chế độ người có công", "note", PRIVATE_NOTE)));
        assertThat(phones[0].command("Withdraw", Map.of("registrationId", 3)).path("code").asText()).isEqualTo("NOT_YOURS");
        ack(phones[2].command("Withdraw", Map.of("registrationId", 3)));
        assertThat(third.path("firstSeq").asLong()).isPositive();

        // The program: opening, the leaders' report, then citizens speak.
        ack(chair.command("StartMeeting", null));
        ack(chair.command("AdvanceStep", null));
        ack(chair.command("AdvanceStep", null));
        assertThat(display.awaitEvent("StepChanged").path("data").path("stepIndex").asInt()).isEqualTo(1);

        // The first speaker gets a short slot that runs out: the server's timer marks time-up.
        ack(chair.command("CallNext", Map.of("seconds", 1)));
        JsonNode started = ack(chair.command("StartSlot", null));
        JsonNode timeUp = display.awaitEvent("SlotTimeUp");
        assertThat(timeUp.path("actor").asText()).isEqualTo("server");
        assertThat(timeUp.path("seq").asLong()).isGreaterThan(started.path("lastSeq").asLong());
        phones[0].awaitEvent("SlotTimeUp");
        ack(secretary.command("RecordMinute", Map.of("text", "Ông An đề nghị sửa đường liên thôn trước mùa mưa.")));
        JsonNode ended = ack(chair.command("EndSlot", null));
        JsonNode turnEnded = display.awaitFrom(0, f -> f.path("seq").asLong() == ended.path("lastSeq").asLong());
        assertThat(turnEnded.path("data").path("overtimeMs").asLong()).isPositive();

        // A responder answers that speech.
        ack(chair.command("CallResponder", Map.of("name", "Trần Văn Bình", "office", "Phòng Kinh tế", "answersTurnId", 1)));
        ack(chair.command("StartSlot", null));
        ack(secretary.command("RecordMinute", Map.of("text", "Phòng Kinh tế tiếp thu, sẽ khảo sát trong tháng 11.")));
        ack(chair.command("EndSlot", null));

        // The second speaker: paused, resumed, extended, ended.
        ack(chair.command("CallNext", null));
        ack(chair.command("StartSlot", null));
        ack(chair.command("PauseSlot", null));
        ack(chair.command("ResumeSlot", null));
        ack(chair.command("ExtendSlot", Map.of("seconds", 60)));
        ack(chair.command("EndSlot", null));

        // The desk registration is refused, with the ground on the record.
        ack(chair.command("RefuseRegistration", Map.of("registrationId", 4, "ground", "CASE_FINALLY_DECIDED")));
        assertThat(chair.command("CallNext", null).path("code").asText()).isEqualTo("QUEUE_EMPTY");

        // Conclusions, the last step, and the close.
        ack(secretary.command("RecordConclusion", Map.of("text", "Giao Phòng Kinh tế khảo sát, sửa đường liên thôn Broch.",
                "outcome", "ASSIGNED", "office", "Phòng Kinh tế", "deadline", "2025-12-31", "turnIds", List.of(1))));
        assertThat(display.awaitEvent("ConclusionRecorded").path("data").path("office").asText()).isEqualTo("Phòng Kinh tế");
        ack(chair.command("AdvanceStep", null));
        JsonNode closed = ack(chair.command("CloseMeeting", null));
        long last = closed.path("lastSeq").asLong();

        // Every screen saw every event, in order, without a gap.
        for (WsClient client : server.clients()) {
            client.awaitFrom(0, f -> f.path("seq").asLong() == last && "event".equals(f.path("type").asText()));
            assertThat(client.seqs()).isEqualTo(java.util.stream.LongStream.rangeClosed(2, last).boxed().toList());
        }

        // Private data: staff see it, the display and other phones never do; a phone sees its own.
        assertThat(chair.frames().toString()).contains(PHONE_NUMBER, PRIVATE_NOTE);
        assertThat(secretary.frames().toString()).contains(PHONE_NUMBER, PRIVATE_NOTE);
        assertThat(display.frames().toString()).doesNotContain(PHONE_NUMBER, PRIVATE_NOTE, attendeeIds[0], attendeeIds[1],
                "Đề nghị sửa đoạn đường 2 km", "Phụ nữ");
        assertThat(phones[1].frames().toString()).doesNotContain(PHONE_NUMBER, PRIVATE_NOTE, attendeeIds[0],
                "Đề nghị sửa đoạn đường 2 km");
        assertThat(phones[0].frames().toString()).contains(PHONE_NUMBER).doesNotContain(PRIVATE_NOTE, attendeeIds[1]);

        // A screen that joins now gets the whole meeting as a snapshot.
        WsClient late = server.connect();
        JsonNode snapshot = late.helloWithToken(Organiser.token(created, "display"), null).path("snapshot");
        assertThat(snapshot.path("status").asText()).isEqualTo("CLOSED");
        assertThat(snapshot.path("stepIndex").asInt()).isEqualTo(3);
        assertThat(snapshot.path("turns")).hasSize(3);
        assertThat(snapshot.path("turns").get(0).path("timeUp").asBoolean()).isTrue();
        assertThat(snapshot.path("turns").get(1).path("kind").asText()).isEqualTo("RESPONSE");
        assertThat(snapshot.path("registrations")).isEmpty(); // the hall sees names and villages of the next speakers only
        assertThat(snapshot.path("next")).isEmpty();
        assertThat(snapshot.path("conclusions").get(0).path("turnIds").get(0).asInt()).isEqualTo(1);
        assertThat(snapshot.path("minutes").toString()).contains("Nguyễn Văn An (Thôn Broch) phát biểu",
                "Khiếu kiện đã có quyết định giải quyết cuối cùng")
                .as("the secretary's lines stay with staff").doesNotContain("Ông An đề nghị sửa đường");
        assertThat(snapshot.toString()).doesNotContain(PHONE_NUMBER, PRIVATE_NOTE);

        // Each screen that applied the patches of its events holds exactly the state a late joiner gets.
        assertThat(Patches.apply(displayWelcome.path("snapshot"), display.events())).isEqualTo(snapshot);
        JsonNode chairSnapshot = server.connect().helloWithToken(Organiser.token(created, "chair"), null).path("snapshot");
        assertThat(chairSnapshot.path("registrations").path("4").path("status").asText()).isEqualTo("REFUSED");
        assertThat(chairSnapshot.path("registrations").path("3").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(Patches.apply(welcome(chair).path("snapshot"), chair.events())).isEqualTo(chairSnapshot);
        JsonNode phoneSnapshot = server.connect().helloWithJoinCode(joinCode, welcome(phones[0]).path("attendeeKey").asText(), null)
                .path("snapshot");
        assertThat(phoneSnapshot.toString()).contains(PHONE_NUMBER);
        assertThat(Patches.apply(welcome(phones[0]).path("snapshot"), phones[0].events())).isEqualTo(phoneSnapshot);
    }

    @Test
    void aRepeatedCommandIdIsAppliedOnceAndAnsweredTheSameWay() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(setup());
        WsClient chair = server.connect();
        chair.helloWithToken(Organiser.token(created, "chair"), null);

        JsonNode first = chair.command("open-1", "OpenRegistration", null);
        JsonNode again = chair.command("open-1", "OpenRegistration", null);

        assertThat(first.path("type").asText()).isEqualTo("ack");
        assertThat(again.path("type").asText()).isEqualTo("ack");
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("firstSeq").asLong()).isEqualTo(first.path("firstSeq").asLong());
        assertThat(chair.events().stream().filter(e -> e.path("name").asText().equals("RegistrationOpened"))).hasSize(1);
    }

    @Test
    void aCommandIdCountsOncePerSenderAndAnIdReusedForAnotherCommandIsRefused() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(setup());
        WsClient chair = server.connect();
        chair.helloWithToken(Organiser.token(created, "chair"), null);
        WsClient phone = server.connect();
        phone.helloWithJoinCode(created.path("joinCode").asText(), null, null);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        ack(chair.command("AdvanceStep", null));
        ack(chair.command("AdvanceStep", null));

        ack(phone.command("X", "Register", Map.of("name", "Nguyễn Văn An", "village", "Thôn Broch", "topic", "Đường")));
        JsonNode called = chair.command("X", "CallNext", Map.of());
        assertThat(called.path("type").asText()).as(called.toString()).isEqualTo("ack");
        assertThat(called.path("duplicate").asBoolean()).as("another sender's id is not a duplicate").isFalse();
        chair.awaitEvent("SpeakerCalled");

        JsonNode reused = phone.command("X", "Register", Map.of("name", "Người khác", "village", "Thôn Broch", "topic", "Điện"));
        assertThat(reused.path("type").asText()).isEqualTo("error");
        assertThat(reused.path("code").asText()).isEqualTo("COMMAND_ID_REUSED");
        JsonNode resent = phone.command("X", "Register", Map.of("name", "Nguyễn Văn An", "village", "Thôn Broch", "topic", "Đường"));
        assertThat(resent.path("duplicate").asBoolean()).as("the same command resent").isTrue();
    }

    @Test
    void aRoleThatMayNotActIsRefusedAndNothingChanges() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(setup());
        WsClient display = server.connect();
        WsClient phone = server.connect();
        display.helloWithToken(Organiser.token(created, "display"), null);
        phone.helloWithJoinCode(created.path("joinCode").asText(), null, null);

        JsonNode fromDisplay = display.command("OpenRegistration", null);
        JsonNode fromPhone = phone.command("StartMeeting", null);

        assertThat(fromDisplay.path("code").asText()).isEqualTo("WRONG_ROLE");
        assertThat(fromDisplay.path("message").path("vi").asText()).isNotBlank();
        assertThat(fromDisplay.path("message").path("en").asText()).isNotBlank();
        assertThat(fromPhone.path("code").asText()).isEqualTo("WRONG_ROLE");
        JsonNode state = new Organiser(server.port()).get("/api/meetings/" + created.path("meetingId").asText()).body();
        assertThat(state.path("seq").asLong()).isEqualTo(1);
        assertThat(state.path("state").path("status").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void aClosedMeetingNobodyFollowsLeavesMemoryAndComesBackFromItsLog() throws Exception {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(setup());
        try (WsClient chair = WsClient.connect(server.port())) {
            chair.helloWithToken(Organiser.token(created, "chair"), null);
            ack(chair.command("StartMeeting", null));
            ack(chair.command("CloseMeeting", null));
            assertThat(server.meetings().evictIdleClosed().toCompletionStage().toCompletableFuture().get()).isZero();
        }
        Thread.sleep(200);
        int loaded = server.meetings().loadedCount();

        assertThat(server.meetings().evictIdleClosed().toCompletionStage().toCompletableFuture().get()).isEqualTo(1);
        assertThat(server.meetings().loadedCount()).isEqualTo(loaded - 1);
        WsClient display = server.connect();
        JsonNode snapshot = display.helloWithToken(Organiser.token(created, "display"), null).path("snapshot");
        assertThat(snapshot.path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aBurstReachesDisplaysAndPhonesAsMergedRoundsThatLeadToTheSameState() {
        var rules = Map.of("slotSeconds", 180, "warningSeconds", 30, "perVillageCap", 0,
                "firstTimersFirst", true, "responseSeconds", 300);
        JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of("title", "Đối thoại", "rules", rules));
        WsClient secretary = server.connect();
        WsClient display = server.connect();
        WsClient phone = server.connect();
        secretary.helloWithToken(Organiser.token(created, "secretary"), null);
        JsonNode displayWelcome = display.helloWithToken(Organiser.token(created, "display"), null);
        JsonNode phoneWelcome = phone.helloWithJoinCode(created.path("joinCode").asText(), null, null);
        WsClient chair = server.connect();
        chair.helloWithToken(Organiser.token(created, "chair"), null);
        ack(chair.command("OpenRegistration", null));
        ack(phone.command("Register", Map.of("name", "Nguyễn Văn An", "village", "Thôn 1", "topic", "Đường", "phone", PHONE_NUMBER)));

        // Sent without waiting: they pile up while a commit is under way and are decided together.
        for (int i = 0; i < 200; i++) {
            secretary.sendText(vn.doithoai.codec.Json.write(Map.of("type", "command", "id", "desk-" + i, "name", "RegisterAtDesk",
                    "args", Map.of("name", "Người " + i, "village", "Thôn " + i, "topic", "Chủ đề " + i, "note", PRIVATE_NOTE))));
        }
        JsonNode last = secretary.awaitFrom(0, f -> "desk-199".equals(f.path("id").asText()));
        long lastSeq = ack(last).path("lastSeq").asLong();

        display.awaitFrom(0, f -> f.path("lastSeq").asLong() >= lastSeq || f.path("seq").asLong() >= lastSeq);
        assertThat(display.frames()).anyMatch(f -> "events".equals(f.path("type").asText())
                && f.path("patch").has("queueAppend") && !f.path("patch").has("queue")
                && !f.path("patch").has("registrations") && f.path("patch").has("next"));
        assertThat(display.seqs()).isEqualTo(java.util.stream.LongStream.rangeClosed(2, lastSeq).boxed().toList());
        assertThat(display.frames().toString()).doesNotContain(PRIVATE_NOTE, PHONE_NUMBER);
        JsonNode displayLate = server.connect().helloWithToken(Organiser.token(created, "display"), null).path("snapshot");
        assertThat(Patches.apply(displayWelcome.path("snapshot"), display.events())).isEqualTo(displayLate);

        phone.awaitFrom(0, f -> f.path("lastSeq").asLong() >= lastSeq || f.path("seq").asLong() >= lastSeq);
        JsonNode phoneLate = server.connect().helloWithJoinCode(created.path("joinCode").asText(),
                phoneWelcome.path("attendeeKey").asText(), null).path("snapshot");
        assertThat(Patches.apply(phoneWelcome.path("snapshot"), phone.events())).isEqualTo(phoneLate);
        assertThat(phone.frames().toString()).doesNotContain(PRIVATE_NOTE);
    }

    static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("answer %s", answer).isEqualTo("ack");
        return answer;
    }
}
