package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice of conclusions over HTTP: the organiser publishes it once the meeting is closed, staff
 * download it as .docx, anyone reads it by the join code once published, and nothing personal is in it.
 */
class PublishedNoticeTest {

    private static final String PASSWORD = "mật khẩu đủ dài 2026";
    private static final String SPEAKER = "Nguyễn Văn An";
    private static final String PHONE = "0905 123 456";
    private static final String CONCLUSION = "Giao Phòng Kinh tế khảo sát, sửa đường liên thôn Broch";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private StaffClient admin;
    private String communeId;

    private record Held(String meetingId, String joinCode, WsClient chair, WsClient display, WsClient phone, String attendeeKey) {
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
        return answer;
    }

    /** A meeting of Kiến Minh where a citizen (with a phone number and a petition's code) spoke and a conclusion was recorded; closed unless {@code close} is false. */
    private Held meeting(boolean close) {
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        communeId = admin.post("/api/communes", Map.of("name", "Xã Kiến Minh", "province", "Gia Lai")).body().path("id").asText();
        JsonNode created = admin.post("/api/communes/" + communeId + "/meetings", Map.of("title", "Hội nghị đối thoại năm 2026",
                "scheduledAt", "2026-06-15T01:00:00Z", "venue", "Hội trường UBND xã", "chairs", List.of("Chủ tịch UBND xã"))).body();
        WsClient chair = server.connect();
        WsClient display = server.connect();
        WsClient phone = server.connect();
        chair.helloWithToken(Organiser.token(created, "chair"), null);
        display.helloWithToken(Organiser.token(created, "display"), null);
        String key = phone.helloWithJoinCode(created.path("joinCode").asText(), null, null).path("attendeeKey").asText();
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        ack(phone.command("Register", Map.of("name", SPEAKER, "village", "Thôn Broch", "topic", "Đường liên thôn", "phone", PHONE)));
        ack(chair.command("CallNext", null));
        ack(chair.command("StartSlot", null));
        ack(chair.command("EndSlot", null));
        ack(chair.command("RecordConclusion", Map.of("text", CONCLUSION, "outcome", "ASSIGNED", "office", "Phòng Kinh tế",
                "deadline", "2026-09-30", "turnIds", List.of(1))));
        if (close) {
            ack(chair.command("CloseMeeting", null));
        }
        return new Held(created.path("meetingId").asText(), created.path("joinCode").asText(), chair, display, phone, key);
    }

    private static String notice(Held m) {
        return "/api/meetings/" + m.meetingId() + "/notice";
    }

    private static String publicNotice(String code) {
        return "/api/public/notices/" + code;
    }

    @Test
    void beforeItIsPublishedThePublicGetsNotFoundAndAfterItTheNoticeWithoutAnythingPersonal() {
        Held m = meeting(true);
        StaffClient anyone = new StaffClient(server.port());
        Organiser.Reply before = anyone.get(publicNotice(m.joinCode()));
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body().path("code").asText()).isEqualTo("NOT_PUBLISHED");
        assertThat(before.body().path("message").path("vi").asText()).isEqualTo("Chưa có thông báo kết luận");
        assertThat(before.body().path("message").path("en").asText()).contains("not published");

        Organiser.Reply published = admin.post(notice(m), "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.body().path("url").asText()).endsWith("/thong-bao/" + m.joinCode());

        Organiser.Reply shown = anyone.get(publicNotice(m.joinCode().toLowerCase()));
        assertThat(shown.status()).isEqualTo(200);
        JsonNode n = shown.body();
        assertThat(n.path("commune").asText()).isEqualTo("Xã Kiến Minh");
        assertThat(n.path("place").asText()).isEqualTo("Kiến Minh");
        assertThat(n.path("meetingTitle").asText()).isEqualTo("Hội nghị đối thoại năm 2026");
        assertThat(n.path("heldOn").asText()).isNotEmpty();
        assertThat(n.path("publishedAt").asText()).isEqualTo(published.body().path("publishedAt").asText());
        assertThat(n.path("chairs")).hasSize(1);
        JsonNode c = n.path("conclusions").get(0);
        assertThat(c.path("text").asText()).isEqualTo(CONCLUSION);
        assertThat(c.path("office").asText()).isEqualTo("Phòng Kinh tế");
        assertThat(c.path("deadline").asText()).isEqualTo("2026-09-30");
        assertThat(c.path("status").path("vi").asText()).as("what the meeting decided, or already its follow-up's status")
                .isIn("Giao cơ quan giải quyết", "Đã giao thực hiện — quá hạn");
        assertThat(c.path("villages").toString()).isEqualTo("[\"Thôn Broch\"]");
        assertThat(n.toString()).doesNotContain(SPEAKER, PHONE, "Đường liên thôn", "attendee", "registration", "minutes", "turns");
    }

    @Test
    void eachConclusionShowsWhereItsFollowUpStandsNowOverdueAndThenDone() throws Exception {
        Held m = meeting(true);
        assertThat(admin.post(notice(m), "").status()).isEqualTo(200);
        JsonNode followUp = null;
        long deadline = System.currentTimeMillis() + 15_000;
        while (followUp == null && System.currentTimeMillis() < deadline) {
            JsonNode list = admin.get("/api/communes/" + communeId + "/followups?scope=all").body().path("followUps");
            followUp = list.size() == 1 ? list.get(0) : null;
            Thread.sleep(100);
        }
        assertThat(followUp).as("the follow-up is opened after the close").isNotNull();
        StaffClient anyone = new StaffClient(server.port());
        JsonNode status = anyone.get(publicNotice(m.joinCode())).body().path("conclusions").get(0).path("status");
        assertThat(status.path("vi").asText()).as("its deadline 30/09/2026 has passed").isEqualTo("Đã giao thực hiện — quá hạn");
        assertThat(status.path("en").asText()).isEqualTo("Assigned — overdue");
        assertThat(admin.post("/api/followups/" + followUp.path("id").asText() + "/done",
                Map.of("result", "Đã sửa xong 2 km đường liên thôn")).status()).isEqualTo(200);
        assertThat(anyone.get(publicNotice(m.joinCode())).body().path("conclusions").get(0).path("status").path("vi").asText())
                .isEqualTo("Đã hoàn thành");
    }

