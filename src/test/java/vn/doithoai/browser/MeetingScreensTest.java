package vn.doithoai.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The five screens in real headless Chromium against a real server: a whole meeting driven through the
 * screens only, hostile text, the one clock and the phone's first load. One browser per screen, shared
 * by the tests of this class; screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingScreensTest {

    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    static final long PHONE_FIRST_LOAD_LIMIT = 150 * 1024;

    private Server server;
    private String base;
    private Screen organiser;
    private Screen chair;
    private Screen secretary;
    private Screen display;
    private final Screen[] phones = new Screen[3];
    private final List<Screen> screens = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        base = server.publicUrl();
        // Some screens' clocks are set wrong on purpose: the countdowns must still agree.
        organiser = keep(Screen.open("organiser", 1440, 1000, 0));
        chair = keep(Screen.open("chair", 1440, 1000, 0));
        secretary = keep(Screen.open("secretary", 1440, 1000, 2500));
        display = keep(Screen.open("display", 1920, 1080, 7000));
        for (int i = 0; i < phones.length; i++) {
            phones[i] = keep(Screen.open("phone" + (i + 1), 360, 640, i == 0 ? -4000 : 0));
        }
    }

    private Screen keep(Screen screen) {
        screens.add(screen);
        return screen;
    }

    @AfterAll
    void stop() throws Exception {
        screens.forEach(Screen::close);
        if (server != null) {
            server.close();
        }
    }

    /** The organiser signs in and creates a meeting through the organiser page; returns its links. */
    private Map<String, String> organiserCreatesAMeeting(String title, int slotSeconds, boolean screenshots) {
        organiser.go(base + "/organiser");
        organiser.until("the page knows whether someone is signed in (the session cookie stays from the first meeting)",
                () -> !organiser.all("sign-in").isEmpty() || !organiser.all("who").isEmpty());
        if (!organiser.all("sign-in").isEmpty()) {
            organiser.signIn("admin", "wrong-password");
            organiser.awaitText("sign-in-error", "Tên đăng nhập hoặc mật khẩu không đúng");
            organiser.signIn("admin", Organiser.SECRET);
            WebElement communeForm = organiser.await("commune-form");
            organiser.fill(communeForm, Map.of("name", "Xã Ia Băng", "province", "Gia Lai"));
            communeForm.findElement(By.tagName("button")).click();
        }
        organiser.click("new-meeting");
        WebElement form = organiser.await("setup-form");
        organiser.fill(form, Map.of("title", title, "topic", "Phát triển kinh tế - xã hội, quốc phòng, an ninh",
                "venue", "Hội trường xã (thôn Broch)", "chairs", "Bí thư Đảng ủy, Chủ tịch HĐND xã",
                "hostOffice", "Văn phòng HĐND và UBND xã", "slotSeconds", String.valueOf(slotSeconds),
                "warningSeconds", "10", "scheduledDate", "20/10/2026", "scheduledTime", "08:00"));
        organiser.click("setup-submit");
        organiser.await("link-chair");
        organiser.until("the meeting is listed", () -> organiser.text("meetings").contains(title));
        if (screenshots) {
            organiser.shot("meeting-created");
        }
        var links = new java.util.HashMap<String, String>();
        for (String role : List.of("chair", "secretary", "display", "join")) {
            links.put(role, organiser.await("link-" + role).getDomProperty("value"));
        }
        links.put("code", organiser.text("join-code"));
        return links;
    }

    private void openStaffScreens(Map<String, String> links) {
        chair.go(links.get("chair"));
        secretary.go(links.get("secretary"));
        display.go(links.get("display"));
        for (Screen s : List.of(chair, secretary, display)) {
            s.await("floor");
        }
    }

    private void register(Screen phone, Map<String, String> values) {
        WebElement form = phone.await("register");
        phone.fill(form, values);
        phone.click("register-submit");
        phone.awaitText("notice", "Đã đăng ký");
    }

    /** A key pressed with the focus on the page, outside any field (a click on the floor box puts it there). */
    private static void shortcut(Screen screen, String key) {
        new Actions(screen.driver).sendKeys(screen.await("floor"), key).perform();
    }

    @Test
    void aWholeMeetingRunsThroughTheScreensOnly() {
        Map<String, String> links = organiserCreatesAMeeting("Hội nghị đối thoại trực tiếp với Nhân dân xã Ia Băng", 300, true);
        String code = links.get("code");
        assertThat(code).hasSize(6);
        organiser.click("show-qr");
        organiser.await("qr-overlay");
        organiser.shot("qr-full-screen");
        organiser.click("qr-overlay");

        openStaffScreens(links);
        phones[0].go(links.get("join"));                      // scanned: /j/CODE leads to the phone page
        phones[1].go(base + "/phone");                        // typed the code
        phones[1].driver.executeScript("localStorage.clear()");
        phones[1].go(base + "/phone");
        phones[1].await("join-code").sendKeys(code.toLowerCase());
        phones[1].click("join-submit");
        phones[2].go(base + "/phone#join=" + code);
        for (Screen phone : phones) {
            phone.awaitText("floor", "Chưa có ai phát biểu");
        }
        phones[0].shot("joined-before-registration");
        display.shot("before-start");

        // The chair opens registration; phones register, with validation first.
        chair.click("open-registration");
        phones[0].await("register-submit").click();
        assertThat(phones[0].text("error-name")).contains("Vui lòng nhập họ và tên");
        assertThat(phones[0].text("error-topic")).contains("nội dung");
        phones[0].shot("validation");
        register(phones[0], Map.of("name", "Nguyễn Văn An", "village", "Thôn Broch", "group", "Nông dân",
                "topic", "Đường liên thôn xuống cấp", "summary", "Đề nghị sửa đoạn đường 2 km trước mùa mưa"));
        register(phones[1], Map.of("name", "Rơ Chăm H'Bia", "village", "Làng Bi", "topic", "Nước sinh hoạt"));
        register(phones[2], Map.of("name", "Siu Thuấn", "village", "Làng Dơ Lâm", "topic", "Đất sản xuất"));
        phones[2].awaitText("mine", "Thứ tự: 3");
        phones[2].clickAndConfirm("withdraw");
        phones[2].awaitText("mine", "Đã rút");

        WebElement desk = secretary.await("desk-form");
        secretary.fill(desk, Map.of("name", "Y Nhân", "village", "Thôn Broch", "topic", "Chế độ người có công",
                "phone", "0905 123 456", "note", "Người cao tuổi, cần hỗ trợ lên bục"));
        secretary.click("desk-submit");
        chair.awaitText("queue", "Y Nhân");
        assertThat(chair.text("queue")).contains("Nguyễn Văn An", "Đường liên thôn xuống cấp", "Thôn Broch",
                "Đề nghị sửa đoạn đường 2 km", "Người cao tuổi");
        display.awaitText("next", "Y Nhân");
        assertThat(display.driver.getPageSource()).doesNotContain("0905 123 456", "Người cao tuổi");
        assertThat(phones[1].driver.getPageSource()).doesNotContain("0905 123 456", "Người cao tuổi");
        phones[0].awaitText("you-are-next", "Bạn là người tiếp theo");
        assertThat(phones[0].text("wait")).isEqualTo("Chờ khoảng 1 phút");
        assertThat(phones[1].text("place")).isEqualTo("Thứ tự: 2");
        assertThat(phones[1].text("wait")).isEqualTo("Chờ khoảng 5 phút");
        phones[1].shot("waiting-place-2");

        // The secretary corrects a topic; the chair moves the desk registration up, then back.
        secretary.all("edit-topic").get(2).click();
        WebElement topic = secretary.await("topic-input");
        topic.clear();
        topic.sendKeys("Chế độ chính sách người có công");
        secretary.click("topic-save");
        chair.awaitText("queue", "Chế độ chính sách người có công");
        chair.all("move-up").get(2).click();
        chair.until("Y Nhân moved to second", () -> chair.all("queue-item").get(1).getText().contains("Y Nhân"));
        chair.all("move-down").get(1).click();
        chair.until("Y Nhân moved back", () -> chair.all("queue-item").get(2).getText().contains("Y Nhân"));

        // The program: opening, the report, then citizens speak.
        chair.click("start-meeting");
        chair.click("next-step");
        chair.awaitText("step", "2.");
        chair.click("next-step");
        display.awaitText("step", "3.");
        chair.shot("queue-ready");

        // The first speaker gets a 3-second slot from the console and runs out of time.
        WebElement seconds = chair.await("call-seconds");
        seconds.clear();
        seconds.sendKeys("3");
        shortcut(chair, "n");
        chair.awaitText("floor-name", "Nguyễn Văn An");
        display.awaitText("floor-name", "Nguyễn Văn An");
        phones[0].awaitText("floor", "Mời bạn phát biểu");
        chair.click("slot-start");
        phones[0].await("my-countdown");
        phones[0].shot("own-countdown");
        display.until("the display shows overtime", () -> display.text("countdown").startsWith("+"), java.time.Duration.ofSeconds(10));
        assertThat(display.await("countdown").getAttribute("class")).contains("over");
        display.shot("overtime");
        chair.shot("overtime");
        phones[0].shot("overtime");

        // The secretary writes minutes for that speech.
        WebElement minute = secretary.await("minute-draft");
        minute.sendKeys("Ông An đề nghị sửa đường liên thôn trước mùa mưa.");
        minute.sendKeys(Keys.ENTER);
        secretary.awaitText("minutes", "Ông An đề nghị sửa đường liên thôn");
        assertThat(secretary.text("writing-for")).contains("Nguyễn Văn An");
        chair.click("slot-end");
        phones[0].awaitText("mine", "Đã phát biểu");

        // A responder answers that speech.
        WebElement responder = chair.await("responder-form");
        chair.fill(responder, Map.of("name", "Trần Văn Bình", "office", "Trưởng phòng Kinh tế"));
        chair.click("responder-submit");
        display.awaitText("floor-name", "Trần Văn Bình");
        chair.click("slot-start");
        display.awaitText("floor", "Đang trả lời");
        display.shot("responder");
        secretary.await("minute-draft").sendKeys("Phòng Kinh tế tiếp thu, sẽ khảo sát trong tháng 11." + Keys.ENTER);
        secretary.awaitText("minutes", "Phòng Kinh tế tiếp thu");
        chair.click("slot-end");

        // The second speaker, with the keyboard: next, start, pause, resume, one more minute.
        seconds = chair.await("call-seconds");
        seconds.clear();
        seconds.sendKeys("300");
        shortcut(chair, "n");
        chair.awaitText("floor-name", "Rơ Chăm H'Bia");
        shortcut(chair, " ");
        chair.await("slot-pause");
        shortcut(chair, " ");
        chair.await("slot-resume");
        shortcut(chair, "+");
        display.until("the paused slot shows 6:00", () -> display.text("countdown").equals("6:00"));
        shortcut(chair, " ");
        chair.await("slot-pause");
        phones[1].await("my-countdown");
        chair.shot("speaking-with-shortcuts");
        assertThat(chair.text("shortcuts")).contains("N", "+");
        chair.click("slot-end");

        // A conclusion, recorded by the chair, reaches the display.
        WebElement conclusion = chair.await("conclusion-form");
        chair.fill(conclusion, Map.of("text", "Giao Phòng Kinh tế khảo sát, sửa đường liên thôn Broch.", "office", "Phòng Kinh tế"));
        new org.openqa.selenium.support.ui.Select(conclusion.findElement(By.name("outcome"))).selectByValue("ASSIGNED");
        conclusion.findElement(By.name("turnIds")).click();
        chair.click("conclusion-submit");
        display.awaitText("conclusions", "Giao Phòng Kinh tế khảo sát");
        assertThat(display.text("conclusions")).contains("Giao xử lý", "Phòng Kinh tế");
        display.shot("conclusion");

        // The desk registration is refused with a ground of plan 004; then the queue is empty and the
        // chair sees the server's own message when calling next.
        chair.all("refuse").get(0).click();
        chair.await("reason-form").findElement(By.cssSelector("input[value='CASE_FINALLY_DECIDED']")).click();
        chair.click("reason-submit");
        chair.until("the queue is empty", () -> chair.all("queue-item").isEmpty());
        chair.click("call-next");
        chair.awaitText("error", "Không còn ai trong danh sách chờ phát biểu");
        chair.shot("server-refusal");
        secretary.awaitText("minutes", "Khiếu kiện đã có quyết định giải quyết cuối cùng");
        secretary.shot("minutes");

        // The last step and the close.
        chair.click("next-step");
        chair.clickAndConfirm("close-meeting");
        for (Screen s : List.of(chair, secretary)) {
            s.awaitText("status", "Đã kết thúc");
        }
        phones[0].awaitText("mine", "Đã phát biểu");
        phones[0].until("the phone says the meeting ended", () -> phones[0].driver.getPageSource().contains("Hội nghị đã kết thúc"));
        display.awaitText("closed", "Hội nghị đã kết thúc");
        display.shot("closed");
        phones[0].shot("closed");
        chair.shot("closed");

        // The language switch, remembered after a reload.
        phones[0].click("lang");
        phones[0].awaitText("ended", "The meeting has ended");
        phones[0].go(links.get("join"));
        phones[0].awaitText("ended", "The meeting has ended");
        phones[0].shot("english");
        phones[0].click("lang");
        phones[0].awaitText("ended", "Hội nghị đã kết thúc");
    }

    @Test
    void aNameAndSummaryThatLookLikeHtmlShowAsTextOnEveryScreen() {
        Map<String, String> links = organiserCreatesAMeeting("Hội nghị kiểm tra nội dung lạ", 300, false);
        openStaffScreens(links);
        phones[0].go(links.get("join"));
        chair.click("open-registration");
        register(phones[0], Map.of("name", HOSTILE, "village", HOSTILE, "topic", HOSTILE, "summary", HOSTILE));
        WebElement desk = secretary.await("desk-form");
        secretary.fill(desk, Map.of("name", "Y " + HOSTILE, "village", "Làng Bi", "topic", HOSTILE, "note", HOSTILE));
        secretary.click("desk-submit");
        chair.click("start-meeting");

        chair.awaitText("queue", "Y " + HOSTILE);
        secretary.awaitText("queue", "Y " + HOSTILE);
        display.awaitText("next", HOSTILE);
        phones[0].awaitText("mine", HOSTILE);
        assertThat(chair.text("queue")).contains(HOSTILE + " · " + HOSTILE);
        chair.click("call-next");
        display.awaitText("floor-name", HOSTILE);
        phones[0].awaitText("floor", HOSTILE);
        secretary.awaitText("floor", HOSTILE);

        assertThat(display.js("return getComputedStyle(document.querySelector(\"[data-test='floor-name']\")).unicodeBidi"))
                .as("user text is isolated in its own direction").isEqualTo("isolate");
        for (Screen s : List.of(chair, secretary, display, phones[0])) {
            assertThat(s.driver.findElements(By.cssSelector("img[src='x']"))).as(s.name).isEmpty();
            assertThatThrownBy(() -> s.driver.switchTo().alert()).as(s.name).isInstanceOf(NoAlertPresentException.class);
            s.shot("hostile-text");
        }
    }

    @Test
    void theCountdownsOnAllOpenScreensAgreeWithin100Milliseconds() throws Exception {
        Map<String, String> links = organiserCreatesAMeeting("Hội nghị kiểm tra đồng hồ", 300, false);
        openStaffScreens(links);
        phones[0].go(links.get("join"));
        chair.click("open-registration");
        register(phones[0], Map.of("name", "Lê Thị Mai", "village", "Thôn Broch", "topic", "Đồng hồ"));
        chair.click("start-meeting");
        chair.click("call-next");
        chair.click("slot-start");
        List<Screen> clocks = List.of(chair, secretary, display, phones[0]);
        for (Screen s : clocks) {
            s.await(s == phones[0] ? "my-countdown" : "countdown");
        }
        Thread.sleep(1500); // a few pings: each screen measures its offset to the server

        // When, on the real clock, each screen's countdown reaches zero (its Date.now() is skewed).
        long[] zeroAt = new long[clocks.size()];
        for (int i = 0; i < clocks.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> clock = (Map<String, Object>) clocks.get(i).js("return window.doithoaiClock()");
            long local = ((Number) clock.get("local")).longValue();
            double remaining = ((Number) clock.get("remaining")).doubleValue();
            zeroAt[i] = Math.round(local - clocks.get(i).skewMs + remaining);
        }
        long spread = java.util.Arrays.stream(zeroAt).max().orElseThrow() - java.util.Arrays.stream(zeroAt).min().orElseThrow();
        System.out.println("[clock] countdowns of " + clocks.size() + " screens (skews 0, +2500, +7000, -4000 ms) agree within " + spread + " ms");
        assertThat(spread).isLessThan(100);
        chair.click("slot-end");
    }

    @Test
    void thePhonesFirstLoadStaysUnder150KB() {
        Map<String, String> links = organiserCreatesAMeeting("Hội nghị kiểm tra dung lượng", 300, false);
        Screen phone = phones[2];
        phone.driver.executeCdpCommand("Network.enable", Map.of());
        phone.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        phone.go(links.get("join"));
        phone.awaitText("floor", "Chưa có ai phát biểu");
        long bytes = ((Number) phone.js("""
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return entries.reduce((sum, e) => sum + e.transferSize, 0);""")).longValue();
        @SuppressWarnings("unchecked")
        List<String> files = (List<String>) phone.js("return performance.getEntriesByType('resource').map(e => e.name + ' ' + e.transferSize)");
        System.out.println("[phone] first load: " + bytes + " bytes transferred in " + (files.size() + 1) + " requests " + files);
        assertThat(bytes).isPositive().isLessThan(PHONE_FIRST_LOAD_LIMIT);
    }
}
