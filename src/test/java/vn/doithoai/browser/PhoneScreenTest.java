package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * The attendee's phone, as a tester saw it on a 360×740 phone: one's own state first and in view
 * once registered, a lost link said within 3 s, what became of one's registrations after the
 * close, Vietnamese by default on a phone kept in English. Staff act through a WebSocket client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneScreenTest {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 740;

    private Server server;
    private Organiser organiser;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        organiser = new Organiser(server.port());
    }

    @AfterEach
    void closeScreens() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private JsonNode meeting(String title) {
        return organiser.communeWithMeeting(Map.of("title", title, "scheduledAt", "2026-10-15T01:00:00Z"));
    }

    private WsClient chair(JsonNode meeting) {
        WsClient chair = keep(WsClient.connect(server.port()));
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        return chair;
    }

    private static JsonNode ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
        return answer;
    }

    /** Someone else, registered from another phone (through the protocol). */
    private void someoneElseRegisters(JsonNode meeting, String name, String village, String topic) {
        WsClient other = keep(WsClient.connect(server.port()));
        other.helloWithJoinCode(meeting.path("joinCode").asText(), null, null);
        ok(other.command("Register", Map.of("name", name, "village", village, "topic", topic)));
    }

    private Screen phone(String name) {
        return keep(Screen.open(name, WIDTH, HEIGHT, 0));
    }

    private static String joinLink(JsonNode meeting) {
        return meeting.path("links").path("join").asText();
    }

    /** Registers through the phone's form, opening it with "Register another" when it is put away. */
    private static void register(Screen phone, String name, String village, String topic) {
        phone.until("the form or the button to open it", () -> !phone.all("register").isEmpty() || !phone.all("register-more").isEmpty());
        if (phone.all("register").isEmpty()) {
            phone.click("register-more");
        }
        WebElement form = phone.await("register");
        phone.fill(form, Map.of("name", name, "village", village, "topic", topic));
        phone.click("register-submit");
        phone.awaitText("notice", "Đã đăng ký");
    }

    /** Whether the element is wholly on the screen as it is now, without scrolling. */
    private static boolean inView(Screen screen, String testId) {
        return Boolean.TRUE.equals(screen.js("""
                const e = document.querySelector(arguments[0]);
                if (!e) return false;
                const r = e.getBoundingClientRect();
                return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;""",
                "[data-test='" + testId + "']"));
    }

    private static void assertInView(Screen screen, String... testIds) {
        for (String id : testIds) {
            assertThat(inView(screen, id)).as("%s: '%s' is in view at the top, without scrolling", screen.name, id).isTrue();
        }
    }

    @Test
    void onceRegisteredThePhoneShowsItsOwnStateAtTheTopAndTheFormOnlyOnRequest() {
        JsonNode meeting = meeting("Hội nghị đối thoại trực tiếp với Nhân dân xã Ia Băng năm 2026");
        WsClient chair = chair(meeting);
        ok(chair.command("OpenRegistration", null));
        someoneElseRegisters(meeting, "Rơ Chăm H'Bia", "Làng Bi", "Nước sinh hoạt");
        Screen phone = phone("own-phone");
        phone.go(joinLink(meeting));
        phone.await("register");
        phone.shot("form");

        // Registered: the emptied form is gone, the place, the people ahead and the wait are on top.
        register(phone, "Nguyễn Văn An", "Thôn Broch", "Đường liên thôn xuống cấp");
        phone.awaitText("place", "Thứ tự: 2");
        assertThat(phone.all("register")).as("the form, once registered").isEmpty();
        assertThat(phone.js("return window.scrollY")).isEqualTo(0L);
        assertThat(phone.text("mine")).contains("1 người trước bạn", "Chờ khoảng");
        assertThat(phone.text("ahead")).isEqualTo("1 người trước bạn");
        assertInView(phone, "notice", "place", "ahead", "wait", "withdraw");
        phone.shot("registered-waiting");
        assertNoBlockingViolation(phone, "registered, waiting");

        // Another registration only on request, and the form can be put away again.
        phone.click("register-more");
        phone.await("register");
        phone.click("register-cancel");
        phone.until("the form is put away", () -> phone.all("register").isEmpty());
        phone.await("register-more");

        ok(chair.command("StartMeeting", null));
        ok(chair.command("CallNext", null));
        phone.awaitText("you-are-next", "Bạn là người tiếp theo");
        assertInView(phone, "you-are-next", "place");
        phone.shot("you-are-next");
        assertNoBlockingViolation(phone, "next");

        // Called while looking down the page: the phone brings the call to the top.
        phone.js("window.scrollTo(0, document.body.scrollHeight)");
        assertThat(((Number) phone.js("return window.scrollY")).longValue()).as("the page scrolled down").isPositive();
        ok(chair.command("CallNext", null));
        phone.awaitText("floor", "Mời bạn phát biểu");
        phone.until("the page back at the top", () -> ((Number) phone.js("return window.scrollY")).longValue() == 0);
        assertInView(phone, "floor");
        phone.shot("called");
        assertNoBlockingViolation(phone, "called");

        ok(chair.command("StartSlot", null));
        phone.await("my-countdown");
        assertInView(phone, "floor", "my-countdown");
        String fontSize = (String) phone.js("return getComputedStyle(document.querySelector(\"[data-test='my-countdown']\")).fontSize");
        assertThat(Double.parseDouble(fontSize.replace("px", ""))).as("the own countdown's size in px").isGreaterThanOrEqualTo(48);
        phone.shot("speaking");
        assertNoBlockingViolation(phone, "speaking");

        // Stopped by the chair: the phone says so, with the ground and the chair's words.
        ok(chair.command("StopSpeaker", Map.of("ground", "BREAKS_RULES", "text", "Nói ngoài nội dung đã đăng ký")));
        phone.awaitText("stop-reason", "Nói ngoài nội dung đã đăng ký");
        assertThat(phone.text("stop-reason")).contains("Vi phạm nội quy, quy định đối thoại");
        assertInView(phone, "stop-reason");
        phone.shot("stopped");
        assertNoBlockingViolation(phone, "stopped");
    }

    @Test
    void aCutLinkIsShownWithin3SecondsTheCountdownsAreMarkedUnsureAndComeBackRight() throws Exception {
        JsonNode meeting = meeting("Hội nghị kiểm tra mất kết nối");
        WsClient chair = chair(meeting);
        CuttableLink link = keep(new CuttableLink(server.port()));
        String viaLink = "http://localhost:" + link.port();
        Screen phone = phone("cut-phone");
        Screen display = keep(Screen.open("cut-display", 1280, 720, 0));
        ok(chair.command("OpenRegistration", null));
        phone.go(viaLink + "/j/" + meeting.path("joinCode").asText());
        display.go(viaLink + "/display#token=" + Organiser.token(meeting, "display"));
        register(phone, "Lê Thị Mai", "Thôn Broch", "Điện chiếu sáng");
        phone.await("place");
        ok(chair.command("StartMeeting", null));
        ok(chair.command("CallNext", null));
        ok(chair.command("StartSlot", null));
        phone.await("my-countdown");
        display.await("countdown");
        Thread.sleep(1500); // a few pings answered: the link is known good

        // Each page notes, on its own clock (this machine's), when its banner appears and its body is marked.
        for (Screen s : List.of(phone, display)) {
            s.js("""
                    window.lostSaidAt = null;
                    const said = () => document.body.classList.contains('unsure') && document.querySelector("[data-test='connection']");
                    new MutationObserver(() => { if (!window.lostSaidAt && said()) window.lostSaidAt = Date.now(); })
                        .observe(document.body, { attributes: true, childList: true, subtree: true });""");
        }
        long cutAt = System.currentTimeMillis();
        link.cut();
        for (Screen s : List.of(phone, display)) {
            s.until("the lost link said", () -> s.js("return window.lostSaidAt") != null, Duration.ofSeconds(10));
            long saidAfter = ((Number) s.js("return window.lostSaidAt")).longValue() - cutAt;
            System.out.println("[link] " + s.name + " said the link was lost " + saidAfter + " ms after the cut");
            assertThat(saidAfter).as("%s: ms from the cut to the banner and the unsure countdown", s.name).isBetween(0L, 3000L);
            assertThat(s.text("connection")).contains("Mất kết nối — đang kết nối lại");
        }
        assertThat(phone.js("return getComputedStyle(document.querySelector(\"[data-test='my-countdown']\"), '::after').content"))
                .isEqualTo("\"?\"");
        assertThat(display.js("return getComputedStyle(document.querySelector(\"[data-test='countdown']\"), '::after').content"))
                .isEqualTo("\"?\"");
        phone.shot("link-cut");
        display.shot("link-cut");

        // Meanwhile the chair gives one more minute: the screens still count to the old deadline.
        int from = chair.count();
        ok(chair.command("ExtendSlot", Map.of("seconds", 60)));
        String deadline = chair.awaitFrom(from, f -> "SlotExtended".equals(f.path("name").asText())).path("data").path("deadline").asText();
        Thread.sleep(Math.max(0, 10_000 - (System.currentTimeMillis() - cutAt)));
        link.restore();

        for (Screen s : List.of(phone, display)) {
            s.until("back online", () -> s.all("connection").isEmpty()
                    && Boolean.FALSE.equals(s.js("return document.body.classList.contains('unsure')")), Duration.ofSeconds(10));
            s.until("the extended deadline", () -> deadline.equals(s.js("return doithoaiState().state.floor.deadline")));
        }
        long expectedSeconds = (Instant.parse(deadline).toEpochMilli() - System.currentTimeMillis()) / 1000;
        assertThat(seconds(phone.text("my-countdown"))).isBetween(expectedSeconds - 2, expectedSeconds + 2);
        assertThat(seconds(display.text("countdown"))).isBetween(expectedSeconds - 2, expectedSeconds + 2);
        phone.shot("link-back");
        display.shot("link-back");
    }

    private static long seconds(String countdown) {
        String[] parts = countdown.replace("+", "").split(":");
        return Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]);
    }

    @Test
    void afterTheCloseThePhoneSaysTheMeetingEndedAndWhatBecameOfEachOfItsRegistrations() {
        JsonNode meeting = meeting("Hội nghị kiểm tra bế mạc");
        WsClient chair = chair(meeting);
        ok(chair.command("OpenRegistration", null));
        Screen phone = phone("closed-phone");
        phone.go(joinLink(meeting));
        register(phone, "Nguyễn Văn An", "Thôn Broch", "Đường liên thôn xuống cấp");
        phone.awaitText("place", "Thứ tự: 1");
        register(phone, "Nguyễn Văn An", "Thôn Broch", "Trường mẫu giáo dột nát");
        phone.awaitText("mine", "Thứ tự: 2");
        register(phone, "Nguyễn Văn An", "Thôn Broch", "Giá phân bón");
        phone.awaitText("mine", "Thứ tự: 3");
        List<WebElement> withdraw = phone.all("withdraw");
        withdraw.get(1).click();
        new WebDriverWait(phone.driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        phone.awaitText("mine", "Đã rút đăng ký này");

        ok(chair.command("StartMeeting", null));
        int from = chair.count();
        ok(chair.command("CallNext", null));
        int turnId = chair.awaitFrom(from, f -> "SpeakerCalled".equals(f.path("name").asText())).path("data").path("turnId").asInt();
        ok(chair.command("StartSlot", null));
        ok(chair.command("EndSlot", null));
        ok(chair.command("RecordConclusion", Map.of("text", "Giao UBND xã sửa đường liên thôn Broch trước mùa mưa",
                "outcome", "ASSIGNED", "office", "UBND xã", "turnIds", List.of(turnId))));
        ok(chair.command("CloseMeeting", null));

        phone.awaitText("ended", "Hội nghị đã kết thúc");
        String mine = phone.text("mine");
        assertThat(mine).contains("Đường liên thôn xuống cấp", "Đã phát biểu", "Giao xử lý",
                "Giao UBND xã sửa đường liên thôn Broch trước mùa mưa",
                "Trường mẫu giáo dột nát", "Đã rút đăng ký này",
                "Giá phân bón", "Chưa đến lượt khi hội nghị kết thúc");
        assertThat(phone.text("conclusions")).contains("Kết luận của hội nghị", "Giao UBND xã sửa đường liên thôn Broch");
        assertThat(phone.driver.getPageSource()).doesNotContain("Danh sách chờ", "Chưa có ai đăng ký");
        assertThat(phone.all("withdraw")).isEmpty();
        assertInView(phone, "ended");
        phone.shot("closed");
        assertNoBlockingViolation(phone, "closed");
    }

    @Test
    void aPhoneKeptInEnglishOpensInVietnameseWithTheSwitchInViewAndTheEnglishReadsRight() {
        JsonNode meeting = meeting("Hội nghị kiểm tra ngôn ngữ");
        WsClient chair = chair(meeting);
        ok(chair.command("OpenRegistration", null));
        ok(chair.command("StartMeeting", null));
        someoneElseRegisters(meeting, "Rơ Chăm H'Bia", "Làng Bi", "Nước sinh hoạt");
        Screen phone = keep(Screen.open("english-phone", WIDTH, HEIGHT, 0, "en-US"));
        phone.go(server.publicUrl() + "/phone");
        assertThat((String) phone.js("return navigator.language")).startsWith("en");
        phone.await("join-code");
        assertThat(phone.driver.getPageSource()).contains("Tham gia hội nghị đối thoại");
        assertThat(phone.js("return document.documentElement.lang")).isEqualTo("vi");
        assertInView(phone, "lang");
        phone.shot("english-phone-join");

        phone.go(joinLink(meeting));
        phone.await("register");
        assertThat(phone.driver.getPageSource()).contains("Đăng ký phát biểu", "Gửi đăng ký");
        assertInView(phone, "lang");
        register(phone, "John Nguyen", "Thôn Broch", "Đèn đường");
        phone.awaitText("place", "Thứ tự: 2");

        phone.click("lang");
        phone.awaitText("place", "Place in queue: 2");
        assertThat(phone.text("mine")).contains("1 person ahead of you");
        assertThat(phone.driver.findElement(By.tagName("body")).getText()).contains("Step 1:");
        assertThat(phone.text("notice")).isEqualTo("Registered. Please wait for your turn.");
        assertInView(phone, "lang");
        phone.shot("english-waiting");
        phone.click("lang");
        phone.awaitText("place", "Thứ tự: 2");
    }

    /**
     * A TCP relay between the browsers and the server that can be cut like a network: bytes stop
     * in both directions and nothing is closed, so a page gets no close event, as on a phone whose
     * Wi-Fi or cell drops. New connections made during the cut hang too. On restore, what was held
     * goes through.
     */
    static final class CuttableLink implements AutoCloseable {

        private final ServerSocket listener;
        private final int target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final Object gate = new Object();
        private boolean cut;

        CuttableLink(int target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon("link-accept", this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        void cut() {
            synchronized (gate) {
                cut = true;
            }
        }

        void restore() {
            synchronized (gate) {
                cut = false;
                gate.notifyAll();
            }
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket browser = listener.accept();
                    Socket toServer = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(browser);
                    sockets.add(toServer);
                    pump(browser, toServer);
                    pump(toServer, browser);
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void pump(Socket from, Socket to) {
            daemon("link-pump", () -> {
                byte[] buffer = new byte[16 * 1024];
                try (from; to) {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        awaitLink();
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // one side closed: the try closes both
                }
            });
        }

        private static void daemon(String name, Runnable body) {
            Thread thread = new Thread(body, name);
            thread.setDaemon(true);
            thread.start();
        }

        private void awaitLink() throws InterruptedException {
            synchronized (gate) {
                while (cut) {
                    gate.wait();
                }
            }
        }

        @Override
        public void close() throws IOException {
            restore();
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
