package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * The staff screens as the people using them see them on a 1366×768 laptop: the chair's console fits
 * one screen mid-meeting and says what each action did, and the organiser's page shows dates the
 * Vietnamese way and a QR code that fits, whatever the browser's own language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffScreensTest {

    static final int WIDTH = 1366;
    static final int HEIGHT = 768;
    static final String TITLE = "Hội nghị đối thoại trực tiếp với Nhân dân xã Ia Băng năm 2026";

    private Server server;
    private Organiser rest;

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        rest = new Organiser(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A meeting at its third step (the long "Nhân dân phát biểu…" label) with {@code waiting} people registered. */
    private JsonNode meetingInProgress(int waiting, WsClient chairSocket) {
        JsonNode meeting = rest.communeWithMeeting(Map.of("title", TITLE, "scheduledAt", "2026-10-15T01:00:00Z",
                "rules", Map.of("slotSeconds", 300, "warningSeconds", 10, "perVillageCap", 0,
                        "firstTimersFirst", true, "responseSeconds", 300)));
        assertThat(chairSocket.helloWithToken(Organiser.token(meeting, "chair"), null).path("type").asText()).isEqualTo("welcome");
        ok(chairSocket.command("OpenRegistration", null));
        for (int i = 1; i <= waiting; i++) {
            ok(chairSocket.command("RegisterAtDesk", Map.of("name", "Nguyễn Thị Người Đăng Ký Số " + i,
                    "village", "Thôn Broch " + i, "group", "Nông dân",
                    "topic", "Đường liên thôn số " + i + " xuống cấp nghiêm trọng sau mùa mưa lũ",
                    "summary", "Đề nghị xã sớm khảo sát, lập dự toán và sửa chữa đoạn đường dài 2 km trước mùa mưa năm sau",
                    "note", "Người cao tuổi, cần hỗ trợ lên bục")));
        }
        ok(chairSocket.command("StartMeeting", null));
        ok(chairSocket.command("AdvanceStep", null));
        ok(chairSocket.command("AdvanceStep", null));
        return meeting;
    }

    private static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
    }

    private static String link(JsonNode meeting, String role) {
        return meeting.path("links").path(role).asText();
    }

    @Test
    void theChairPicksAResponderFromTheCommunesOfficesAndItsHeadIsFilledIn() {
        try (WsClient chairSocket = WsClient.connect(server.port());
             Screen chair = Screen.open("chair-offices", 1366, 768, 0)) {
            JsonNode meeting = meetingInProgress(1, chairSocket);
            String communeId = rest.get("/api/meetings/" + meeting.path("meetingId").asText()).body().path("meeting").path("communeId").asText();
            for (JsonNode office : rest.get("/api/communes/" + communeId + "/offices").body().path("offices")) {
                if (office.path("name").asText().equals("Công an xã")) {
                    rest.put("/api/offices/" + office.path("id").asText(),
                            Map.of("name", "Công an xã", "headName", "Rơ Mah Thuận", "headTitle", "Trưởng Công an xã"));
                }
            }
            chair.go(link(meeting, "chair"));
            WebElement form = chair.await("responder-form");
            chair.until("the offices are offered", () -> chair.driver.findElements(By.cssSelector("#office-names option")).size() >= 7);
            WebElement office = form.findElement(By.name("office"));
            office.sendKeys("Công an xã");
            office.sendKeys(Keys.TAB);
            chair.until("the head is filled in", () -> "Trưởng Công an xã Rơ Mah Thuận".equals(form.findElement(By.name("name")).getDomProperty("value")));
            assertThat(form.findElement(By.name("office")).getDomAttribute("list")).isEqualTo("office-names");
            assertNoBlockingViolation(chair, "responder picked from the offices");
        }
    }

    /** A key pressed with the focus on the page, outside any field. */
    private static void shortcut(Screen screen, String key) {
        new Actions(screen.driver).sendKeys(screen.await("floor"), key).perform();
    }

    // Issue 9: the chair's laptop shows everything needed live on one screen.
    @Test
    void theChairConsoleFitsALaptopScreenMidMeeting() {
        try (WsClient socket = WsClient.connect(server.port());
             Screen chair = Screen.open("staff-chair-laptop", WIDTH, HEIGHT, 0)) {
            JsonNode meeting = meetingInProgress(9, socket);
            ok(socket.command("CallNext", null));
            ok(socket.command("StartSlot", null));
            chair.go(link(meeting, "chair"));
            chair.awaitText("floor-name", "Người Đăng Ký Số 1");
            chair.until("8 people wait", () -> chair.all("queue-item").size() == 8);
            chair.awaitText("step", "3.");
            chair.shot("mid-meeting");

            Map<?, ?> page = (Map<?, ?>) chair.js("""
                    const root = document.scrollingElement;
                    return {scroll: root.scrollHeight, view: window.innerHeight, width: root.scrollWidth};""");
            assertThat(((Number) page.get("scroll")).intValue()).as("page height at 768 px: no vertical scroll")
                    .isLessThanOrEqualTo(HEIGHT);
            assertThat(((Number) page.get("width")).intValue()).as("no horizontal scroll").isLessThanOrEqualTo(WIDTH);

            // One line of header: the title and the language button are not pushed down by the step label.
            WebElement title = chair.driver.findElement(By.cssSelector("header.bar h1"));
            double lineHeight = Double.parseDouble(((String) chair.js(
                    "return getComputedStyle(arguments[0]).lineHeight", title)).replace("px", ""));
            assertThat(title.getRect().getHeight()).as("the title stays on one line").isLessThan((int) (lineHeight * 1.5));
            WebElement lang = chair.await("lang");
            assertThat(lang.getRect().getHeight()).as("'English' stays on one line").isLessThan(50);
            WebElement header = chair.driver.findElement(By.cssSelector("header.bar"));
            assertThat(header.getRect().getHeight()).as("the header is one row").isLessThan(80);
            WebElement step = chair.await("step");
            assertThat(step.getRect().getY() + step.getRect().getHeight())
                    .as("the step label stays inside the header").isLessThanOrEqualTo(header.getRect().getY() + header.getRect().getHeight());
            assertThat(step.getDomAttribute("title")).as("the whole step label, on hover")
                    .contains("Nhân dân phát biểu ý kiến, thảo luận theo thứ tự, nội dung, thời gian đã đăng ký");

            // What the chair needs live is on the screen, not below it.
            for (String id : List.of("countdown", "slot-pause", "slot-extend", "slot-end", "call-next", "next-step", "close-meeting")) {
                assertInViewport(chair, chair.await(id), id);
            }
            assertInViewport(chair, chair.all("queue-item").get(0), "the first in the queue");

            // The acknowledgement banner does not push the page into a scroll either, and reads well.
            chair.click("slot-extend");
            chair.awaitText("ok", "Đã thêm 1 phút");
            assertThat(((Number) chair.js("return document.scrollingElement.scrollHeight")).intValue()).isLessThanOrEqualTo(HEIGHT);
            chair.shot("banner");
            assertNoBlockingViolation(chair, "speaker running, banner shown");
        }
    }

    private static void assertInViewport(Screen screen, WebElement element, String what) {
        Map<?, ?> r = onScreen(screen, element);
        assertThat(((Number) r.get("top")).doubleValue()).as("%s: top on screen", what).isGreaterThanOrEqualTo(0);
        assertThat(((Number) r.get("bottom")).doubleValue()).as("%s: bottom on screen", what).isLessThanOrEqualTo(HEIGHT);
        Boolean uncovered = (Boolean) screen.js("""
                const r = arguments[0].getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
                return !!hit && (arguments[0] === hit || arguments[0].contains(hit));""", element);
        assertThat(uncovered).as("%s: visible, not scrolled away inside its panel", what).isTrue();
    }

    /** Where the element is in the window as the person sees it now (not on the whole page). */
    private static Map<?, ?> onScreen(Screen screen, WebElement element) {
        return (Map<?, ?>) screen.js("""
                const r = arguments[0].getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, width: r.width, height: r.height};""", element);
    }

    // Issue 10: each action is acknowledged with what happened; paused, overtime and closed are shown as such.
    @Test
    void theChairSeesWhatEachActionDidAndTheClosedMeeting() {
        try (WsClient socket = WsClient.connect(server.port());
             Screen chair = Screen.open("staff-chair-actions", WIDTH, HEIGHT, 0)) {
            JsonNode meeting = meetingInProgress(3, socket);
            chair.go(link(meeting, "chair"));
            chair.until("3 people wait", () -> chair.all("queue-item").size() == 3);

            chair.click("call-next");
            assertThat(chair.awaitText("ok", "Đã mời").getText()).contains("Người Đăng Ký Số 1").doesNotContain("Đã lưu");
            chair.click("slot-start");
            chair.awaitText("ok", "Đã bắt đầu");
            String runningColour = (String) chair.js("return getComputedStyle(arguments[0]).color", chair.await("countdown"));
            chair.click("slot-pause");
            chair.awaitText("ok", "Đã tạm dừng");
            WebElement countdown = chair.await("countdown");
            assertThat(countdown.getDomAttribute("class")).contains("paused");
            assertThat((String) chair.js("return getComputedStyle(arguments[0]).color", countdown))
                    .as("paused is not the running green").isNotEqualTo(runningColour);
            assertThat(chair.text("floor")).contains("Tạm dừng");
            chair.shot("paused");
            chair.click("slot-extend");
            assertThat(chair.awaitText("ok", "Đã thêm 1 phút").getText()).doesNotContain("Đã lưu");
            chair.click("slot-resume");
            chair.awaitText("ok", "Đã tiếp tục");
            chair.click("slot-end");
            chair.awaitText("ok", "Đã kết thúc lượt");

            // Overtime: the chair's console agrees with the hall display.
            WebElement seconds = chair.await("call-seconds");
            seconds.clear();
            seconds.sendKeys("1");
            shortcut(chair, "n");
            chair.awaitText("floor-name", "Người Đăng Ký Số 2");
            shortcut(chair, " ");
            chair.until("the countdown runs over", () -> chair.text("countdown").startsWith("+"), Duration.ofSeconds(10));
            assertThat(chair.text("floor")).contains("Quá giờ").doesNotContain("Đang phát biểu");
            assertThat(chair.await("countdown").getDomAttribute("class")).contains("over");
            chair.shot("overtime");

            // The close: the live controls go, the closed state shows, the shortcuts do nothing.
            chair.clickAndConfirm("close-meeting");
            chair.awaitText("closed", "Hội nghị đã kết thúc");
            chair.until("the live controls are gone", () -> List.of("call-next", "slot-start", "slot-pause", "slot-extend",
                    "slot-end", "next-step", "close-meeting", "call", "move-up", "refuse", "responder-form", "shortcuts")
                    .stream().allMatch(id -> chair.all(id).stream().noneMatch(WebElement::isDisplayed)));
            assertThat(chair.js("return document.activeElement.dataset.test")).as("the focus is on the notice").isEqualTo("closed");
            long seqBefore = ((Number) chair.js("return window.doithoaiState().seq")).longValue();
            new Actions(chair.driver).sendKeys(chair.await("closed"), "n").perform();
            new Actions(chair.driver).sendKeys(chair.await("closed"), "+").perform();
            new Actions(chair.driver).sendKeys(chair.await("closed"), " ").perform();
            sleep(1000);
            assertThat(chair.all("error")).as("no red error for a shortcut after the close").isEmpty();
            assertThat(((Number) chair.js("return window.doithoaiState().seq")).longValue()).isEqualTo(seqBefore);
            chair.shot("closed");
        }
    }

    // Issue 11 and the organiser's accessibility: dates the Vietnamese way in an English-speaking browser,
    // a readable program, the QR code whole, and a full-screen QR that fits the laptop.
    @Test
    void theOrganiserSetsUpAMeetingInAnEnglishBrowserAndShowsTheQrCode() {
        try (Screen organiser = Screen.open("staff-organiser", WIDTH, HEIGHT, 0, "en-US")) {
            assertThat((String) organiser.go(server.publicUrl() + "/organiser").js("return navigator.language")).isEqualTo("en-US");
            organiser.signIn("admin", Organiser.SECRET);
            WebElement communeForm = organiser.await("commune-form");
            organiser.fill(communeForm, Map.of("name", "Xã Ia Tôr", "province", "Gia Lai"));
            communeForm.findElement(By.tagName("button")).click();
            organiser.click("new-meeting");
            WebElement form = organiser.await("setup-form");
            assertThat(form.findElements(By.cssSelector("input[type='datetime-local'], input[type='date'], input[type='time']")))
                    .as("no field that shows the browser's own date order").isEmpty();

            organiser.fill(form, Map.of("title", TITLE, "scheduledDate", "31/02/2026", "scheduledTime", "08:00"));
            organiser.click("setup-submit");
            organiser.awaitText("message", "dd/mm/yyyy");
            assertThat(organiser.all("link-chair")).as("an impossible date is not saved").isEmpty();

            form = organiser.await("setup-form");
            organiser.fill(form, Map.of("scheduledDate", "20/10/2026", "scheduledTime", "14:30"));
            organiser.click("setup-submit");
            organiser.await("link-chair");
            organiser.awaitText("meetings", TITLE);
            organiser.shot("meeting-created");

            assertThat(storedSchedule("Xã Ia Tôr")).as("14:30 in Vietnam (UTC+7), whatever the browser's zone")
                    .isEqualTo(java.time.Instant.parse("2026-10-20T07:30:00Z"));
            String listed = organiser.text("meetings");
            assertThat(listed).as("dd/mm/yyyy, 24-hour, no seconds").contains("20/10/2026 14:30")
                    .doesNotContainPattern("\\d:\\d\\d:\\d\\d").doesNotContain("PM", "AM", "10/20/2026");
            form = organiser.await("setup-form");
            assertThat(form.findElement(By.name("scheduledDate")).getDomProperty("value")).isEqualTo("20/10/2026");
            assertThat(form.findElement(By.name("scheduledTime")).getDomProperty("value")).isEqualTo("14:30");
            assertThat(form.findElement(By.name("steps")).getDomProperty("value"))
                    .as("the program, one step a line, without '| English'")
                    .startsWith("Đại diện Ủy ban MTTQ").doesNotContain("|").doesNotContain("Fatherland Front");
            assertThat(form.findElement(By.name("stepsEn")).getDomProperty("value")).startsWith("Fatherland Front");

            // The QR code, whole, next to the form the organiser just used.
            WebElement qr = organiser.await("qr");
            organiser.until("the QR code is loaded", () -> Boolean.TRUE.equals(organiser.js(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", qr)));
            assertInViewport(organiser, qr, "the QR code after 'Tạo hội nghị'");
            Map<?, ?> r = onScreen(organiser, qr);
            assertThat(((Number) r.get("width")).doubleValue()).as("QR drawn square").isEqualTo(((Number) r.get("height")).doubleValue());
            assertThat(((Number) r.get("width")).doubleValue()).as("QR big enough to scan from the screen").isGreaterThanOrEqualTo(150);
            Boolean clipped = (Boolean) organiser.js("""
                    const q = arguments[0].getBoundingClientRect();
                    for (let e = arguments[0].parentElement; e; e = e.parentElement) {
                      const s = getComputedStyle(e);
                      if (s.overflow === 'visible') continue;
                      const b = e.getBoundingClientRect();
                      if (q.left < b.left - 1 || q.right > b.right + 1 || q.top < b.top - 1 || q.bottom > b.bottom + 1) return true;
                    }
                    return false;""", qr);
            assertThat(clipped).as("QR not cut off by its panel").isFalse();
            assertNoBlockingViolation(organiser, "meeting created, link boxes shown");

            organiser.click("show-qr");
            WebElement overlay = organiser.await("qr-overlay");
            organiser.shot("qr-full-screen");
            WebElement close = organiser.await("qr-close");
            assertInViewport(organiser, close, "'Đóng' in a 768 px window");
            assertThat(((Number) organiser.js("return arguments[0].scrollHeight", overlay)).intValue()).isLessThanOrEqualTo(HEIGHT);
            WebElement code = organiser.await("qr-join-code");
            assertThat(code.getText()).hasSize(6);
            assertThat((String) organiser.js("return getComputedStyle(arguments[0]).color", code))
                    .as("the code is not white on white").isNotEqualTo("rgb(255, 255, 255)");
            assertNoBlockingViolation(organiser, "QR overlay open");
            close.click();
            organiser.until("the overlay closes", () -> organiser.all("qr-overlay").isEmpty());
        }
    }

    // The secretary's times and the conclusion deadline: Vietnamese order too.
    @Test
    void theSecretaryConsoleHasNoBlockingViolationAndNoLocaleDateField() {
        try (WsClient socket = WsClient.connect(server.port());
             Screen secretary = Screen.open("staff-secretary", WIDTH, HEIGHT, 0, "en-US")) {
            JsonNode meeting = meetingInProgress(2, socket);
            secretary.go(link(meeting, "secretary"));
            secretary.await("floor");
            assertThat(secretary.driver.findElements(By.cssSelector("input[type='date'], input[type='datetime-local'], input[type='time']")))
                    .as("the conclusion deadline is typed dd/mm/yyyy").isEmpty();
            WebElement minute = secretary.await("minute-draft");
            minute.sendKeys("Khai mạc hội nghị.\n");
            secretary.awaitText("ok", "Đã ghi vào biên bản");
            secretary.until("the entry shows its time as HH:MM", () -> secretary.all("minute").stream()
                    .allMatch(e -> e.findElement(By.tagName("time")).getText().matches("\\d\\d:\\d\\d")));
            assertNoBlockingViolation(secretary, "minutes written");
            secretary.shot("minutes");
        }
    }

    @Test
    void theSecretaryCorrectsALineOfTheMinutesAndTheEarlierTextIsKept() {
        try (WsClient socket = WsClient.connect(server.port());
             Screen secretary = Screen.open("staff-secretary-correct", WIDTH, HEIGHT, 0)) {
            JsonNode meeting = meetingInProgress(1, socket);
            secretary.go(link(meeting, "secretary"));
            secretary.await("minute-draft").sendKeys("Ông An đề nghị sửa đường thôn Broch dài 3 km.\n");
            secretary.awaitText("minutes", "dài 3 km");
            assertThat(secretary.driver.findElements(By.cssSelector("li.auto [data-test='minute-correct']")))
                    .as("automatic lines are not the secretary's to correct").isEmpty();
            secretary.click("minute-correct");
            WebElement text = secretary.await("minute-correct-text");
            assertThat(text.getDomProperty("value")).isEqualTo("Ông An đề nghị sửa đường thôn Broch dài 3 km.");
            text.clear();
            text.sendKeys("Ông An đề nghị sửa đường thôn Broch dài 2 km.");
            secretary.click("minute-correct-save");
            secretary.awaitText("ok", "Đã sửa dòng biên bản");
            secretary.awaitText("minutes", "dài 2 km");
            assertThat(secretary.text("minutes")).doesNotContain("dài 3 km");
            secretary.driver.findElement(By.cssSelector("details.earlier summary")).click();
            secretary.awaitText("minute-earlier", "dài 3 km");
            // The record has both: the correction is an event of its own.
            JsonNode state = rest.get("/api/meetings/" + meeting.path("meetingId").asText()).body().path("state");
            JsonNode corrected = null;
            for (JsonNode m : state.path("minutes")) {
                if (m.path("text").asText().contains("dài 2 km")) {
                    corrected = m;
                }
            }
            assertThat(corrected).isNotNull();
            assertThat(corrected.path("earlierTexts").toString()).contains("dài 3 km");
            assertNoBlockingViolation(secretary, "a line corrected");
            secretary.shot("minute-corrected");
        }
    }

    /** The scheduled time the server keeps for the one meeting of this commune. */
    private java.time.Instant storedSchedule(String commune) {
        for (JsonNode c : rest.get("/api/communes").body()) {
            if (commune.equals(c.path("name").asText())) {
                JsonNode meetings = rest.get("/api/communes/" + c.path("id").asText() + "/meetings").body();
                return java.time.Instant.parse(meetings.get(0).path("scheduledAt").asText());
            }
        }
        throw new AssertionError("no commune " + commune);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
