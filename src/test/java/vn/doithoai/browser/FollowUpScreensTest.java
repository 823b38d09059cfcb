package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.support.Eventually.waitFor;
import static vn.doithoai.browser.Accessibility.assertFitsTheWidth;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * The follow-up of conclusions in the browser: the economy office sees its own conclusions and
 * petitions at /followup, nearest deadline first, the late one said "Quá hạn", and reports on it;
 * the Front puts conclusions in this year's supervision plan and records what it found; the
 * citizen of a petition the meeting answered follows the conclusion on /tra-cuu from a phone and
 * rates it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpScreensTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String PASSWORD = "mat-khau-du-dai";
    private static final String ROAD = "Giao Phòng Kinh tế sửa đường vào khu sản xuất Làng Bi trước mùa mưa.";
    private static final String LAND = "Giao Phòng Kinh tế đo đạc lại ranh giới thửa đất giáp suối Làng Chuet 1.";
    private static final String MARKET = "Giao Phòng Kinh tế lập phương án sắp xếp chợ xã.";
    private static final String SCHOOL = "Giao Phòng Văn hóa - Xã hội kiểm tra mái trường tiểu học Làng Bi.";
    private static final String LIGHT = "Đã giải thích: điện chiếu sáng do ngành điện lắp trong quý III.";

    private Server server;
    private String base;
    private String landCode;
    private String petitionCode;

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        base = server.publicUrl();
        var admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        String commune = admin.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai")).body().path("id").asText();
        String economy = officeId(admin, commune, "Phòng Kinh tế");
        account(admin, commune, "canbo.kinhte", "OFFICE_STAFF", economy);
        account(admin, commune, "mattran", "FRONT_STAFF", null);
        landCode = petition(admin, commune, "Đề nghị đo đạc lại ranh giới thửa đất giáp suối").path("trackingCode").asText();
        JsonNode waiting = petition(admin, commune, "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 3 hộ");
        petitionCode = waiting.path("trackingCode").asText();
        assertThat(admin.post("/api/petitions/" + waiting.path("id").asText() + "/assign",
                Map.of("officeId", economy, "dueDate", today().plusDays(7).toString())).status()).isEqualTo(200);

        JsonNode meeting = admin.post("/api/communes/" + commune + "/meetings", Map.of("title", "Hội nghị đối thoại tháng 6")).body();
        try (WsClient chair = WsClient.connect(server.port())) {
            chair.helloWithToken(Organiser.token(meeting, "chair"), null);
            ok(chair.command("OpenRegistration", null));
            ok(chair.command("StartMeeting", null));
            ok(chair.command("RecordConclusion", conclusion(ROAD, "ASSIGNED", "Phòng Kinh tế", today().minusDays(3), List.of())));
            ok(chair.command("RecordConclusion", conclusion(LAND, "ASSIGNED", "Phòng Kinh tế", today().plusDays(20), List.of(landCode))));
            ok(chair.command("RecordConclusion", conclusion(MARKET, "ASSIGNED", "Phòng Kinh tế", today().plusDays(45), List.of())));
            ok(chair.command("RecordConclusion", conclusion(SCHOOL, "ASSIGNED", "Phòng Văn hóa - Xã hội", today().plusDays(10), List.of())));
            ok(chair.command("RecordConclusion", conclusion(LIGHT, "EXPLAINED", null, null, List.of())));
            ok(chair.command("CloseMeeting", null));
        }
        // The office reports the land conclusion done, once the meeting has answered the petition with it.
        var staff = StaffClient.signedIn(server.port(), "canbo.kinhte", PASSWORD);
        waitFor(() -> !new StaffClient(server.port()).get("/api/public/petitions/" + landCode).body().path("followUp").isNull());
        for (JsonNode line : staff.get("/api/communes/" + commune + "/followups?office=" + economy).body().path("followUps")) {
            if (line.path("text").asText().equals(LAND)) {
                assertThat(staff.post("/api/followups/" + line.path("id").asText() + "/done",
                        Map.of("result", "Đã đo đạc lại và cắm mốc ranh giới; hai hộ đã ký biên bản.")).status()).isEqualTo(200);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anOfficeSeesItsOwnConclusionsAndPetitionsNearestDeadlineFirstAndReportsOnThem() {
        try (Screen staff = Screen.open("office", 1366, 768, 0)) {
            staff.go(base + "/followup").signIn("canbo.kinhte", PASSWORD);
            staff.await("view-office-panel");
            staff.until("its two open conclusions are listed", () -> staff.all("followup").size() == 2);
            List<WebElement> rows = staff.all("followup");
            assertThat(rows.get(0).getText()).contains("Giao Phòng Kinh tế sửa đường", "Quá hạn");
            assertThat(rows.get(1).getText()).contains("sắp xếp chợ").doesNotContain("Quá hạn");
            assertThat(rows.get(0).findElement(Screen.test("overdue")).getCssValue("color")).as("overdue in red, and in words")
                    .isEqualTo("rgba(198, 40, 40, 1)");
            assertThat(staff.text("office-petitions")).contains(petitionCode, today().plusDays(7).format(DAY));
            assertThat(staff.text("view-office-panel")).doesNotContain("mái trường", "Đã giải thích");

            rows.get(0).findElement(Screen.test("open-followup")).click();
            staff.awaitText("detail-status", "Đã giao thực hiện");
            staff.click("step-start");
            staff.await("step-form").findElement(By.name("note")).sendKeys("Đã khảo sát hiện trường, lập dự toán 300 m đường.");
            staff.click("step-submit");
            staff.awaitText("detail-status", "Đang thực hiện");
            staff.awaitText("notice", "Đã ghi: Bắt đầu thực hiện");
            staff.click("step-note");
            assertThat(staff.await("step-day").getDomProperty("value")).as("today, the Vietnamese way").isEqualTo(today().format(DAY));
            assertNoBlockingViolation(staff, "the office's conclusions");
            assertThat(((Number) staff.js("return document.documentElement.scrollHeight")).intValue()).as("the page itself never scrolls")
                    .isLessThanOrEqualTo(768);
            staff.shotAs("followup-office-1366.png");

            staff.await("step-form").findElement(By.name("note")).sendKeys("Chờ bố trí vốn");
            staff.await("step-day").clear();
            staff.await("step-day").sendKeys(today().plusDays(3).format(DAY));
            staff.click("step-submit");
            staff.awaitText("problem", "Ngày cập nhật không thể ở tương lai");
            List<String> history = staff.all("history-entry").stream().map(WebElement::getText).toList();
            assertThat(history).hasSize(2);
            assertThat(history.get(0)).contains("Bắt đầu theo dõi khi hội nghị kết thúc", "Hệ thống, từ biên bản hội nghị");
            assertThat(history.get(1)).contains("Bắt đầu thực hiện", "Đã khảo sát hiện trường", "Cán bộ canbo.kinhte");
        }
    }

    @Test
    void theFrontPutsConclusionsInThisYearsPlanAndRecordsWhatItFound() {
        try (Screen front = Screen.open("front", 1366, 768, 0)) {
            front.go(base + "/followup").signIn("mattran", PASSWORD);
            front.await("view-supervision-panel");
            front.until("the open conclusions are listed by office", () -> front.all("office-group").size() == 2);
            assertThat(front.all("office-group").get(0).getText()).startsWith("Phòng Kinh tế");
            assertThat(front.text("view-supervision-panel")).contains("Phòng Văn hóa - Xã hội", "Quá hạn").doesNotContain(LIGHT);
            WebElement school = front.all("followup").stream().filter(r -> r.getText().contains("mái trường")).findFirst().orElseThrow();
            school.findElement(Screen.test("put-in-plan")).click();
            front.awaitText("notice", "Đã ghi: Đưa vào kế hoạch giám sát");
            front.until("the school's conclusion is in the plan", () -> front.all("followup").stream()
                    .anyMatch(r -> r.getText().contains("mái trường") && !r.findElements(Screen.test("in-plan")).isEmpty()));

            front.all("followup").stream().filter(r -> r.getText().contains("mái trường")).findFirst().orElseThrow()
                    .findElement(Screen.test("open-followup")).click();
            front.awaitText("detail-plans", String.valueOf(today().getYear()));
            assertThat(front.all("step-start")).as("the Front does not report for the office").isEmpty();
            front.click("step-finding");
            front.await("step-form").findElement(By.name("finding")).sendKeys("Trường đã được khảo sát; chưa có kinh phí sửa mái.");
            front.click("step-submit");
            front.awaitText("findings", "chưa có kinh phí sửa mái");
            assertNoBlockingViolation(front, "the Front's supervision");
            front.shotAs("supervision-1366.png");

            front.click("view-all");
            front.until("the figures by office", () -> front.all("office-count").size() == 3);
            assertThat(front.all("office-count").get(0).getText()).as("most overdue first").startsWith("Phòng Kinh tế 2 1");
            assertNoBlockingViolation(front, "the commune by office");
            front.shot("followup-all-1366");
        }
    }

    @Test
    void theCitizenFollowsTheConclusionThatAnsweredThePetitionAndRatesItOnAPhone() {
        try (Screen citizen = Screen.open("citizen", 360, 740, 0)) {
            citizen.go(base + "/tra-cuu#" + landCode);
            citizen.awaitText("follow-up-status", "Đã hoàn thành");
            assertThat(citizen.text("follow-up")).contains("Phòng Kinh tế", "cắm mốc ranh giới");
            citizen.click("rate-send");
            citizen.awaitText("rate-problem", "Hãy chọn Hài lòng hoặc Chưa hài lòng");
            citizen.click("rate-false");
            citizen.click("rate-send");
            citizen.awaitText("rate-problem", "Hãy cho biết lý do");
            citizen.await("rate-reason").sendKeys("Mốc phía suối chưa cắm.");
            assertThat(citizen.js("return document.querySelector('[data-test=rate-problem]').textContent")).as("said again at the next sending")
                    .isEqualTo("");
            assertFitsTheWidth(citizen, "the tracking page with the rating", 360);
            assertNoBlockingViolation(citizen, "the rating form");
            citizen.js("document.querySelector('[data-test=follow-up]').scrollIntoView()");
            citizen.shotAs("tra-cuu-rating-360.png");
            citizen.click("rate-send");
            citizen.awaitText("rated", "Chưa hài lòng");
            assertThat(citizen.all("rating-form")).isEmpty();
            citizen.driver.navigate().refresh();
            citizen.awaitText("rated", "Chưa hài lòng");
            assertThat(citizen.text("result")).doesNotContain("Mốc phía suối");
        }
    }

    private static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    private static String officeId(StaffClient admin, String commune, String name) {
        for (JsonNode o : admin.get("/api/communes/" + commune + "/offices").body().path("offices")) {
            if (o.path("name").asText().equals(name)) {
                return o.path("id").asText();
            }
        }
        throw new AssertionError("no office " + name);
    }

    private void account(StaffClient admin, String commune, String login, String role, String office) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Cán bộ " + login, "role", role, "password", PASSWORD,
                "communeId", commune));
        body.put("officeId", office);
        assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
    }

    private static JsonNode petition(StaffClient admin, String commune, String content) {
        Organiser.Reply reply = admin.post("/api/communes/" + commune + "/petitions", Map.of(
                "citizen", Map.of("name", "Rơ Châm H'Bia", "villageOrOrganisation", "Làng Chuet 1"),
                "channel", "FRONT", "fieldCode", "dat-dai", "competence", "COMMUNE", "content", content));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.body().path("petition");
    }

    private static Map<String, Object> conclusion(String text, String outcome, String office, LocalDate deadline, List<String> codes) {
        var c = new HashMap<String, Object>(Map.of("text", text, "outcome", outcome, "petitionCodes", codes));
        c.put("office", office);
        c.put("deadline", deadline == null ? null : deadline.toString());
        return c;
    }

    private static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
    }
}
