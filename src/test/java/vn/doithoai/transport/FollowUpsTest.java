package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.support.Eventually.waitFor;

/**
 * Conclusions followed after their meeting, over REST and WebSockets against a real PostgreSQL:
 * closing a meeting opens a follow-up per conclusion, each office reports on its own, the Front
 * supervises, the citizen rates through the tracking code; nothing is lost to a stop right after
 * the close, and a conclusion recorded or corrected after the close is followed too.
 */
class FollowUpsTest {

    private static final String PASSWORD = "mat-khau-du-dai";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String ROAD = "Giao Phòng Kinh tế sửa đường vào khu sản xuất Làng Bi.";
    private static final String LAND = "Giao Công an xã xác minh tranh chấp ranh giới đất ở Làng Chuet 1.";
    private static final String LIGHT = "Đã giải thích: điện chiếu sáng do ngành điện lắp trong quý III.";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private StaffClient admin;
    private String iaBang;
    private JsonNode meeting;

    private void communeWithMeeting() {
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        iaBang = admin.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai")).body().path("id").asText();
        Organiser.Reply created = admin.post("/api/communes/" + iaBang + "/meetings", Map.of("title", "Hội nghị đối thoại tháng 6"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        meeting = created.body();
    }

    private String office(String name) {
        for (JsonNode o : admin.get("/api/communes/" + iaBang + "/offices").body().path("offices")) {
            if (o.path("name").asText().equals(name)) {
                return o.path("id").asText();
            }
        }
        throw new AssertionError("no office " + name);
    }

    private StaffClient account(String login, String role, String commune, String officeId) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Cán bộ " + login, "role", role, "password", PASSWORD,
                "communeId", commune));
        body.put("officeId", officeId);
        Organiser.Reply made = admin.post("/api/accounts", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return StaffClient.signedIn(server.port(), login, PASSWORD);
    }

    private JsonNode petition(String content) {
        Organiser.Reply reply = admin.post("/api/communes/" + iaBang + "/petitions", Map.of(
                "citizen", Map.of("name", "Rơ Châm H'Bia", "villageOrOrganisation", "Làng Chuet 1"),
                "channel", "FRONT", "fieldCode", "dat-dai", "competence", "COMMUNE", "content", content));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.body().path("petition");
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
        return answer;
    }

    private static Map<String, Object> conclusion(String text, String outcome, String office, LocalDate deadline, List<String> codes) {
        var c = new HashMap<String, Object>(Map.of("text", text, "outcome", outcome, "petitionCodes", codes));
        c.put("office", office);
        c.put("deadline", deadline == null ? null : deadline.toString());
        return c;
    }

    /** The meeting held and closed with its three conclusions: the road (late already), the land (naming the petition), the light. */
    private void heldAndClosed(String landCode) {
        LocalDate today = LocalDate.now(VIETNAM);
        WsClient chair = server.connect();
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        ack(chair.command("RecordConclusion", conclusion(ROAD, "ASSIGNED", "phong kinh te", today.minusDays(3), List.of())));
        ack(chair.command("RecordConclusion", conclusion(LAND, "ASSIGNED", "Công an xã", today.plusDays(30), List.of(landCode))));
        ack(chair.command("RecordConclusion", conclusion(LIGHT, "EXPLAINED", null, null, List.of())));
        ack(chair.command("CloseMeeting", null));
    }

    private JsonNode list(StaffClient as, String query) {
        Organiser.Reply reply = as.get("/api/communes/" + iaBang + "/followups" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body().path("followUps");
    }

    private static JsonNode byText(JsonNode lines, String text) {
        for (JsonNode line : lines) {
            if (line.path("text").asText().equals(text)) {
                return line;
            }
        }
        throw new AssertionError("no follow-up " + text + " in " + lines);
    }

    private static String path(JsonNode line, String step) {
        return "/api/followups/" + line.path("id").asText() + "/" + step;
    }

    private static void status(Organiser.Reply reply, int expected) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
    }

