package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.support.Eventually.waitFor;

/**
 * Reports upward against a real PostgreSQL: a commune's period of plans, meetings run over
 * WebSockets, petitions and conclusions followed through the APIs, and every figure of the report
 * checked against what the test counts by hand; who may see which communes.
 */
class ReportsTest {

    private static final String PASSWORD = "mat-khau-du-dai";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private StaffClient admin;
    private String iaBang;
    private String kienMinh;
    private final LocalDate today = LocalDate.now(VIETNAM);

    private String commune(String name) {
        return admin.post("/api/communes", Map.of("name", name, "province", "Gia Lai")).body().path("id").asText();
    }

    private StaffClient account(String login, String role, String commune) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Cán bộ " + login, "role", role, "password", PASSWORD));
        body.put("communeId", commune);
        Organiser.Reply made = admin.post("/api/accounts", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return StaffClient.signedIn(server.port(), login, PASSWORD);
    }

    private JsonNode petition(String commune, String village, String channel, String field, String competence, Instant received) {
        var body = new HashMap<String, Object>(Map.of("citizen", Map.of("name", "Rơ Châm H'Bia", "villageOrOrganisation", village),
                "channel", channel, "fieldCode", field, "competence", competence, "content", "Kiến nghị về " + field));
        if (received != null) {
            body.put("receivedAt", received.toString());
        }
        Organiser.Reply reply = admin.post("/api/communes/" + commune + "/petitions", body);
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

    /** Runs a meeting: walk-ins checked in, speakers registered at the desk and called, responders, conclusions, the close. */
    private void hold(JsonNode meeting, int walkIns, int speakers, int responders, List<Map<String, Object>> conclusions) {
        WsClient chair = server.connect();
        WsClient secretary = server.connect();
        WsClient door = server.connect();
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        secretary.helloWithToken(Organiser.token(meeting, "secretary"), null);
        door.helloWithToken(Organiser.token(meeting, "door"), null);
        ack(chair.command("OpenRegistration", null));
        for (int i = 0; i < walkIns; i++) {
            ack(door.command("CheckInWalkIn", Map.of("name", "Người dự " + i, "village", "Làng Bi")));
        }
        for (int i = 0; i < speakers; i++) {
            ack(secretary.command("RegisterAtDesk", Map.of("name", "Người nói " + i, "village", "Làng Bi", "topic", "Đường")));
        }
        ack(chair.command("StartMeeting", null));
        for (int i = 0; i < speakers; i++) {
            ack(chair.command("CallNext", null));
            ack(chair.command("StartSlot", null));
            ack(chair.command("EndSlot", null));
        }
        for (int i = 0; i < responders; i++) {
            ack(chair.command("CallResponder", Map.of("name", "Trần Văn Bình", "office", "Phòng Kinh tế", "answersTurnId", 1)));
            ack(chair.command("StartSlot", null));
            ack(chair.command("EndSlot", null));
        }
        for (Map<String, Object> c : conclusions) {
            ack(chair.command("RecordConclusion", c));
        }
        ack(chair.command("CloseMeeting", null));
    }

    private JsonNode setUp(String plan, String kind, String theme) {
        Organiser.Reply added = admin.post(plan + "/dialogues", Map.of("kind", kind, "theme", theme, "month", today.getMonthValue()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode dialogues = added.body().path("dialogues");
        return dialogues.get(dialogues.size() - 1);
    }

    private JsonNode report(StaffClient as, String query) {
        Organiser.Reply reply = as.get("/api/reports?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private String period() {
        return "from=" + today.minusDays(60) + "&to=" + today;
    }

    private static Map<String, Integer> counts(JsonNode lines) {
        var counts = new HashMap<String, Integer>();
        lines.forEach(l -> counts.put(l.path("label").asText(), l.path("received").asInt()));
        return counts;
    }

    private static JsonNode line(JsonNode lines, String key) {
        for (JsonNode l : lines) {
            if (l.path("key").asText().equals(key)) {
                return l;
            }
        }
        throw new AssertionError("no " + key + " in " + lines);
    }

    /**
     * Ia Băng's period: a plan of 3 (2 periodic, 1 thematic) with all three in this month, two of
     * them held, and one extraordinary meeting outside the plan; 7 check-ins, 3 speeches, 1 answer;
     * 6 petitions (4 land, 2 environment), 3 answered of which 1 late, 1 overdue; 4 conclusions
     * (2 assigned of which 1 overdue and 1 done on time, 1 explained, 1 answered), 1 satisfied and
     * 1 not. Kiến Minh has one petition and one meeting, which only "all" counts.
     */
    private void seed() {
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        iaBang = commune("Xã Ia Băng");
        kienMinh = commune("Xã Kiến Minh");
        String plan = "/api/communes/" + iaBang + "/plans/" + today.getYear();
        assertThat(admin.put(plan + "/target", Map.of("direct", 3, "byKind", Map.of("PERIODIC", 2, "THEMATIC", 1))).status()).isEqualTo(200);
        JsonNode periodic = setUp(plan, "PERIODIC", "Đối thoại với Nhân dân");
        JsonNode thematic = setUp(plan, "THEMATIC", "Đối thoại với thanh niên");
        setUp(plan, "PERIODIC", "Đối thoại với cán bộ, đảng viên");

        JsonNode land1 = petition(iaBang, "Làng Chuet 1", "FRONT", "dat-dai", "COMMUNE", null);
        JsonNode land2 = petition(iaBang, "Làng Bi", "LETTER", "dat-dai", "COMMUNE", null);
        JsonNode land3 = petition(iaBang, "Làng Bi", "LETTER", "dat-dai", "COMMUNE", Instant.now().minus(Duration.ofDays(21)));
        JsonNode land4 = petition(iaBang, "Làng Bi", "EMAIL", "dat-dai", "COMMUNE", Instant.now().minus(Duration.ofDays(10)));
        petition(iaBang, "Làng Chuet 1", "FRONT", "moi-truong", "UPPER_LEVEL", null);
        petition(iaBang, "Làng Chuet 1", "TELEPHONE", "moi-truong", "COMMUNE", null);
        petition(kienMinh, "Thôn 1", "LETTER", "ha-tang", "COMMUNE", null);
        String lateId = land3.path("id").asText();
        assertThat(admin.post("/api/petitions/" + lateId + "/assign", Map.of("officeName", "Phòng Kinh tế",
                "dueDate", today.minusDays(7).toString())).status()).isEqualTo(200);
        assertThat(admin.post("/api/petitions/" + lateId + "/answer", Map.of("text", "Đã đo đạc lại", "how", "IN_WRITING")).status())
                .isEqualTo(200);
        assertThat(admin.post("/api/petitions/" + land4.path("id").asText() + "/assign", Map.of("officeName", "Phòng Kinh tế",
                "dueDate", today.minusDays(2).toString())).status()).isEqualTo(200);

        String land1Code = land1.path("trackingCode").asText();
        String land2Code = land2.path("trackingCode").asText();
        Organiser.Reply first = admin.post(plan + "/dialogues/" + periodic.path("id").asText() + "/meeting", Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        hold(first.body(), 4, 2, 1, List.of(
                conclusion("Giao Phòng Kinh tế sửa đường", "ASSIGNED", "Phòng Kinh tế", today.minusDays(3), List.of()),
                conclusion("Đã giải thích về điện chiếu sáng", "EXPLAINED", null, null, List.of()),
                conclusion("Giao Công an xã xác minh ranh giới", "ASSIGNED", "Công an xã", today.plusDays(30), List.of(land1Code))));
        Organiser.Reply second = admin.post(plan + "/dialogues/" + thematic.path("id").asText() + "/meeting", Map.of());
        hold(second.body(), 2, 1, 0, List.of(
                conclusion("Đã trả lời về cấp giấy chứng nhận", "ANSWERED", null, null, List.of(land2Code))));
        Organiser.Reply extraordinary = admin.post("/api/communes/" + iaBang + "/meetings",
                Map.of("title", "Đối thoại đột xuất về giải phóng mặt bằng", "kind", "EXTRAORDINARY"));
        hold(extraordinary.body(), 1, 0, 0, List.of());
        admin.post("/api/communes/" + iaBang + "/meetings", Map.of("title", "Chưa họp"));
        hold(admin.post("/api/communes/" + kienMinh + "/meetings", Map.of("title", "Kiến Minh")).body(), 5, 0, 0, List.of());

        // The land conclusion done by its office; the citizens rate the two answering conclusions.
        waitFor(() -> admin.get("/api/communes/" + iaBang + "/followups?scope=all").body().path("followUps").size() == 4);
        for (JsonNode f : admin.get("/api/communes/" + iaBang + "/followups?scope=all").body().path("followUps")) {
            if (f.path("text").asText().startsWith("Giao Công an")) {
                assertThat(admin.post("/api/followups/" + f.path("id").asText() + "/done", Map.of("result", "Đã cắm mốc")).status())
                        .isEqualTo(200);
            }
        }
        var citizen = new StaffClient(server.port(), "203.0.113.7");
        for (String code : List.of(land1Code, land2Code)) {
            waitFor(() -> !citizen.get("/api/public/petitions/" + code).body().path("followUp").isNull());
        }
        assertThat(citizen.post("/api/public/petitions/" + land1Code + "/rating", Map.of("satisfied", true)).status()).isEqualTo(200);
        assertThat(citizen.post("/api/public/petitions/" + land2Code + "/rating",
                Map.of("satisfied", false, "reason", "Chưa rõ thời hạn")).status()).isEqualTo(200);
    }

    @Test
    void aCommunesPeriodIsCountedFromTheRecordAsTheTestCountsItByHand() {
        seed();
        JsonNode r = report(admin, "commune=" + iaBang + "&" + period());
        assertThat(r.path("scope").asText()).isEqualTo("Xã Ia Băng");
        assertThat(r.path("to").asText()).isEqualTo(today.toString());

        JsonNode d = r.path("dialogues");
        assertThat(List.of(d.path("target").asInt(), d.path("planned").asInt(), d.path("plannedHeld").asInt(), d.path("held").asInt(),
                d.path("attendees").asInt(), d.path("speeches").asInt(), d.path("answers").asInt()))
                .as("target, planned, planned held, held, attendees, speeches, answers").containsExactly(3, 3, 2, 3, 7, 3, 1);
        var kinds = new HashMap<String, String>();
        d.path("byKind").forEach(k -> kinds.put(k.path("kind").asText(), k.path("target").asText() + "/" + k.path("planned").asInt()
                + "/" + k.path("held").asInt() + "/" + k.path("attendees").asInt() + "/" + k.path("speeches").asInt()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("PERIODIC", "2/2/1/4/2", "THEMATIC", "1/1/1/2/1",
                "EXTRAORDINARY", "null/0/1/1/0"));

        JsonNode p = r.path("petitions");
        JsonNode total = p.path("total");
        assertThat(List.of(total.path("received").asInt(), total.path("answered").asInt(), total.path("onTime").asInt(),
                total.path("late").asInt(), total.path("overdue").asInt()))
                .as("received, answered, on time, late, overdue").containsExactly(6, 3, 2, 1, 1);
        assertThat(counts(p.path("byField"))).isEqualTo(Map.of("Đất đai", 4, "Môi trường", 2));
        assertThat(counts(p.path("byChannel"))).isEqualTo(Map.of("Mặt trận Tổ quốc", 2, "Thư", 2, "Thư điện tử", 1, "Điện thoại", 1));
        assertThat(counts(p.path("byCompetence"))).isEqualTo(Map.of("Thuộc thẩm quyền xã", 5, "Thuộc thẩm quyền cấp trên", 1));
        assertThat(counts(p.path("byVillage"))).isEqualTo(Map.of("Làng Bi", 3, "Làng Chuet 1", 3));
        assertThat(line(p.path("byField"), "dat-dai").path("late").asInt()).isEqualTo(1);

        JsonNode c = r.path("conclusions");
        JsonNode all = c.path("total");
        assertThat(List.of(all.path("total").asInt(), all.path("doneOnTime").asInt(), all.path("doneLate").asInt(),
                all.path("open").asInt(), all.path("overdue").asInt(), all.path("satisfied").asInt(), all.path("notSatisfied").asInt()))
                .as("total, done on time, done late, open, overdue, satisfied, not satisfied").containsExactly(4, 3, 0, 1, 1, 1, 1);
        assertThat(line(c.path("byOutcome"), "ASSIGNED").path("total").asInt()).isEqualTo(2);
        assertThat(line(c.path("byOutcome"), "ASSIGNED").path("overdue").asInt()).isEqualTo(1);
        assertThat(line(c.path("byOutcome"), "ANSWERED").path("notSatisfied").asInt()).isEqualTo(1);

        // A period before all this is empty; a named period parses; a wrong one is refused in both languages.
        JsonNode before = report(admin, "commune=" + iaBang + "&from=2000-01-01&to=2000-12-31");
        assertThat(before.path("dialogues").path("held").asInt()).isZero();
        assertThat(before.path("petitions").path("total").path("received").asInt()).isZero();
        assertThat(report(admin, "commune=" + iaBang + "&period=" + today.getYear() + "-Q" + ((today.getMonthValue() + 2) / 3))
                .path("from").asText()).endsWith("-01");
        Organiser.Reply wrong = admin.get("/api/reports?commune=" + iaBang + "&period=2026-Q5");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("message").path("vi").asText()).startsWith("Kỳ báo cáo không đúng");
        assertThat(admin.get("/api/reports?commune=" + iaBang + "&from=2026-07-01&to=2026-06-01").status()).isEqualTo(400);
    }

    @Test
    void anUpperViewerSeesAllCommunesAndACommunesAdministratorOnlyItsOwn() {
        seed();
        StaffClient viewer = account("xem.tinh", "UPPER_VIEWER", null);
        JsonNode all = report(viewer, "commune=all&" + period());
        assertThat(all.path("communes").asInt()).isEqualTo(2);
        assertThat(all.path("scope").asText()).isEqualTo("2 xã");
        assertThat(all.path("dialogues").path("held").asInt()).isEqualTo(4);
        assertThat(all.path("dialogues").path("attendees").asInt()).isEqualTo(12);
        assertThat(all.path("petitions").path("total").path("received").asInt()).isEqualTo(7);

        StaffClient kienMinhAdmin = account("qt.kienminh", "ADMIN", kienMinh);
        Organiser.Reply refused = kienMinhAdmin.get("/api/reports?commune=" + iaBang + "&" + period());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(kienMinhAdmin.get("/api/reports.xlsx?commune=" + iaBang + "&" + period()).status()).isEqualTo(403);
        JsonNode own = report(kienMinhAdmin, "commune=all&" + period());
        assertThat(own.path("scope").asText()).as("all is the communes it may read").isEqualTo("Xã Kiến Minh");
        assertThat(own.path("petitions").path("total").path("received").asInt()).isEqualTo(1);
        StaffClient office = account("vp.iabang", "FRONT_STAFF", iaBang);
        assertThat(report(office, "commune=" + iaBang + "&" + period()).path("dialogues").path("held").asInt()).isEqualTo(3);
        assertThat(new StaffClient(server.port()).get("/api/reports?commune=all&" + period()).status()).isEqualTo(401);
        assertThat(admin.get("/api/reports?commune=abc&" + period()).status()).isEqualTo(400);
    }

    @Test
    void theReportDownloadsAsXlsxCsvAndDocxWithTheSameFigures() throws Exception {
        seed();
        byte[] xlsx = download("/api/reports.xlsx?commune=" + iaBang + "&" + period());
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(6);
            assertThat(book.getSheetName(0)).isEqualTo("Đối thoại");
            var fields = book.getSheet("Kiến nghị theo lĩnh vực");
            assertThat(fields.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Lĩnh vực");
            assertThat(fields.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Đất đai");
            assertThat(fields.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(4);
            var dialogues = book.getSheet("Đối thoại");
            assertThat(dialogues.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
            assertThat(dialogues.getRow(6).getCell(3).getNumericCellValue()).isEqualTo(3);
        }
        String csv = new String(download("/api/reports.csv?commune=" + iaBang + "&" + period()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("Đất đai,4,").contains("Làng Chuet 1,3,");
        byte[] docx = download("/api/reports.docx?commune=" + iaBang + "&" + period());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO KẾT QUẢ TỔ CHỨC ĐỐI THOẠI",
                    "ỦY BAN NHÂN DÂN", "XÃ IA BĂNG", "đã tổ chức 3 hội nghị đối thoại", "Tiếp nhận 6 kiến nghị", "trễ hạn 1",
                    "Công dân đánh giá hài lòng 1, chưa hài lòng 1", "Ia Băng, ngày");
            assertThat(doc.getTables()).as("the header block, six families, the signature block").hasSize(1 + 6 + 1);
            var fieldTable = doc.getTables().get(2);
            assertThat(fieldTable.getRow(1).getCell(0).getText()).isEqualTo("Đất đai");
            assertThat(fieldTable.getRow(1).getCell(1).getText()).isEqualTo("4");
        }
    }

    private byte[] download(String path) {
        return admin.getBytes(path);
    }
}
