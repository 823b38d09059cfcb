package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.SmtpSink;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.support.Eventually.waitFor;

/**
 * Petitions at the meeting, over REST and WebSockets against a real PostgreSQL and a real SMTP
 * conversation: the organiser puts petitions on the agenda with the offices' prepared answers, a
 * phone registers with a tracking code, the chair sees the prepared answer (the hall never does),
 * the chair's conclusion names the petitions, and closing the meeting answers them, even across a
 * stop that came before the answers could be recorded.
 */
class PetitionsAtTheMeetingTest {

    private static final String PASSWORD = "mat-khau-du-dai";
    private static final String TITLE = "Hội nghị đối thoại trực tiếp với Nhân dân xã Ia Băng";
    private static final String PREPARED = "Phòng Kinh tế đo đạc lại ranh giới thửa đất trong quý III.";
    private static final String PREPARED_AGAIN = "Phòng Kinh tế đo đạc lại ranh giới thửa đất trong tháng 7.";
    private static final String CONCLUSION = "Giao Phòng Kinh tế đo đạc lại ranh giới và sửa đường vào khu sản xuất.";

    private final SmtpSink mail = SmtpSink.open();

    @RegisterExtension
    final TestServer server = TestServer.forEachTest(c -> c.withSmtpUrl("smtp://127.0.0.1:" + mail.port() + "?from=ubnd@iabang.example.vn"));

    private StaffClient admin;
    private String iaBang;

    @AfterEach
    void closeMail() throws Exception {
        mail.close();
    }

