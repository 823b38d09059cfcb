package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * Petitions in the browser: a citizen sends one from a phone through /kien-nghi and follows it on
 * /tra-cuu without ever seeing anyone's personal data there; the commune's staff find it at
 * /petitions by typing without diacritics, assign, draft and answer it; a program that fills the
 * form's hidden field stores nothing; the citizens' pages stay light and load under the CSP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionScreensTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String COMMUNE = "Xã Ia Băng";
    /** Records each Content-Security-Policy violation of a page, from before its first script runs. */
    private static final String WATCH_CSP = "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";
    /** The bytes of the page and of the scripts and style sheets it loaded, as the browser decoded them. */
    private static final String WEIGHT = """
            const page = performance.getEntriesByType('navigation')[0];
            const files = performance.getEntriesByType('resource').filter(r => /\\.(js|css)$/.test(new URL(r.name).pathname));
            return { bytes: files.reduce((sum, r) => sum + r.decodedBodySize, page.decodedBodySize),
                     files: files.map(r => new URL(r.name).pathname) };""";

    private Server server;
    private String base;
    private Organiser operator;
    private String communeId;

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        base = server.publicUrl();
        operator = new Organiser(server.port());
        communeId = operator.post("/api/communes", Map.of("name", COMMUNE, "province", "Gia Lai")).body().path("id").asText();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCitizenSendsAPetitionFromAPhoneAndFollowsItWhileTheStaffAnswerIt() {
        seedTheDesk();
        try (Screen citizen = watched(Screen.open("citizen", 360, 740, 0));
             Screen staff = watched(Screen.open("staff", 1366, 768, 0))) {
            citizen.go(base + "/kien-nghi").await("petition-form");
            citizen.until("the commune is chosen", () -> !new Select(citizen.await("commune")).getFirstSelectedOption().getAttribute("value").isEmpty());
            citizen.fill(citizen.await("petition-form"), Map.of("name", "Y Ngọc", "village", "Làng Bi", "email", "yngoc@example.vn",
                    "content", "Đường liên thôn qua Làng Bi sạt lở sau mưa lũ, xe máy không qua được."));
            new Select(citizen.await("field")).selectByValue("ha-tang");
            Accessibility.assertFitsTheWidth(citizen, "the petition form", 360);
            assertNoBlockingViolation(citizen, "the petition form");
            citizen.js("window.scrollTo(0, 0)");
            citizen.shot("kien-nghi-360");
            citizen.click("send");
            String code = citizen.await("tracking-code").getText();
            assertThat(code).matches("KN-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
            assertThat(citizen.text("done")).contains("Hãy ghi lại");
            citizen.shot("kien-nghi-sent-360");

            citizen.click("track-link");
            citizen.awaitText("status", "Đã tiếp nhận");
            assertThat(citizen.driver.getCurrentUrl()).endsWith("/tra-cuu#" + code);
            assertThat(citizen.text("result")).contains(code, "Hạ tầng, giao thông", todayVi())
                    .doesNotContain("Y Ngọc", "Làng Bi", "yngoc@example.vn", "sạt lở");
            Accessibility.assertFitsTheWidth(citizen, "the tracking page", 360);
            assertNoBlockingViolation(citizen, "the tracking page");
            citizen.shot("tra-cuu-360");

            // The staff find it by the village, typed without diacritics, and take it to its answer.
            staff.go(base + "/organiser").signIn("admin", Organiser.SECRET);
            staff.click("petitions-link");
            staff.await("petitions");
            staff.await("search").sendKeys("lang bi");
            staff.until("only the citizen's petition is listed", () -> staff.all("petition").size() == 1
                    && code.equals(staff.all("petition").get(0).getAttribute("data-code")));
            assertThat(staff.text("total")).startsWith("1 kiến nghị");
            staff.click("open-petition");
            assertThat(staff.awaitText("detail-contact", "yngoc@example.vn").getText()).as("the contact, for staff only").contains("yngoc@example.vn");
            assertThat(staff.text("detail-citizen")).contains("Y Ngọc", "Làng Bi");

            String due = LocalDate.now(VIETNAM).plusDays(10).format(DAY);
            staff.click("step-assign");
            new Select(staff.await("assign-office")).selectByVisibleText("Công an xã");
            staff.await("assign-due").sendKeys(due);
            staff.click("step-submit");
            staff.awaitText("detail-status", "Đã giao cơ quan giải quyết");
            assertThat(staff.text("detail-office")).contains("Công an xã", "hạn " + due);

            staff.click("step-draft");
            staff.await("step-form").findElement(By.name("text")).sendKeys("Công an xã phân luồng giao thông; xã sửa đường trong tháng này.");
            staff.click("step-submit");
            staff.awaitText("detail-status", "Đã có dự thảo trả lời");

            staff.click("step-answer");
            assertThat(staff.await("step-form").findElement(By.name("text")).getDomProperty("value")).as("the draft, ready to give")
                    .startsWith("Công an xã phân luồng");
            staff.click("step-submit");
            staff.awaitText("detail-status", "Đã trả lời");
            staff.awaitText("notice", "Đã ghi: Trả lời");
            List<String> history = staff.all("history-entry").stream().map(WebElement::getText).toList();
            assertThat(history).hasSize(4);
            assertThat(history.get(0)).contains("Tiếp nhận", "Người dân, qua biểu mẫu trực tuyến");
            assertThat(history.get(1)).contains("Giao cơ quan giải quyết", "Công an xã", "Quản trị viên");
            assertThat(history.get(3)).contains("Trả lời", "Bằng văn bản");
            assertNoBlockingViolation(staff, "a petition answered");
            assertThat(((Number) staff.js("return document.documentElement.scrollHeight")).intValue()).as("the page itself never scrolls")
                    .isLessThanOrEqualTo(768);
            staff.js("document.querySelector('.desk-side').scrollTop = 0");
            staff.shot("petition-detail-1366");

            staff.await("search").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            staff.until("every petition is listed again", () -> staff.all("petition").size() >= 4);
            assertThat(staff.awaitText("petition", "Quá hạn").findElement(Screen.test("overdue")).getCssValue("color"))
                    .as("overdue in red, and in words").isEqualTo("rgba(198, 40, 40, 1)");
            assertNoBlockingViolation(staff, "the list");
            staff.shot("petitions-1366");
            assertNoCspViolation(staff);

            citizen.driver.navigate().refresh();
            citizen.awaitText("status", "Đã trả lời");
            assertThat(citizen.text("answer-text")).isEqualTo("Công an xã phân luồng giao thông; xã sửa đường trong tháng này.");
            assertThat(citizen.text("result")).contains("Công an xã", due).doesNotContain("Y Ngọc");
            assertNoCspViolation(citizen);
        }
    }

    @Test
    void aProgramThatFillsTheHiddenFieldIsAnsweredWithACodeButNothingIsStored() {
        try (Screen bot = Screen.open("bot", 360, 740, 0)) {
            bot.go(base + "/kien-nghi").await("petition-form");
            bot.until("the commune is chosen", () -> !new Select(bot.await("commune")).getFirstSelectedOption().getAttribute("value").isEmpty());
            bot.fill(bot.await("petition-form"), Map.of("village", "Làng Quảng Cáo", "content", "Mua thuốc giá rẻ tại đây"));
            bot.js("document.querySelector('[name=website]').value = 'http://spam.example'");
            bot.click("send");
            String code = bot.await("tracking-code").getText();

            assertThat(search("q=" + URLEncoder.encode("thuoc gia re", StandardCharsets.UTF_8)).path("total").asLong()).isZero();
            assertThat(search("q=" + code).path("total").asLong()).isZero();
            assertThat(operator.get("/api/public/petitions/" + code).status()).isEqualTo(404);
        }
    }

    @Test
    void theCitizensPagesWeighUnderFiftyKilobytesSpeakBothLanguagesAndSayWhatIsWrong() {
        try (Screen phone = watched(Screen.open("phone", 360, 740, 0))) {
            phone.go(base + "/kien-nghi").await("petition-form");
            phone.until("the fields are loaded", () -> phone.all("field").get(0).findElements(By.tagName("option")).size() == 8);
            assertLight(phone, "/kien-nghi", "/js/kien-nghi.js");
            phone.fill(phone.await("petition-form"), Map.of("content", "Nội dung"));
            phone.click("send");
            phone.awaitText("problem", "Thôn, làng hoặc tổ chức");
            phone.click("lang");
            assertThat(phone.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Send a petition to the commune");
            phone.awaitText("problem", "Village or organisation");
            phone.click("lang");
            phone.awaitText("problem", "Thôn, làng hoặc tổ chức");
            assertThat(((Number) phone.js("return document.querySelector('[name=website]').getBoundingClientRect().right")).doubleValue())
                    .as("the hidden field is off the screen").isLessThan(0);
            assertThat(phone.await("send").getSize().getHeight()).as("a big touch target").isGreaterThanOrEqualTo(48);
            assertNoCspViolation(phone);

            phone.go(base + "/tra-cuu#kn 2345 6789");
            phone.awaitText("problem", "Không tìm thấy kiến nghị mang mã KN-2345-6789");
            assertLight(phone, "/tra-cuu", "/js/tra-cuu.js");
            assertNoBlockingViolation(phone, "a code that finds nothing");
            assertNoCspViolation(phone);
        }
    }

    @Test
    void theDeskRecordsALetterReceivedEarlierGroupsAndFlagsItAndFitsAPhone() {
        try (Screen staff = watched(Screen.open("desk", 360, 740, 0))) {
            staff.go(base + "/petitions").signIn("admin", Organiser.SECRET);
            WebElement form = staff.await("receive-form");
            String received = LocalDate.now(VIETNAM).minusDays(20).format(DAY);
            staff.fill(form, Map.of("village", "Làng Đê Kjiêng", "content", "Trạm bơm nước của làng hỏng đã hai tuần", "receivedOn", received));
            new Select(form.findElement(By.name("fieldCode"))).selectByVisibleText("Hạ tầng, giao thông");
            Accessibility.assertFitsTheWidth(staff, "the desk on a phone", 360);
            staff.click("receive-submit");
            String lead = staff.awaitText("notice", "Đã tiếp nhận kiến nghị").getText().replaceAll(".*(KN-\\S{4}-\\S{4}).*", "$1");
            assertThat(staff.text("detail")).contains(received, "Thư", "Làng Đê Kjiêng");

            staff.click("step-assign");
            staff.fill(staff.await("step-form"), Map.of("officeName", "Phòng Kinh tế - Hạ tầng huyện",
                    "dueDate", LocalDate.now(VIETNAM).minusDays(2).format(DAY)));
            staff.click("step-submit");
            staff.awaitText("detail-overdue", "Quá hạn");
            staff.await("filter-overdue").click();
            staff.until("the overdue list shows it", () -> staff.all("petition").stream().anyMatch(p -> lead.equals(p.getAttribute("data-code"))));
            staff.await("filter-overdue").click();

            staff.click("new-petition");
            WebElement second = staff.await("receive-form");
            staff.fill(second, Map.of("village", "Làng Đê Kjiêng", "content", "Không có nước sinh hoạt vì trạm bơm hỏng"));
            staff.click("receive-submit");
            staff.awaitText("notice", "Đã tiếp nhận kiến nghị");
            staff.click("step-group");
            staff.await("lead-code").sendKeys(lead.toLowerCase().replace("-", " "));
            staff.click("step-submit");
            staff.awaitText("detail-lead", lead);
            staff.click("step-sensitive");
            staff.awaitText("notice", "Đánh dấu nhạy cảm");
            assertThat(staff.text("detail")).contains("Nhạy cảm");
            assertThat(staff.all("step-not-sensitive")).hasSize(1);
            staff.driver.navigate().refresh();
            assertThat(staff.awaitText("detail-lead", lead).getText()).as("the address keeps the petition open").isEqualTo(lead);
            Accessibility.assertFitsTheWidth(staff, "a petition on a phone", 360);
            staff.shot("petitions-360");
            assertNoBlockingViolation(staff, "a grouped petition on a phone");
            assertNoCspViolation(staff);
        }
    }

    @Test
    void theFrontReadsItsSummaryOnTheDeskAndDownloadsItAsWord() {
        // The class's one commune (the citizens' form picks it by itself when it is the only one).
        record("Thôn Đông", "FRONT", "dat-dai", "Lấn chiếm đất công", null);
        String flagged = record("Thôn Tây", "FRONT", "moi-truong", "Khiếu kiện đông người về bãi rác", null);
        assertThat(operator.post("/api/petitions/" + flagged + "/sensitive", Map.of()).status()).isEqualTo(200);
        JsonNode expected = operator.get("/api/communes/" + communeId + "/petition-summary").body();
        try (Screen staff = watched(Screen.open("summary", 1366, 768, 0))) {
            staff.go(base + "/petitions").signIn("admin", Organiser.SECRET);
            staff.await("commune");
            staff.click("open-summary");
            assertThat(staff.awaitText("summary-total", "Tổng số").getText())
                    .isEqualTo("Tổng số: " + expected.path("total").asInt() + " kiến nghị");
            assertThat(staff.text("summary-villages")).contains("Thôn Đông 1", "Thôn Tây 1");
            assertThat(staff.text("summary-sensitive")).contains("Khiếu kiện đông người về bãi rác");
            Object download = staff.js("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-type'))",
                    staff.await("summary-docx").getAttribute("href"));
            assertThat(String.valueOf(download)).startsWith("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            staff.shot("front-summary-1366");
            assertNoBlockingViolation(staff, "the Front's summary");
            assertNoCspViolation(staff);
        }
    }

    /** Three petitions beside the citizen's, one of them overdue, so that the list looks like a desk's. */
    private void seedTheDesk() {
        record("Thôn 3", "FRONT", "moi-truong", "Bãi rác tự phát gần suối", null);
        String late = record("Làng Chuet 1", "LETTER", "dat-dai", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
                Instant.now().minus(Duration.ofDays(30)).toString());
        assertThat(operator.post("/api/petitions/" + late + "/assign", Map.of("officeName", "Phòng Kinh tế",
                "dueDate", LocalDate.now(VIETNAM).minusDays(5).toString())).status()).isEqualTo(200);
        String flagged = record("Thôn 5", "VILLAGE", "an-ninh-trat-tu", "Trộm cắp vặt về đêm", null);
        assertThat(operator.post("/api/petitions/" + flagged + "/sensitive", Map.of()).status()).isEqualTo(200);
    }

    private String record(String village, String channel, String field, String content, String receivedAt) {
        var body = new java.util.HashMap<String, Object>(Map.of("citizen", Map.of("villageOrOrganisation", village), "channel", channel,
                "fieldCode", field, "competence", "COMMUNE", "content", content));
        body.put("receivedAt", receivedAt);
        Organiser.Reply reply = operator.post("/api/communes/" + communeId + "/petitions", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.body().path("petition").path("id").asText();
    }

    private JsonNode search(String query) {
        return operator.get("/api/communes/" + communeId + "/petitions?" + query).body();
    }

    private static String todayVi() {
        return LocalDate.now(VIETNAM).format(DAY);
    }

    private static Screen watched(Screen screen) {
        screen.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_CSP));
        return screen;
    }

    private static void assertNoCspViolation(Screen screen) {
        assertThat((List<?>) screen.js("return window.__csp")).as("%s: Content-Security-Policy violations", screen.name).isEmpty();
    }

    /** The page, its scripts and its style sheets: under 50 KB, without lit-html. */
    @SuppressWarnings("unchecked")
    private static void assertLight(Screen screen, String page, String script) {
        Map<String, Object> weight = (Map<String, Object>) screen.js(WEIGHT);
        List<String> files = (List<String>) weight.get("files");
        assertThat(files).as(page + " loads its own script and style sheet").contains(script, "/css/public.css", "/js/citizen.js")
                .noneMatch(file -> file.contains("webjars"));
        assertThat(((Number) weight.get("bytes")).longValue()).as(page + " with " + files + ", in bytes").isLessThan(50_000);
    }
}