    @Test
    void theNoticeIsPublishedOnlyAfterTheCloseAndAgainWithANewDate() throws Exception {
        Held m = meeting(false);
        Organiser.Reply early = admin.post(notice(m), "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("message").path("vi").asText()).contains("sau khi hội nghị kết thúc");
        assertThat(admin.getBytes(notice(m) + ".docx")).as("no .docx before the close").isNull();
        assertThat(new StaffClient(server.port()).get(publicNotice(m.joinCode())).status()).isEqualTo(404);

        ack(m.chair().command("CloseMeeting", null));
        String first = admin.post(notice(m), "").body().path("publishedAt").asText();
        Thread.sleep(5);
        String again = admin.post(notice(m), "").body().path("publishedAt").asText();
        assertThat(again).isGreaterThan(first);
        assertThat(new StaffClient(server.port()).get(publicNotice(m.joinCode())).body().path("publishedAt").asText()).isEqualTo(again);
        assertThat(server.number("SELECT count(*) FROM events WHERE type = 'NoticePublished'")).isEqualTo(2);
    }

    @Test
    void everyScreenIsToldAndAPhoneJoiningLateLeadsToTheNotice() {
        Held m = meeting(true);
        admin.post(notice(m), "");
        for (WsClient screen : List.of(m.chair(), m.display(), m.phone())) {
            JsonNode told = screen.awaitEvent("NoticePublished");
            assertThat(told.path("patch").has("noticePublishedAt")).isTrue();
        }
        JsonNode late = server.connect().helloWithJoinCode(m.joinCode(), m.attendeeKey(), null);
        assertThat(late.path("snapshot").path("noticePublishedAt").asText()).isNotEmpty();
        JsonNode stranger = server.connect().helloWithJoinCode(m.joinCode(), null, null);
        assertThat(stranger.path("snapshot").path("noticePublishedAt").asText()).isNotEmpty();
    }

    @Test
    void onlyWhoeverManagesTheCommunesMeetingsPublishesAndOnlyItsReadersDownload() {
        Held m = meeting(true);
        String kienMinh = communeId;
        String other = admin.post("/api/communes", Map.of("name", "Xã Ia Băng")).body().path("id").asText();
        assertThat(admin.post("/api/accounts", Map.of("login", "qt.iabang", "name", "QT", "role", "ADMIN", "password", PASSWORD,
                "communeId", other)).status()).isEqualTo(201);
        assertThat(admin.post("/api/accounts", Map.of("login", "mattran", "name", "Mặt trận", "role", "FRONT_STAFF",
                "password", PASSWORD, "communeId", kienMinh)).status()).isEqualTo(201);
        StaffClient otherAdmin = StaffClient.signedIn(server.port(), "qt.iabang", PASSWORD);
        StaffClient front = StaffClient.signedIn(server.port(), "mattran", PASSWORD);

        assertThat(otherAdmin.post(notice(m), "").status()).isEqualTo(403);
        assertThat(otherAdmin.get(notice(m) + ".docx").status()).isEqualTo(403);
        assertThat(front.post(notice(m), "").status()).isEqualTo(403);
        assertThat(new StaffClient(server.port()).post(notice(m), "").status()).isEqualTo(401);
        assertThat(new StaffClient(server.port()).get(publicNotice(m.joinCode())).status()).as("nothing published").isEqualTo(404);
        assertThat(front.getBytes(notice(m) + ".docx")).as("the Front reads the draft").isNotNull();
    }

    @Test
    void theDocxHasTheConclusionWithItsOfficeAndDeadlineAndNoSpeaker() throws IOException {
        Held m = meeting(true);
        admin.post(notice(m), "");
        byte[] docx = admin.getBytes(notice(m) + ".docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable table = doc.getTables().get(1);
            assertThat(table.getRow(1).getCell(1).getText()).contains(CONCLUSION, "Thôn Broch");
            assertThat(table.getRow(1).getCell(2).getText()).isEqualTo("Phòng Kinh tế");
            assertThat(table.getRow(1).getCell(3).getText()).isEqualTo("30/09/2026");
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).contains("ỦY BAN NHÂN DÂN", "XÃ KIẾN MINH");
            StringBuilder all = new StringBuilder();
            doc.getParagraphs().forEach(p -> all.append(p.getText()));
            doc.getTables().forEach(t -> all.append(t.getText()));
            assertThat(all.toString()).contains("THÔNG BÁO KẾT LUẬN").doesNotContain(SPEAKER, PHONE);
        }
    }

    @Test
    void aCodeThatOpensNothingIsNotFoundAndThePageAndTheNoticesQrAreServed() throws Exception {
        Held m = meeting(true);
        StaffClient anyone = new StaffClient(server.port());
        assertThat(anyone.get(publicNotice("ZZZZZZ")).body().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(anyone.get(publicNotice("not-a-code")).status()).isEqualTo(404);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/thong-bao/" + m.joinCode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/js/thong-bao.js");
        HttpResponse<String> qr = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/qr/notice/" + m.joinCode() + ".svg")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("content-type").orElse("")).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg");
    }
}
