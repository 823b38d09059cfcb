package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minutes over HTTP against a real PostgreSQL: the JSON and the .docx of a meeting run over
 * WebSockets, their version following the sign-off on the consoles, the record's head at the close
 * printed on them, and nobody outside the meeting's commune reading them.
 */
class MinutesApiTest {

    private static final String PASSWORD = "mat-khau-du-dai";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private StaffClient admin() {
        return StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
    }

    /** A meeting in Ia Băng run to its close over the chair's and secretary's sockets; the creation reply. */
    private JsonNode closedMeeting(StaffClient admin) {
        String commune = admin.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai")).body().path("id").asText();
        Organiser.Reply created = admin.post("/api/communes/" + commune + "/meetings", Map.of(
                "title", "Hội nghị đối thoại với Nhân dân năm 2026", "venue", "Hội trường xã Ia Băng",
                "chairs", List.of("Bí thư Đảng ủy xã"), "hostOffice", "Văn phòng Đảng ủy"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        try (WsClient chair = server.connect(); WsClient secretary = server.connect()) {
            chair.helloWithToken(Organiser.token(created.body(), "chair"), null);
            secretary.helloWithToken(Organiser.token(created.body(), "secretary"), null);
            ack(chair.command("StartMeeting", null));
            ack(secretary.command("RegisterAtDesk", Map.of("name", "Lê Văn Hòa", "village", "Thôn Broch",
                    "topic", "Đền bù giải phóng mặt bằng", "summary", "Chưa nhận <b>x</b> { MERGEFIELD x }")));
            ack(chair.command("CallNext", null));
            ack(chair.command("StartSlot", null));
            ack(secretary.command("RecordMinute", Map.of("text", "Ông Hòa đề nghị trả lời bằng văn bản.")));
            ack(chair.command("EndSlot", null));
            ack(chair.command("RecordConclusion", Map.of("text", "Giao Địa chính rà soát", "outcome", "ASSIGNED",
                    "office", "Địa chính - Xây dựng", "deadline", "2026-07-31")));
            ack(chair.command("CloseMeeting", null));
        }
        return created.body();
    }

    private static String path(JsonNode meeting) {
        return "/api/meetings/" + meeting.path("meetingId").asText() + "/minutes";
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
        return answer;
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var text = new StringBuilder();
            doc.getParagraphs().stream().map(XWPFParagraph::getText).forEach(p -> text.append(p).append('\n'));
            doc.getTables().forEach(t -> text.append(t.getText()).append('\n'));
            return text.toString();
        }
    }

    @Test
    void theMinutesOfAClosedMeetingAreReadAsJsonAndAsADocxWithTheRecordsHeadAtTheClose() throws Exception {
        StaffClient admin = admin();
        JsonNode meeting = closedMeeting(admin);
        String head = admin.get("/api/meetings/" + meeting.path("meetingId").asText() + "/verify").body().path("headAtClose").asText();
        assertThat(head).hasSize(64);

        Organiser.Reply json = admin.get(path(meeting));
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        JsonNode m = json.body();
        assertThat(m.path("version").path("stage").asText()).isEqualTo("DRAFT");
        assertThat(m.path("version").path("mark").asText()).isEqualTo("DỰ THẢO");
        assertThat(m.path("heading").path("issuingBody").asText()).isEqualTo("Xã Ia Băng\nVăn phòng Đảng ủy");
        assertThat(m.path("speeches").get(0).path("speaker").asText()).isEqualTo("Lê Văn Hòa");
        assertThat(m.path("speeches").get(0).path("summary").asText()).isEqualTo("Chưa nhận <b>x</b> { MERGEFIELD x }");
        assertThat(m.path("notes").get(0).path("text").asText()).isEqualTo("Ông Hòa đề nghị trả lời bằng văn bản.");
        assertThat(m.path("conclusions").get(0).path("deadline").asText()).isEqualTo("31/07/2026");
        assertThat(m.path("checkCode").asText()).isEqualTo(head);

        byte[] docx = admin.getBytes(path(meeting) + ".docx");
        assertThat(docx).isNotNull();
        assertThat(docxText(docx)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "DỰ THẢO", "Lê Văn Hòa",
                "Chưa nhận <b>x</b> { MERGEFIELD x }", "Mã kiểm tra biên bản: " + head);
    }

    @Test
    void theDocumentFollowsTheSignOffAndApprovedMinutesRefuseANewLine() throws Exception {
        StaffClient admin = admin();
        JsonNode meeting = closedMeeting(admin);
        try (WsClient chair = server.connect(); WsClient secretary = server.connect()) {
            chair.helloWithToken(Organiser.token(meeting, "chair"), null);
            secretary.helloWithToken(Organiser.token(meeting, "secretary"), null);
            assertThat(chair.command("ApproveMinutes", Map.of("chair", "Y Đức Thành")).path("code").asText()).isEqualTo("WRONG_STATE");

            ack(secretary.command("FinaliseMinutes", Map.of("secretary", "Phạm Thị Lan")));
            assertThat(admin.get(path(meeting)).body().path("version").path("mark").asText()).isEqualTo("BẢN HOÀN THIỆN");

            ack(chair.command("ApproveMinutes", Map.of("chair", "Y Đức Thành")));
            JsonNode refused = secretary.command("RecordMinute", Map.of("text", "Thêm một ý."));
            assertThat(refused.path("code").asText()).isEqualTo("WRONG_STATE");
            assertThat(refused.path("message").path("en").asText()).contains("approved and locked");
            ack(chair.command("AddMinutesAddendum", Map.of("text", "Bổ sung thời hạn.")));
            assertThat(secretary.awaitEvent("MinutesAddendumAdded").path("patch").path("minutesSignOff")
                    .path("addenda").get(0).path("by").asText()).isEqualTo("CHAIR");
        }
        JsonNode m = admin.get(path(meeting)).body();
        assertThat(m.path("version").path("stage").asText()).isEqualTo("APPROVED");
        assertThat(m.path("version").path("mark").asText()).startsWith("ĐÃ PHÊ DUYỆT ngày ");
        assertThat(m.path("signatures").path("chair").asText()).isEqualTo("Y Đức Thành");
        assertThat(m.path("addenda").get(0).path("text").asText()).isEqualTo("Bổ sung thời hạn.");
        assertThat(docxText(admin.getBytes(path(meeting) + ".docx"))).contains("ĐÃ PHÊ DUYỆT", "Phạm Thị Lan", "Y Đức Thành",
                "Bổ sung thời hạn.").doesNotContain("DỰ THẢO");
    }

    @Test
    void onlyStaffOfTheMeetingsCommuneReadTheMinutes() {
        StaffClient admin = admin();
        JsonNode meeting = closedMeeting(admin);
        String communeId = admin.get("/api/communes").body().get(0).path("id").asText();
        String otherCommune = admin.post("/api/communes", Map.of("name", "Xã Kiến Minh")).body().path("id").asText();
        account(admin, "xakhac", "ADMIN", otherCommune);
        account(admin, "mattran", "FRONT_STAFF", communeId);

        StaffClient stranger = StaffClient.signedIn(server.port(), "xakhac", PASSWORD);
        assertThat(stranger.get(path(meeting)).status()).isEqualTo(403);
        assertThat(stranger.get(path(meeting) + ".docx").status()).isEqualTo(403);
        assertThat(stranger.get(path(meeting)).body().path("message").path("vi").asText()).isNotBlank();
        assertThat(new StaffClient(server.port()).get(path(meeting)).status()).isEqualTo(401);
        assertThat(new StaffClient(server.port()).get(path(meeting) + ".docx").status()).isEqualTo(401);

        StaffClient front = StaffClient.signedIn(server.port(), "mattran", PASSWORD);
        assertThat(front.get(path(meeting)).status()).as("READ in the commune is enough").isEqualTo(200);
        assertThat(admin.get("/api/meetings/" + UUID.randomUUID() + "/minutes").status()).isEqualTo(404);
    }

    private static void account(StaffClient by, String login, String role, String communeId) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Nguyễn Văn " + login, "role", role,
                "password", PASSWORD, "communeId", communeId));
        Organiser.Reply created = by.post("/api/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