    private JsonNode communeWithMeeting() {
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        iaBang = admin.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai")).body().path("id").asText();
        Organiser.Reply created = admin.post("/api/communes/" + iaBang + "/meetings", Map.of("title", TITLE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private JsonNode petition(String commune, String village, String field, String content, String email) {
        var citizen = new HashMap<String, Object>(Map.of("name", "Rơ Châm H'Bia", "villageOrOrganisation", village));
        citizen.put("email", email);
        Organiser.Reply reply = admin.post("/api/communes/" + commune + "/petitions",
                Map.of("citizen", citizen, "channel", "FRONT", "fieldCode", field, "competence", "COMMUNE", "content", content));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.body().path("petition");
    }

    private void ok(Organiser.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static String agenda(JsonNode meeting) {
        return "/api/meetings/" + meeting.path("meetingId").asText() + "/agenda";
    }

    private JsonNode shown(JsonNode petition) {
        return admin.get("/api/petitions/" + petition.path("id").asText()).body();
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
        return answer;
    }

    /** Two petitions of Ia Băng: the land one drafted by its office and followed by e-mail, the road one not yet assigned. */
    private record Two(JsonNode land, JsonNode road) {
        String landCode() {
            return land.path("trackingCode").asText();
        }

        String roadCode() {
            return road.path("trackingCode").asText();
        }
    }

    private Two twoPetitions() {
        JsonNode land = petition(iaBang, "Làng Chuet 1", "dat-dai", "Đề nghị đo đạc lại ranh giới thửa đất giáp suối", "hbia@example.vn");
        ok(admin.post("/api/petitions/" + land.path("id").asText() + "/assign", Map.of("officeName", "Phòng Kinh tế")));
        ok(admin.post("/api/petitions/" + land.path("id").asText() + "/draft", Map.of("text", PREPARED)));
        JsonNode road = petition(iaBang, "Làng Bi", "ha-tang", "Đường vào khu sản xuất bị sạt lở", null);
        return new Two(land, road);
    }

    @Test
    void theChairSeesThePreparedAnswerTheHallNeverDoesAndClosingTheMeetingAnswersThePetitions() {
        JsonNode meeting = communeWithMeeting();
        Two p = twoPetitions();

        Organiser.Reply saved = admin.put(agenda(meeting), Map.of("petitionIds", List.of(p.land().path("id"), p.road().path("id"))));
        ok(saved);
        JsonNode items = saved.body().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("trackingCode").asText()).isEqualTo(p.landCode());
        assertThat(items.get(0).path("field").asText()).isEqualTo("Đất đai");
        assertThat(items.get(0).path("officeName").asText()).isEqualTo("Phòng Kinh tế");
        assertThat(items.get(0).path("preparedAnswer").asText()).isEqualTo(PREPARED);
        assertThat(items.get(1).path("preparedAnswer").isNull()).isTrue();
        assertThat(items.toString()).as("the citizen stays with the petition").doesNotContain("Rơ Châm", "hbia@example.vn");
        assertThat(admin.get(agenda(meeting)).body().path("items")).hasSize(2);

        WsClient chair = server.connect();
        WsClient display = server.connect();
        WsClient phone = server.connect();
        JsonNode welcome = chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        assertThat(welcome.path("snapshot").path("agenda").get(0).path("preparedAnswer").asText()).isEqualTo(PREPARED);
        display.helloWithToken(Organiser.token(meeting, "display"), null);
        phone.helloWithJoinCode(meeting.path("joinCode").asText(), null, null);

        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        String typed = p.landCode().toLowerCase().replace("-", " ");
        ack(phone.command("Register", Map.of("name", "Rơ Châm H'Bia", "village", "Làng Chuet 1", "topic", "Ranh giới đất",
                "petitionCode", typed)));
        JsonNode registered = chair.awaitEvent("SpeakerRegistered");
        assertThat(registered.path("data").path("petitionCode").asText()).isEqualTo(p.landCode());
        assertThat(phone.command("Register", Map.of("name", "A", "village", "Làng Bi", "topic", "Đường", "petitionCode", "KN-12"))
                .path("message").path("en").asText()).contains("KN-XXXX-XXXX");

        // The office drafts again; the organiser refreshes the agenda before the chair calls the speaker.
        ok(admin.post("/api/petitions/" + p.land().path("id").asText() + "/draft", Map.of("text", PREPARED_AGAIN)));
        ok(admin.put(agenda(meeting), Map.of("petitionIds", List.of(p.land().path("id"), p.road().path("id")))));
        JsonNode refreshed = chair.awaitEvent("PetitionAgendaSet");
        assertThat(refreshed.path("patch").path("agenda").get(0).path("preparedAnswer").asText()).isEqualTo(PREPARED_AGAIN);

        ack(chair.command("CallNext", null));
        ack(chair.command("RecordConclusion", Map.of("text", CONCLUSION, "outcome", "ANSWERED",
                "petitionCodes", List.of(p.landCode(), p.roadCode()))));
        assertThat(chair.awaitEvent("ConclusionRecorded").path("data").path("petitionCodes")).hasSize(2);
        ack(chair.command("CloseMeeting", null));

        for (JsonNode petition : List.of(p.land(), p.road())) {
            waitFor(() -> "ANSWERED".equals(shown(petition).path("petition").path("status").asText()));
            JsonNode answer = shown(petition).path("petition").path("answer");
            assertThat(answer.path("text").asText()).isEqualTo(CONCLUSION);
            assertThat(answer.path("how").asText()).isEqualTo("AT_MEETING");
            assertThat(answer.path("meetingTitle").asText()).isEqualTo(TITLE);
            assertThat(answer.path("meetingId").asText()).isEqualTo(meeting.path("meetingId").asText());
            JsonNode history = shown(petition).path("history");
            assertThat(history.get(history.size() - 1).path("actor").asText()).isEqualTo("meeting:" + meeting.path("meetingId").asText());
        }
        waitFor(() -> mail.messages().stream().anyMatch(m -> m.contains("hbia@example.vn") && m.contains("Giao Ph")));

        // The hall never got the agenda, the prepared answers, nor a code but the phone's own.
        display.awaitEventOrBatch("MeetingClosed");
        phone.awaitEventOrBatch("MeetingClosed");
        for (WsClient hall : List.of(display, phone)) {
            assertThat(hall.frames().toString()).doesNotContain(PREPARED, PREPARED_AGAIN, "Đề nghị đo đạc", p.roadCode(),
                    "\"agenda\"");
        }
        assertThat(display.frames().toString()).doesNotContain(p.landCode()).contains(CONCLUSION);
        assertThat(phone.frames().toString()).contains(p.landCode());
    }

    @Test
    void theAgendaTakesOnlyTheMeetingsCommunesPetitionsAndOnlyFromWhoeverManagesItsMeetings() {
        JsonNode meeting = communeWithMeeting();
        Two p = twoPetitions();
        String kienMinh = admin.post("/api/communes", Map.of("name", "Xã Kiến Minh")).body().path("id").asText();
        JsonNode stranger = petition(kienMinh, "Thôn 1", "khac", "Nội dung của xã khác", null);

        Organiser.Reply foreign = admin.put(agenda(meeting), Map.of("petitionIds", List.of(p.land().path("id"), stranger.path("id"))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().path("message").path("vi").asText()).contains("Không phải kiến nghị của xã");
        assertThat(foreign.body().path("message").path("en").asText()).contains(stranger.path("id").asText());
        assertThat(admin.put(agenda(meeting), Map.of("petitionIds", List.of("00000000-0000-0000-0000-000000000001"))).status())
                .isEqualTo(400);
        assertThat(admin.put(agenda(meeting), Map.of("petitionIds", List.of("not-an-id"))).status()).isEqualTo(400);
        assertThat(admin.put(agenda(meeting), Map.of()).status()).isEqualTo(400);
        assertThat(admin.get(agenda(meeting)).body().path("items")).as("nothing half saved").isEmpty();

        var front = Map.<String, Object>of("login", "mattran", "name", "Mặt trận", "role", "FRONT_STAFF", "password", PASSWORD,
                "communeId", iaBang);
        assertThat(admin.post("/api/accounts", front).status()).isEqualTo(201);
        StaffClient frontStaff = StaffClient.signedIn(server.port(), "mattran", PASSWORD);
        var other = Map.<String, Object>of("login", "qt.kienminh", "name", "QT", "role", "ADMIN", "password", PASSWORD,
                "communeId", kienMinh);
        assertThat(admin.post("/api/accounts", other).status()).isEqualTo(201);
        StaffClient otherAdmin = StaffClient.signedIn(server.port(), "qt.kienminh", PASSWORD);
        var ids = Map.of("petitionIds", List.of(p.land().path("id")));
        assertThat(frontStaff.put(agenda(meeting), ids).status()).isEqualTo(403);
        assertThat(otherAdmin.put(agenda(meeting), ids).status()).isEqualTo(403);
        assertThat(otherAdmin.get(agenda(meeting)).status()).isEqualTo(403);
        assertThat(new StaffClient(server.port()).put(agenda(meeting), ids).status()).isEqualTo(401);
        assertThat(frontStaff.get(agenda(meeting)).status()).as("the Front reads the agenda").isEqualTo(200);
        assertThat(admin.get(agenda(meeting)).body().path("items")).as("nothing changed").isEmpty();
        ok(admin.put(agenda(meeting), ids));
    }

    @Test
    void answersLostToAStopAfterTheCloseAreGivenAtTheNextStart() throws Exception {
        JsonNode meeting = communeWithMeeting();
        Two p = twoPetitions();
        ok(admin.put(agenda(meeting), Map.of("petitionIds", List.of(p.land().path("id"), p.road().path("id")))));
        // Until the stop, PostgreSQL refuses every answer to a petition (as a disk that fills up would),
        // and counts the tries outside any transaction.
        server.sql("CREATE SEQUENCE answer_tries", "GRANT USAGE ON SEQUENCE answer_tries TO PUBLIC",
                "CREATE FUNCTION refuse_answers() RETURNS trigger AS $$ BEGIN PERFORM nextval('answer_tries');"
                        + " RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_answers BEFORE INSERT ON ledger FOR EACH ROW"
                        + " WHEN (NEW.stream_kind = 'petition' AND NEW.type = 'Answered') EXECUTE FUNCTION refuse_answers()");

        WsClient chair = server.connect();
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        ack(chair.command("RecordConclusion", Map.of("text", CONCLUSION, "outcome", "ANSWERED",
                "petitionCodes", List.of(p.landCode(), p.roadCode()))));
        ack(chair.command("CloseMeeting", null));
        waitFor(() -> tries() >= 1);
        server.stop();

        assertThat(count("SELECT count(*) FROM meeting_answers_done WHERE meeting_id = '" + meeting.path("meetingId").asText() + "'"))
                .isZero();
        server.sql("DROP TRIGGER refuse_answers ON ledger");
        server.startAgain();
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        for (JsonNode petition : List.of(p.land(), p.road())) {
            waitFor(() -> "ANSWERED".equals(shown(petition).path("petition").path("status").asText()));
            assertThat(shown(petition).path("petition").path("answer").path("how").asText()).isEqualTo("AT_MEETING");
        }
        waitFor(() -> count("SELECT count(*) FROM meeting_answers_done") == 1);
    }

    @Test
    void aConclusionRecordedAfterTheCloseAnswersTooAndLeavesAnAnsweredOrGroupedPetitionAsItIs() {
        JsonNode meeting = communeWithMeeting();
        Two p = twoPetitions();
        JsonNode written = petition(iaBang, "Làng Bi", "khac", "Điện chiếu sáng", null);
        ok(admin.post("/api/petitions/" + written.path("id").asText() + "/answer", Map.of("text", "Đã lắp đèn", "how", "IN_WRITING")));
        JsonNode member = petition(iaBang, "Làng Bi", "ha-tang", "Sạt lở đường vào khu sản xuất", null);
        ok(admin.post("/api/petitions/" + member.path("id").asText() + "/group", Map.of("leadId", p.road().path("id").asText())));

        WsClient chair = server.connect();
        WsClient secretary = server.connect();
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        secretary.helloWithToken(Organiser.token(meeting, "secretary"), null);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        ack(chair.command("CloseMeeting", null));
        ack(secretary.command("RecordConclusion", Map.of("text", CONCLUSION, "outcome", "ASSIGNED", "office", "Phòng Kinh tế",
                "petitionCodes", List.of(p.roadCode(), written.path("trackingCode").asText(), member.path("trackingCode").asText()))));

        waitFor(() -> "ANSWERED".equals(shown(p.road()).path("petition").path("status").asText()));
        waitFor(() -> "ANSWERED".equals(shown(member).path("petition").path("status").asText()));
        assertThat(shown(member).path("petition").path("answer").path("text").asText()).as("its lead's answer").isEqualTo(CONCLUSION);
        assertThat(shown(written).path("petition").path("answer").path("how").asText()).isEqualTo("IN_WRITING");
        assertThat(shown(written).path("petition").path("answer").path("text").asText()).isEqualTo("Đã lắp đèn");
        assertThat(shown(p.land()).path("petition").path("status").asText()).as("not named").isEqualTo("ANSWER_DRAFTED");
    }

    private long tries() {
        return count("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM answer_tries");
    }

    private long count(String query) {
        try {
            return server.number(query);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
