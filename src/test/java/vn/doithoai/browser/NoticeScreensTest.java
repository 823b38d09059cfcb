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
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertFitsTheWidth;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * The notice of conclusions in the browser: the public page on a 360 px phone (light, both languages,
 * no one's name), and after the organiser publishes it the phone's link and the hall display's QR
 * code lead to it. Screenshots in target/screenshots/ (notice-360.png, notice-phone-link.png,
 * notice-display-qr.png).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeScreensTest {

    private static final String SPEAKER = "Nguyễn Văn An";
    private static final String PHONE = "0905 123 456";
    private static final String CONCLUSION = "Giao Phòng Kinh tế khảo sát, sửa đường liên thôn Broch – Đê Kjiêng trước mùa mưa năm 2026";
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
    private Organiser organiser;
    private String communeId;
    private final List<WsClient> sockets = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        base = server.publicUrl();
        organiser = new Organiser(server.port());
        communeId = organiser.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai")).body().path("id").asText();
    }

    @AfterAll
    void stop() throws Exception {
        sockets.forEach(WsClient::close);
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("answer %s", answer).isEqualTo("ack");
        return answer;
    }

    private WsClient socket() {
        WsClient socket = WsClient.connect(server.port());
        sockets.add(socket);
        return socket;
    }

    /** A meeting where a citizen spoke and two conclusions were recorded; the chair's socket, still open. */
    private record Held(JsonNode meeting, WsClient chair) {
        String code() {
            return meeting.path("joinCode").asText();
        }
    }

    private Held meeting() {
        return meeting("Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền xã Ia Băng với Nhân dân năm 2026");
    }

    private Held meeting(String title) {
        JsonNode meeting = organiser.post("/api/communes/" + communeId + "/meetings", Map.of(
                "title", title,
                "scheduledAt", "2026-10-15T01:00:00Z", "venue", "Hội trường Ban Chấp hành Đảng bộ xã (thôn Broch)",
                "chairs", List.of("Bí thư Đảng ủy, Chủ tịch HĐND xã", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"))).body();
        WsClient chair = socket();
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        WsClient phone = socket();
        phone.helloWithJoinCode(meeting.path("joinCode").asText(), null, null);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("StartMeeting", null));
        ack(phone.command("Register", Map.of("name", SPEAKER, "village", "Thôn Broch", "topic", "Đường", "phone", PHONE)));
        ack(chair.command("CallNext", null));
        ack(chair.command("StartSlot", null));
        ack(chair.command("EndSlot", null));
        ack(chair.command("RecordConclusion", Map.of("text", CONCLUSION, "outcome", "ASSIGNED", "office", "Phòng Kinh tế",
                "deadline", "2026-12-31", "turnIds", List.of(1))));
        ack(chair.command("RecordConclusion", Map.of("text", "Đề nghị về đất rừng chuyển UBND tỉnh xem xét theo thẩm quyền",
                "outcome", "FORWARDED", "office", "UBND tỉnh Gia Lai", "turnIds", List.of(1))));
        return new Held(meeting, chair);
    }

    private void publish(Held m) {
        Organiser.Reply published = organiser.post("/api/meetings/" + m.meeting().path("meetingId").asText() + "/notice", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    @Test
    void theNoticePageReadsOnA360PxPhoneInBothLanguagesAndStaysLight() {
        Held m = meeting();
        ack(m.chair().command("CloseMeeting", null));
        try (Screen phone = Screen.open("notice", 360, 740, 0)) {
            phone.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_CSP));
            phone.go(base + "/thong-bao/" + m.code().toLowerCase());
            phone.awaitText("problem", "Chưa có thông báo kết luận");
            assertThat(phone.await("lookup-form").isDisplayed()).isTrue();
            assertNoBlockingViolation(phone, "not published yet");

            publish(m);
            phone.go(base + "/thong-bao/" + m.code());
            phone.awaitText("notice", CONCLUSION);
            assertThat(phone.all("conclusion")).hasSize(2);
            String text = phone.text("notice");
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(text).contains("ỦY BAN NHÂN DÂN XÃ IA BĂNG", "Hội trường Ban Chấp hành Đảng bộ xã", "Phòng Kinh tế",
                    "31/12/2026", "Thôn Broch", "Ngày họp\n" + today, "1. Giao Phòng")
                    .doesNotContain(SPEAKER, PHONE);
            // Where each conclusion stands: what the meeting decided, or, once its follow-up is opened, the follow-up's status.
            assertThat(text).containsAnyOf("Giao cơ quan giải quyết", "Đã giao thực hiện");
            assertThat(text).containsAnyOf("Chuyển cấp trên", "Đã giao thực hiện");
            assertThat(phone.driver.getCurrentUrl()).endsWith("/thong-bao/" + m.code());
            assertFitsTheWidth(phone, "the notice on a 360 px phone", 360);
            assertNoBlockingViolation(phone, "the notice");
            assertLight(phone);
            assertThat((List<?>) phone.js("return window.__csp")).as("Content-Security-Policy violations").isEmpty();
            phone.shotAs("notice-360.png");

            phone.click("lang");
            phone.awaitText("notice", "Office responsible");
            assertThat(phone.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Notice of conclusions");
            // Each status as the meeting decided it, or as its follow-up now says (opened right after the close).
            assertThat(phone.text("notice")).contains("Office responsible", "Deadline", "Raised by")
                    .containsAnyOf("Assigned to an office", "Assigned")
                    .containsAnyOf("Forwarded upward", "Assigned");
            phone.shot("english");
            phone.click("lang");
            phone.awaitText("notice", "Cơ quan thực hiện");
        }
    }

    @Test
    void afterPublishingThePhoneLinksToTheNoticeAndTheDisplaysQrCodeLeadsToIt() {
        Held m = meeting();
        try (Screen phone = Screen.open("notice-phone", 360, 740, 0);
             Screen display = Screen.open("notice-display", 1920, 1080, 0)) {
            phone.go(base + "/j/" + m.code()).await("meta");
            display.go(m.meeting().path("links").path("display").asText()).await("floor");
            ack(m.chair().command("CloseMeeting", null));
            phone.await("ended");
            display.await("closed");
            assertThat(phone.all("notice-link")).as("nothing published yet").isEmpty();
            assertThat(display.all("notice-join")).isEmpty();

            publish(m);
            WebElement link = phone.awaitText("notice-link", "Xem thông báo kết luận");
            assertThat(link.getAttribute("href")).isEqualTo(base + "/thong-bao/" + m.code());
            assertThat(link.getSize().getHeight()).as("a big touch target").isGreaterThanOrEqualTo(48);
            assertNoBlockingViolation(phone, "the link to the notice");
            phone.shotAs("notice-phone-link.png");

            display.awaitText("notice-caption", "Quét mã để xem thông báo kết luận");
            WebElement qr = display.await("notice-qr");
            assertThat(qr.getAttribute("src")).endsWith("/qr/notice/" + m.code() + ".svg");
            display.until("the notice's QR code is drawn", () -> ((Number) display.js("return arguments[0].naturalWidth", qr)).intValue() > 0);
            assertThat(qr.getSize().getHeight()).as("a QR code the hall can scan").isGreaterThan(300);
            assertThat(display.text("notice-url")).endsWith("/thong-bao/" + m.code());
            assertThat(display.text("closed")).contains("Hội nghị đã kết thúc");
            display.shotAs("notice-display-qr.png");

            link.click();
            phone.awaitText("notice", CONCLUSION);
        }
    }

    @Test
    void theOrganiserPublishesTheNoticeOfAClosedMeetingAndFindsItsPageAndItsDocx() {
        String title = "Đối thoại chuyên đề đất đai với Nhân dân làng Đê Kjiêng";
        Held m = meeting(title);
        ack(m.chair().command("CloseMeeting", null));
        String meetingId = m.meeting().path("meetingId").asText();
        try (Screen staff = Screen.open("notice-organiser", 1366, 768, 0)) {
            staff.go(base + "/organiser").signIn("admin", Organiser.SECRET);
            staff.awaitText("meetings", title);
            staff.all("meeting").stream().filter(b -> b.getText().equals(title)).findFirst().orElseThrow().click();
            staff.awaitText("notice-state", "Chưa công bố");
            assertThat(staff.await("notice-docx").getAttribute("href")).endsWith("/api/meetings/" + meetingId + "/notice.docx");
            assertThat(staff.all("notice-page")).isEmpty();

            staff.clickAndConfirm("notice-publish");
            staff.awaitText("notice-message", "Đã công bố thông báo kết luận");
            staff.awaitText("notice-state", "Đã công bố lúc");
            assertThat(staff.await("notice-page").getAttribute("href")).isEqualTo(base + "/thong-bao/" + m.code());
            staff.awaitText("notice-publish", "Công bố lại");
            Object docx = staff.js("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-type'))",
                    staff.await("notice-docx").getAttribute("href"));
            assertThat(String.valueOf(docx)).isEqualTo("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            staff.js("arguments[0].scrollIntoView()", staff.await("notice-section"));
            assertNoBlockingViolation(staff, "the notice's section");
            staff.shot("published");
        }
        assertThat(organiser.get("/api/public/notices/" + m.code()).status()).isEqualTo(200);
    }

    /** The page, its scripts and its style sheets: under 50 KB, without lit-html. */
    @SuppressWarnings("unchecked")
    private static void assertLight(Screen screen) {
        Map<String, Object> weight = (Map<String, Object>) screen.js(WEIGHT);
        List<String> files = (List<String>) weight.get("files");
        assertThat(files).contains("/js/thong-bao.js", "/css/public.css", "/js/citizen.js").noneMatch(file -> file.contains("webjars"));
        assertThat(((Number) weight.get("bytes")).longValue()).as("/thong-bao with " + files + ", in bytes").isLessThan(50_000);
    }
}
