package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.SmtpSink;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.support.Eventually.waitFor;

/** The petition desk and the public form over real HTTP against a real PostgreSQL, with a real SMTP conversation. */
class PetitionsTest {

    private static final String PASSWORD = "mat-khau-du-dai";

    private final SmtpSink mail = SmtpSink.open();

    @RegisterExtension
    final TestServer server = TestServer.forEachTest(c -> c.withSmtpUrl("smtp://127.0.0.1:" + mail.port() + "?from=ubnd@iabang.example.vn"));

    private StaffClient admin;
    private String iaBang;

    @AfterEach
    void closeMail() throws Exception {
        mail.close();
    }

    private void communeWithAdmin() {
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        iaBang = admin.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai")).body().path("id").asText();
    }

    private String office(String name) {
        for (JsonNode o : admin.get("/api/communes/" + iaBang + "/offices").body().path("offices")) {
            if (o.path("name").asText().equals(name)) {
                return o.path("id").asText();
            }
        }
        throw new AssertionError("no office " + name);
    }

    private StaffClient account(String login, String role, String officeId) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Cán bộ " + login, "role", role, "password", PASSWORD,
                "communeId", iaBang));
        body.put("officeId", officeId);
        assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
        return StaffClient.signedIn(server.port(), login, PASSWORD);
    }

    private JsonNode record(StaffClient by, String village, String channel, String field, String content, String email) {
        var citizen = new HashMap<String, Object>(Map.of("name", "Rơ Châm H'Bia", "villageOrOrganisation", village));
        citizen.put("email", email);
        Organiser.Reply reply = by.post("/api/communes/" + iaBang + "/petitions",
                Map.of("citizen", citizen, "channel", channel, "fieldCode", field, "competence", "COMMUNE", "content", content));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.body().path("petition");
    }

    private JsonNode search(String query) {
        Organiser.Reply reply = admin.get("/api/communes/" + iaBang + "/petitions?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void theDeskFindsPetitionsWhateverTheDiacriticsAndFiltersThem() {
        communeWithAdmin();
        record(admin, "Làng Chuet 1", "LETTER", "dat-dai", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất đai cho 12 hộ", null);
        record(admin, "Làng Chuet 2", "FRONT", "moi-truong", "Bãi rác gây ô nhiễm môi trường gần trường học", null);
        record(admin, "Làng Chuet 1", "VILLAGE", "ha-tang", "Đường vào khu sản xuất bị sạt lở", null);
        for (int i = 0; i < 23; i++) {
            record(admin, "Thôn " + (i % 3), "TELEPHONE", "khac", "Kiến nghị số " + i + " về điện chiếu sáng", null);
        }

        assertThat(search("q=dat%20dai").path("total").asLong()).isEqualTo(1);
        assertThat(search("q=DAT%20%C4%90AI").path("petitions").get(0).path("fieldCode").asText()).isEqualTo("dat-dai");
        assertThat(search("q=o%20nhiem").path("petitions").get(0).path("village").asText()).isEqualTo("Làng Chuet 2");
        assertThat(search("q=100%25").path("total").asLong()).as("a % is a character, not a wildcard").isZero();
        assertThat(search("village=lang%20chuet%201").path("total").asLong()).isEqualTo(2);
        assertThat(search("channel=FRONT").path("total").asLong()).isEqualTo(1);
        assertThat(search("field=khac").path("total").asLong()).isEqualTo(23);
        JsonNode first = search("field=khac");
        assertThat(first.path("petitions").size()).isEqualTo(20);
        assertThat(search("field=khac&page=2").path("petitions").size()).isEqualTo(3);
        assertThat(search("status=RECEIVED").path("total").asLong()).isEqualTo(26);
        assertThat(admin.get("/api/communes/" + iaBang + "/petitions?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aPetitionGoesFromReceivedToClosedEachStepRecordedWithWhoDidIt() throws Exception {
        communeWithAdmin();
        String police = office("Công an xã");
        StaffClient policeStaff = account("canbo.congan", "OFFICE_STAFF", police);
        StaffClient otherStaff = account("canbo.vanphong", "OFFICE_STAFF", office("Văn phòng HĐND và UBND xã"));
        JsonNode p = record(admin, "Làng Chuet 1", "LETTER", "an-ninh-trat-tu", "Trộm cắp vặt tăng về đêm", null);
        String id = p.path("id").asText();
        String due = LocalDate.now().plusDays(15).toString();

        Organiser.Reply assigned = admin.post("/api/petitions/" + id + "/assign", Map.of("officeId", police, "dueDate", due));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.body().path("petition").path("assignment").path("officeName").asText()).isEqualTo("Công an xã");
        assertThat(otherStaff.post("/api/petitions/" + id + "/draft", Map.of("text", "Sai cơ quan")).status()).isEqualTo(403);
        Organiser.Reply drafted = policeStaff.post("/api/petitions/" + id + "/draft", Map.of("text", "Công an xã tăng cường tuần tra ban đêm."));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);
        assertThat(search("office=" + police).path("total").asLong()).isEqualTo(1);
        assertThat(admin.post("/api/petitions/" + id + "/answer", Map.of("how", "IN_WRITING")).status()).isEqualTo(200);
        assertThat(admin.post("/api/petitions/" + id + "/close", "").status()).isEqualTo(200);
        assertThat(admin.post("/api/petitions/" + id + "/close", "").status()).as("closed twice").isEqualTo(409);

        JsonNode shown = admin.get("/api/petitions/" + id).body();
        assertThat(shown.path("petition").path("status").asText()).isEqualTo("CLOSED");
        assertThat(shown.path("petition").path("answer").path("text").asText()).isEqualTo("Công an xã tăng cường tuần tra ban đêm.");
        JsonNode history = shown.path("history");
        assertThat(history.size()).isEqualTo(5);
        assertThat(history.get(2).path("type").asText()).isEqualTo("AnswerDrafted");
        String policeId = policeStaff.get("/api/session").body().path("account").path("id").asText();
        assertThat(history.get(2).path("actor").asText()).isEqualTo("account:" + policeId);
    }

    @Test
    void overdueIsComputedFromTheDueDate() {
        communeWithAdmin();
        String inTime = record(admin, "Làng Chuet 1", "LETTER", "ha-tang", "Cầu tràn hư hỏng", null).path("id").asText();
        assertThat(admin.post("/api/petitions/" + inTime + "/assign", Map.of("officeName", "Phòng Kinh tế",
                "dueDate", LocalDate.now().plusDays(3).toString())).status()).isEqualTo(200);
        assertThat(search("overdue=true").path("total").asLong()).isZero();
        // A letter entered three weeks after it came, due a week ago.
        var citizen = Map.of("name", "A", "villageOrOrganisation", "Làng Chuet 3");
        Organiser.Reply late = admin.post("/api/communes/" + iaBang + "/petitions", Map.of("citizen", citizen, "channel", "LETTER",
                "fieldCode", "ha-tang", "competence", "COMMUNE", "content", "Nước sinh hoạt",
                "receivedAt", java.time.Instant.now().minus(Duration.ofDays(21)).toString()));
        String lateId = late.body().path("petition").path("id").asText();
        assertThat(admin.post("/api/petitions/" + lateId + "/assign", Map.of("officeName", "Phòng Kinh tế",
                "dueDate", LocalDate.now().minusDays(7).toString())).status()).isEqualTo(200);
        JsonNode overdue = search("overdue=true");
        assertThat(overdue.path("total").asLong()).isEqualTo(1);
        assertThat(overdue.path("petitions").get(0).path("id").asText()).isEqualTo(lateId);
        assertThat(overdue.path("petitions").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(admin.post("/api/petitions/" + lateId + "/answer", Map.of("text", "Đã sửa", "how", "IN_WRITING")).status()).isEqualTo(200);
        assertThat(search("overdue=true").path("total").asLong()).as("answered late is no longer open").isZero();
    }

    @Test
    void oneAnswerServesEveryPetitionOfItsGroup() {
        communeWithAdmin();
        String lead = record(admin, "Làng Chuet 1", "LETTER", "moi-truong", "Ô nhiễm từ trại heo", null).path("id").asText();
        String second = record(admin, "Làng Chuet 2", "FRONT", "moi-truong", "Mùi hôi trại heo", null).path("id").asText();
        String third = record(admin, "Làng Chuet 3", "VILLAGE", "moi-truong", "Trại heo xả thải", null).path("id").asText();
        assertThat(admin.post("/api/petitions/" + second + "/group", Map.of("leadId", lead)).status()).isEqualTo(200);
        assertThat(admin.post("/api/petitions/" + third + "/group", Map.of("leadId", lead)).status()).isEqualTo(200);
        assertThat(admin.post("/api/petitions/" + lead + "/group", Map.of("leadId", lead)).status()).isEqualTo(409);
        assertThat(admin.post("/api/petitions/" + lead + "/assign", Map.of("officeName", "Phòng Kinh tế")).status()).isEqualTo(200);
        assertThat(admin.post("/api/petitions/" + lead + "/answer", Map.of("text", "Yêu cầu trại heo xử lý nước thải trong 30 ngày",
                "how", "IN_WRITING")).status()).isEqualTo(200);
        for (String member : new String[] {second, third}) {
            JsonNode p = admin.get("/api/petitions/" + member).body().path("petition");
            assertThat(p.path("status").asText()).isEqualTo("ANSWERED");
            assertThat(p.path("answer").path("text").asText()).isEqualTo("Yêu cầu trại heo xử lý nước thải trong 30 ngày");
        }
    }

    @Test
    void eachRoleDoesWhatItMayOnPetitions() {
        communeWithAdmin();
        String kienMinh = admin.post("/api/communes", Map.of("name", "Xã Kiến Minh")).body().path("id").asText();
        String id = record(admin, "Làng Chuet 1", "LETTER", "khac", "Nội dung", null).path("id").asText();
        StaffClient front = account("mattran", "FRONT_STAFF", null);
        StaffClient staff = account("canbo", "OFFICE_STAFF", office("Phòng Kinh tế"));
        var viewerBody = Map.<String, Object>of("login", "huyen", "name", "Huyện", "role", "UPPER_VIEWER", "password", PASSWORD);
        assertThat(admin.post("/api/accounts", viewerBody).status()).isEqualTo(201);
        StaffClient viewer = StaffClient.signedIn(server.port(), "huyen", PASSWORD);
        var otherAdminBody = Map.<String, Object>of("login", "qt.kienminh", "name", "QT", "role", "ADMIN", "password", PASSWORD,
                "communeId", kienMinh);
        assertThat(admin.post("/api/accounts", otherAdminBody).status()).isEqualTo(201);
        StaffClient otherAdmin = StaffClient.signedIn(server.port(), "qt.kienminh", PASSWORD);

        assertThat(front.post("/api/petitions/" + id + "/sensitive", "").status()).isEqualTo(200);
        assertThat(staff.post("/api/petitions/" + id + "/not-sensitive", "").status()).isEqualTo(403);
        assertThat(viewer.get("/api/petitions/" + id).status()).isEqualTo(200);
        assertThat(viewer.get("/api/communes/" + iaBang + "/petitions").status()).isEqualTo(200);
        assertThat(viewer.post("/api/petitions/" + id + "/assign", Map.of("officeName", "X")).status()).isEqualTo(403);
        assertThat(viewer.post("/api/communes/" + iaBang + "/petitions", Map.of("content", "x")).status()).isEqualTo(403);
        assertThat(otherAdmin.get("/api/petitions/" + id).status()).isEqualTo(403);
        assertThat(otherAdmin.get("/api/communes/" + iaBang + "/petitions").status()).isEqualTo(403);
        assertThat(otherAdmin.post("/api/petitions/" + id + "/close", "").status()).isEqualTo(403);
        assertThat(new StaffClient(server.port()).get("/api/petitions/" + id).status()).isEqualTo(401);
        JsonNode p = admin.get("/api/petitions/" + id).body();
        assertThat(p.path("petition").path("sensitive").asBoolean()).isTrue();
        assertThat(p.path("history").size()).isEqualTo(2);
    }

    @Test
    void aCitizenSendsAPetitionThroughThePublicFormAndFollowsItWithoutSeeingPersonalData() {
        communeWithAdmin();
        var citizen = new StaffClient(server.port(), "203.0.113.5");
        Organiser.Reply sent = citizen.post("/api/public/petitions", Map.of("communeId", iaBang, "name", "Y Ngọc", "village", "Làng Bi",
                "email", "yngoc@example.vn", "fieldCode", "dat-dai", "content", "Tranh chấp ranh giới đất với hộ bên cạnh", "website", ""));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String code = sent.body().path("trackingCode").asText();
        assertThat(code).matches("KN-[A-Z2-9]{4}-[A-Z2-9]{4}");

        Organiser.Reply tracked = citizen.get("/api/public/petitions/" + code.toLowerCase().replace("-", "%20"));
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.body().path("statusVi").asText()).isEqualTo("Đã tiếp nhận");
        assertThat(tracked.body().toString()).doesNotContain("Y Ngọc", "Làng Bi", "yngoc@example.vn", "ranh giới");
        assertThat(search("channel=WEB_FORM").path("total").asLong()).isEqualTo(1);

        waitFor(() -> mail.messages().size() == 1);
        assertThat(mail.messages().get(0)).contains("yngoc@example.vn").contains(code);

        String id = search("channel=WEB_FORM").path("petitions").get(0).path("id").asText();
        admin.post("/api/petitions/" + id + "/assign", Map.of("officeName", "Văn phòng HĐND và UBND xã"));
        admin.post("/api/petitions/" + id + "/answer", Map.of("text", "Đã hòa giải thành tại thôn ngày 01/12", "how", "IN_WRITING"));
        waitFor(() -> mail.messages().size() == 3);
        assertThat(citizen.get("/api/public/petitions/" + code).body().path("answer").path("text").asText())
                .isEqualTo("Đã hòa giải thành tại thôn ngày 01/12");
    }

    @Test
    void thePublicFormRefusesBadInputBotsAndFloodsAndStoresNothingThen() {
        communeWithAdmin();
        var citizen = new StaffClient(server.port(), "198.51.100.20");
        var noVillage = citizen.post("/api/public/petitions", Map.of("communeId", iaBang, "content", "Nội dung"));
        assertThat(noVillage.status()).isEqualTo(400);
        assertThat(noVillage.body().path("message").path("vi").asText()).contains("Thôn");
        var badEmail = citizen.post("/api/public/petitions", Map.of("communeId", iaBang, "village", "Làng Bi", "email", "không-phải-email",
                "content", "Nội dung"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().path("message").path("en").asText()).isNotBlank();
        assertThat(citizen.post("/api/public/petitions", Map.of("communeId", iaBang, "village", "Làng Bi")).status()).isEqualTo(400);
        Organiser.Reply bot = citizen.post("/api/public/petitions", Map.of("communeId", iaBang, "village", "Làng Bi", "content", "Mua thuốc giá rẻ",
                "website", "http://spam.example"));
        assertThat(bot.status()).as("answered as if it worked").isEqualTo(201);
        assertThat(citizen.get("/api/public/petitions/" + bot.body().path("trackingCode").asText()).status()).isEqualTo(404);
        for (int i = 0; i < 6; i++) {
            citizen.post("/api/public/petitions", Map.of("communeId", iaBang, "village", "Làng Bi", "content", "Kiến nghị " + i));
        }
        Organiser.Reply flooded = citizen.post("/api/public/petitions", Map.of("communeId", iaBang, "village", "Làng Bi", "content", "Thêm"));
        assertThat(flooded.status()).isEqualTo(429);
        assertThat(flooded.body().path("message").path("vi").asText()).isNotBlank();
        assertThat(search("").path("total").asLong()).isEqualTo(6);
        assertThat(new StaffClient(server.port(), "198.51.100.21").post("/api/public/petitions", Map.of("communeId", iaBang,
                "village", "Làng Bi", "content", "Từ máy khác")).status()).isEqualTo(201);
    }

    @Test
    void theFrontsSummaryCountsThePetitionsAndPrintsNoContact() throws Exception {
        communeWithAdmin();
        record(admin, "Làng Chuet 1", "LETTER", "dat-dai", "Cấp giấy chứng nhận quyền sử dụng đất", "a@example.vn");
        record(admin, "Làng Chuet 1", "FRONT", "dat-dai", "Lấn chiếm đất công", null);
        String sensitive = record(admin, "Làng Chuet 2", "FRONT", "moi-truong", "Khiếu kiện đông người về bãi rác", "b@example.vn")
                .path("id").asText();
        StaffClient front = account("mattran", "FRONT_STAFF", null);
        assertThat(front.post("/api/petitions/" + sensitive + "/sensitive", "").status()).isEqualTo(200);

        JsonNode summary = front.get("/api/communes/" + iaBang + "/petition-summary").body();
        assertThat(summary.path("total").asInt()).isEqualTo(3);
        assertThat(summary.path("byField").toString()).contains("{\"label\":\"Đất đai\",\"count\":2}");
        assertThat(summary.path("byVillage").toString()).contains("{\"label\":\"Làng Chuet 1\",\"count\":2}");
        assertThat(summary.path("byChannel").toString()).contains("{\"label\":\"Mặt trận Tổ quốc\",\"count\":2}");
        assertThat(summary.path("sensitive").size()).isEqualTo(1);
        assertThat(summary.toString()).doesNotContain("example.vn").doesNotContain("Rơ Châm");

        byte[] docx = front.getBytes("/api/communes/" + iaBang + "/petition-summary.docx");
        assertThat(docx).isNotNull();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("TỔNG HỢP KIẾN NGHỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Làng Chuet 1",
                    "Khiếu kiện đông người về bãi rác").doesNotContain("example.vn").doesNotContain("Rơ Châm");
        }
        assertThat(admin.get("/api/communes/" + iaBang + "/petition-summary?from=2026-13-01").status()).isEqualTo(400);
    }

    @Test
    void aCommuneKeepsItsOwnListOfFields() {
        communeWithAdmin();
        Organiser.Reply added = admin.post("/api/communes/" + iaBang + "/petition-fields", Map.of("vi", "Nông nghiệp", "en", "Agriculture"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(new StaffClient(server.port()).get("/api/public/petition-options?communeId=" + iaBang).body().path("fields").toString())
                .contains("nong-nghiep");
        record(admin, "Làng Chuet 1", "LETTER", "nong-nghiep", "Giống lúa kém chất lượng", null);
        assertThat(admin.post("/api/communes/" + iaBang + "/petition-fields/khac/retire", "").status()).isEqualTo(200);
        Organiser.Reply refused = admin.post("/api/communes/" + iaBang + "/petitions", Map.of("citizen", Map.of("villageOrOrganisation", "Làng Bi"),
                "channel", "LETTER", "fieldCode", "khac", "content", "Nội dung"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("message").path("vi").asText()).contains("Lĩnh vực");
        assertThat(admin.put("/api/communes/" + iaBang + "/petition-fields/dat-dai", Map.of("vi", "Đất đai, địa giới")).status()).isEqualTo(200);
        record(admin, "Làng Chuet 2", "LETTER", "dat-dai", "Ranh giới đất", null);
        assertThat(admin.get("/api/communes/" + iaBang + "/petition-summary").body().path("byField").toString()).contains("Đất đai, địa giới");
        StaffClient front = account("mattran", "FRONT_STAFF", null);
        assertThat(front.post("/api/communes/" + iaBang + "/petition-fields", Map.of("vi", "Y tế")).status()).isEqualTo(403);
        assertThat(front.get("/api/communes/" + iaBang + "/petition-fields").body().path("retired").toString()).contains("khac");
    }
}