    @Test
    void aClosedMeetingsConclusionsAreFollowedByTheirOfficesTheFrontAndTheCitizen() {
        communeWithMeeting();
        String economy = office("Phòng Kinh tế");
        String police = office("Công an xã");
        StaffClient economyStaff = account("canbo.kinhte", "OFFICE_STAFF", iaBang, economy);
        StaffClient policeStaff = account("canbo.congan", "OFFICE_STAFF", iaBang, police);
        StaffClient front = account("mattran", "FRONT_STAFF", iaBang, null);
        String kienMinh = admin.post("/api/communes", Map.of("name", "Xã Kiến Minh")).body().path("id").asText();
        StaffClient otherAdmin = account("qt.kienminh", "ADMIN", kienMinh, null);
        JsonNode land = petition("Đề nghị xác minh ranh giới thửa đất giáp suối");
        String landCode = land.path("trackingCode").asText();
        JsonNode other = petition("Đề nghị cấp giấy chứng nhận quyền sử dụng đất");
        status(admin.post("/api/petitions/" + other.path("id").asText() + "/assign",
                Map.of("officeId", police, "dueDate", LocalDate.now(VIETNAM).plusDays(5).toString())), 200);

        heldAndClosed(landCode);
        waitFor(() -> list(admin, "?scope=all").size() == 3);

        // Open ones, nearest deadline first; the explained one opened done; the office found without diacritics.
        JsonNode open = list(admin, "");
        assertThat(open).hasSize(2);
        assertThat(open.get(0).path("text").asText()).isEqualTo(ROAD);
        assertThat(open.get(0).path("officeId").asText()).isEqualTo(economy);
        assertThat(open.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(open.get(1).path("text").asText()).isEqualTo(LAND);
        assertThat(open.get(1).path("overdue").asBoolean()).isFalse();
        JsonNode light = byText(list(admin, "?scope=settled"), LIGHT);
        assertThat(light.path("status").asText()).isEqualTo("DONE");
        assertThat(list(admin, "?scope=overdue")).hasSize(1);
        assertThat(list(economyStaff, "?office=" + economy)).hasSize(1);
        JsonNode offices = admin.get("/api/communes/" + iaBang + "/followups/by-office").body().path("offices");
        assertThat(offices.get(0).path("officeId").asText()).as("the office with most overdue first").isEqualTo(economy);
        assertThat(offices.get(0).path("overdue").asLong()).isEqualTo(1);
        status(admin.get("/api/communes/" + iaBang + "/followups?scope=soon"), 400);

        // Each office reports on its own; nobody else but the administrator.
        JsonNode road = byText(open, ROAD);
        JsonNode landFollowUp = byText(open, LAND);
        Organiser.Reply started = economyStaff.post(path(road, "start"), Map.of("note", "Đã khảo sát hiện trường"));
        status(started, 200);
        assertThat(started.body().path("followUp").path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(started.body().path("overdue").asBoolean()).isTrue();
        status(economyStaff.post(path(landFollowUp, "start"), Map.of()), 403);
        status(policeStaff.post(path(road, "note"), Map.of("note", "Không phải việc của tôi")), 403);
        status(front.post(path(road, "note"), Map.of("note", "Mặt trận không báo cáo thay")), 403);
        status(otherAdmin.post(path(road, "note"), Map.of("note", "Xã khác")), 403);
        status(otherAdmin.get("/api/communes/" + iaBang + "/followups"), 403);
        status(otherAdmin.get("/api/followups/" + road.path("id").asText()), 403);
        status(new StaffClient(server.port()).get("/api/followups/" + road.path("id").asText()), 401);
        status(economyStaff.post(path(road, "start"), Map.of()), 409);
        status(economyStaff.post(path(road, "note"), Map.of("note", "Hẹn ngày", "on", LocalDate.now(VIETNAM).plusDays(2).toString())), 400);
        status(economyStaff.post(path(road, "done"), Map.of("result", " ")), 400);
        assertThat(admin.get("/api/followups/" + landFollowUp.path("id").asText()).body().path("history")).as("nothing changed").hasSize(1);

        Organiser.Reply done = policeStaff.post(path(landFollowUp, "done"), Map.of("result", "Đã đo đạc lại, hai hộ thống nhất ranh giới."));
        status(done, 200);
        assertThat(done.body().path("followUp").path("settledOn").asText()).isEqualTo(LocalDate.now(VIETNAM).toString());
        status(admin.post(path(road, "note"), Map.of("note", "Đã có dự toán")), 200);

        // The Front puts the late one in this year's plan and records what it found; offices may not.
        int year = LocalDate.now(VIETNAM).getYear();
        status(front.post(path(road, "supervision"), Map.of("year", year)), 200);
        status(front.post(path(road, "supervision"), Map.of("year", year)), 409);
        status(economyStaff.post(path(road, "supervision"), Map.of("year", year + 1)), 403);
        status(economyStaff.post(path(road, "finding"), Map.of("finding", "Tự giám sát")), 403);
        status(front.post(path(road, "finding"), Map.of("finding", "Chậm tiến độ do chưa bố trí vốn; đề nghị đôn đốc.")), 200);
        assertThat(list(front, "?year=" + year)).hasSize(1);

        JsonNode shown = admin.get("/api/followups/" + road.path("id").asText()).body();
        List<String> types = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        shown.path("history").forEach(e -> {
            types.add(e.path("type").asText());
            actors.add(e.path("actor").asText());
        });
        assertThat(types).containsExactly("Opened", "Started", "Noted", "MarkedForSupervision", "SupervisionRecorded");
        String economyId = economyStaff.get("/api/session").body().path("account").path("id").asText();
        assertThat(actors.get(0)).isEqualTo("meeting:" + meeting.path("meetingId").asText());
        assertThat(actors.get(1)).isEqualTo("account:" + economyId);
        assertThat(shown.path("followUp").path("findings")).hasSize(1);

        // The office's petitions, open ones only, nearest due date first.
        JsonNode policePetitions = policeStaff.get("/api/communes/" + iaBang + "/petitions?office=" + police + "&open=true&order=due").body();
        assertThat(policePetitions.path("total").asLong()).isEqualTo(1);
        assertThat(policePetitions.path("petitions").get(0).path("trackingCode").asText()).isEqualTo(other.path("trackingCode").asText());

        // The citizen follows the conclusion that answered the petition, and rates it once.
        var citizen = new StaffClient(server.port(), "203.0.113.7");
        waitFor(() -> !citizen.get("/api/public/petitions/" + landCode).body().path("followUp").isNull());
        JsonNode tracked = citizen.get("/api/public/petitions/" + landCode).body();
        assertThat(tracked.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(tracked.path("followUp").path("status").asText()).isEqualTo("DONE");
        assertThat(tracked.path("followUp").path("result").asText()).startsWith("Đã đo đạc lại");
        assertThat(tracked.path("followUp").path("canRate").asBoolean()).isTrue();
        String rating = "/api/public/petitions/" + landCode.toLowerCase().replace("-", "%20") + "/rating";
        Organiser.Reply noReason = citizen.post(rating, Map.of("satisfied", false));
        status(noReason, 400);
        assertThat(noReason.body().path("message").path("vi").asText()).isEqualTo("Chưa nhập: Lý do");
        status(citizen.post(rating, Map.of("satisfied", false, "reason", "Ranh giới mới chưa cắm mốc")), 200);
        status(citizen.post(rating, Map.of("satisfied", true)), 409);
        JsonNode after = citizen.get("/api/public/petitions/" + landCode).body();
        assertThat(after.path("followUp").path("canRate").asBoolean()).isFalse();
        assertThat(after.path("followUp").path("rated").asBoolean()).isFalse();
        assertThat(after.toString()).doesNotContain("cắm mốc", "Đã khảo sát", "Chậm tiến độ");
        status(citizen.post("/api/public/petitions/" + other.path("trackingCode").asText() + "/rating", Map.of("satisfied", true)), 409);
        status(citizen.post("/api/public/petitions/KN-2222-3333/rating", Map.of("satisfied", true)), 404);
        assertThat(byText(list(admin, "?scope=settled"), LAND).path("notSatisfied").asLong()).isEqualTo(1);
    }

    @Test
    void ratingsAreLimitedPerAddressLikeTheForm() {
        communeWithMeeting();
        var citizen = new StaffClient(server.port(), "203.0.113.9");
        for (int i = 0; i < 10; i++) {
            status(citizen.post("/api/public/petitions/KN-2222-3333/rating", Map.of("satisfied", true)), 404);
        }
        Organiser.Reply limited = citizen.post("/api/public/petitions/KN-2222-3333/rating", Map.of("satisfied", true));
        status(limited, 429);
        assertThat(limited.body().path("code").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void aFollowUpIsOpenedAtTheNextStartWhenTheServerStoppedRightAfterTheClose() throws Exception {
        communeWithMeeting();
        String landCode = petition("Đề nghị xác minh ranh giới thửa đất").path("trackingCode").asText();
        // Until the stop, PostgreSQL refuses every follow-up (as a disk that fills up would), and
        // counts the tries outside any transaction.
        server.sql("CREATE SEQUENCE followup_tries", "GRANT USAGE ON SEQUENCE followup_tries TO PUBLIC",
                "CREATE FUNCTION refuse_followups() RETURNS trigger AS $$ BEGIN PERFORM nextval('followup_tries');"
                        + " RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_followups BEFORE INSERT ON ledger FOR EACH ROW"
                        + " WHEN (NEW.stream_kind = 'conclusion') EXECUTE FUNCTION refuse_followups()");
        heldAndClosed(landCode);
        waitFor(() -> count("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM followup_tries") >= 1);
        server.stop();

        assertThat(count("SELECT count(*) FROM followups")).isZero();
        assertThat(count("SELECT count(*) FROM conclusion_followups_done")).isZero();
        server.sql("DROP TRIGGER refuse_followups ON ledger");
        server.startAgain();
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        waitFor(() -> count("SELECT count(*) FROM followups") == 3);
        waitFor(() -> count("SELECT count(*) FROM conclusion_followups_done") == 1);
        assertThat(list(admin, "?scope=all")).extracting(line -> line.path("text").asText()).containsExactlyInAnyOrder(ROAD, LAND, LIGHT);
        assertThat(count("SELECT count(*) FROM ledger WHERE stream_kind = 'conclusion'")).as("each opened once").isEqualTo(3);
    }

    @Test
    void aConclusionRecordedOrCorrectedAfterTheCloseIsFollowedToo() {
        communeWithMeeting();
        WsClient chair = server.connect();
        WsClient secretary = server.connect();
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        secretary.helloWithToken(Organiser.token(meeting, "secretary"), null);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        ack(chair.command("CloseMeeting", null));
        ack(secretary.command("RecordConclusion", conclusion(ROAD, "FORWARDED", "UBND huyện", null, List.of())));
        waitFor(() -> list(admin, "").size() == 1);
        JsonNode forwarded = list(admin, "").get(0);
        assertThat(forwarded.path("status").asText()).as("a forwarding is work for its office").isEqualTo("ASSIGNED");
        assertThat(forwarded.path("officeId").isNull()).as("not an office of the commune").isTrue();

        Map<String, Object> corrected = new HashMap<>(conclusion(ROAD + " (sửa)", "ASSIGNED", "PHÒNG KINH TẾ", null, List.of()));
        corrected.put("conclusionId", forwarded.path("conclusionId").asInt());
        ack(secretary.command("CorrectConclusion", corrected));
        waitFor(() -> list(admin, "").get(0).path("text").asText().endsWith("(sửa)"));
        JsonNode revised = list(admin, "").get(0);
        assertThat(revised.path("officeId").asText()).isEqualTo(office("Phòng Kinh tế"));
        assertThat(list(admin, "?scope=all")).hasSize(1);
        JsonNode history = admin.get("/api/followups/" + revised.path("id").asText()).body().path("history");
        assertThat(history).extracting(e -> e.path("type").asText()).containsExactly("Opened", "Revised");
    }

    private long count(String query) {
        try {
            return server.number(query);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
