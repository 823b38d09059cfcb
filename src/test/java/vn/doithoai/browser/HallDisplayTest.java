package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hall display at 1920×1080 as the back of a noisy hall sees it: a meeting driven through the
 * chair's socket, the display asserted on what it shows — words, sizes, what is cut or hidden.
 * Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HallDisplayTest {

    /** The smallest text a person at the back of a hall reads on a 1920×1080 projector. */
    static final double READABLE_PX = 24;
    static final String TITLE = "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền xã Ia Băng với Nhân dân năm 2026";

    /** Texts shown at a size under READABLE_PX: "text (px)". */
    static final String SMALL_TEXTS = """
            const out = [];
            for (const el of document.querySelectorAll('body *')) {
              const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
              if (!own || el.closest('[hidden], noscript')) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              const px = parseFloat(getComputedStyle(el).fontSize);
              if (px < arguments[0]) out.push(own + ' (' + px + ' px)');
            }
            return out;""";

    /** Texts not wholly seen: cut by an ellipsis, by an ancestor that hides its overflow, or by the screen. */
    static final String CUT_TEXTS = """
            const out = [];
            const inside = (r, box) => r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1;
            const screen = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
            for (const el of document.querySelectorAll('body *')) {
              const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
              if (!own || el.closest('[hidden], noscript')) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              const style = getComputedStyle(el);
              if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) { out.push(own + ' (ellipsis)'); continue; }
              if (!inside(r, screen)) { out.push(own + ' (off screen)'); continue; }
              for (let a = el.parentElement; a; a = a.parentElement) {
                if (getComputedStyle(a).overflow !== 'visible' && !inside(r, a.getBoundingClientRect())) { out.push(own + ' (cut)'); break; }
              }
            }
            return out;""";

    /** How many lines the first occurrence of a phrase (in one text node) takes inside an element. */
    static final String LINES_OF_PHRASE = """
            const [root, phrase] = arguments;
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const at = n.textContent.replace(/\\u00a0/g, ' ').toLowerCase().indexOf(phrase.toLowerCase());
              if (at < 0) continue;
              const range = document.createRange();
              range.setStart(n, at);
              range.setEnd(n, at + phrase.length);
              return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            }
            return -1;""";

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

    /** A new meeting; returns its creation reply (links, join code). */
    private JsonNode meeting() {
        var rules = Map.of("slotSeconds", 300, "warningSeconds", 30, "perVillageCap", 0, "firstTimersFirst", true, "responseSeconds", 300);
        Organiser.Reply created = organiser.post("/api/communes/" + communeId + "/meetings",
                Map.of("title", TITLE, "scheduledAt", "2026-10-15T01:00:00Z", "rules", rules));
        assertThat(created.status()).isEqualTo(201);
        return created.body();
    }

    private WsClient chair(JsonNode meeting) {
        WsClient chair = WsClient.connect(server.port());
        sockets.add(chair);
        assertThat(chair.helloWithToken(Organiser.token(meeting, "chair"), null).path("role").asText()).isEqualTo("CHAIR");
        return chair;
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("answer %s", answer).isEqualTo("ack");
        return answer;
    }

    private static Screen display(JsonNode meeting, String name) {
        Screen display = Screen.open(name, 1920, 1080, 0);
        display.go(meeting.path("links").path("display").asText()).await("floor");
        return display;
    }

    private static void registerNine(WsClient chair) {
        String[][] people = {
                {"Nguyễn Thị Hồng Nhung", "Thôn Broch"}, {"Rơ Chăm H'Bia", "Làng Bi"},
                {"Trần Nguyễn Hoàng Phương Thảo", "Tổ dân phố Thống Nhất Hòa Bình"}, {"Siu Thuấn", "Làng Dơ Lâm"},
                {"Ksor Y Nhân", "Buôn Ma Đrông Mới"}, {"Lê Văn Thành Trung", "Thôn Đoàn Kết Hai"},
                {"Phạm Thị Ngọc Ánh", "Làng Tơ Drăh"}, {"Đinh Công Tráng", "Thôn Ia Krêl"},
                {"Kpă Thị Hồng Nguyệt", "Buôn Chư Pơng"}};
        for (String[] p : people) {
            ack(chair.command("RegisterAtDesk", Map.of("name", p[0], "village", p[1],
                    "topic", "Đề nghị sửa chữa, nâng cấp đường giao thông liên thôn đã xuống cấp nghiêm trọng sau mùa mưa lũ")));
        }
    }

    private static void recordConclusion(WsClient chair, int n) {
        ack(chair.command("RecordConclusion", Map.of(
                "text", "Kết luận " + n + ": giao Phòng Kinh tế chủ trì, phối hợp với Ban quản lý dự án khảo sát, lập phương án sửa chữa "
                        + "đoạn đường liên thôn Broch – Làng Bi dài 2 km trước mùa mưa, báo cáo kết quả cho Thường trực HĐND xã",
                "outcome", "ASSIGNED", "office", "Phòng Kinh tế hạ tầng " + n, "deadline", "2026-12-" + (10 + n))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Screen display, String script, Object... args) {
        return (List<String>) display.js(script, args);
    }

    private static double px(Screen display, String testId, String property) {
        return ((Number) display.js("const el = document.querySelector(arguments[0]);"
                + "return parseFloat(getComputedStyle(el)[arguments[1]]);", "[data-test='" + testId + "']", property)).doubleValue();
    }

    private static double rect(Screen display, String testId, String side) {
        return ((Number) display.js("return document.querySelector(arguments[0]).getBoundingClientRect()[arguments[1]];",
                "[data-test='" + testId + "']", side)).doubleValue();
    }

    private static int linesOf(Screen display, String testId, String phrase) {
        return ((Number) display.js(LINES_OF_PHRASE, display.await(testId), phrase)).intValue();
    }

    /** What every state of the display must be: all of it readable, nothing cut, no scrolling, no axe blocker. */
    private static void assertReadableWhole(Screen display, String moment) {
        assertThat(texts(display, SMALL_TEXTS, READABLE_PX)).as("%s: texts under %s px", moment, READABLE_PX).isEmpty();
        assertThat(texts(display, CUT_TEXTS)).as("%s: texts not wholly seen", moment).isEmpty();
        assertThat(((Number) display.js("return document.documentElement.scrollHeight - innerHeight")).intValue())
                .as("%s: the display needs no scrolling", moment).isLessThanOrEqualTo(0);
        assertThat(((Number) display.js("return document.documentElement.scrollWidth - innerWidth")).intValue())
                .as("%s: nothing sticks out sideways", moment).isLessThanOrEqualTo(0);
        assertThat(Accessibility.blockingViolations(display)).as("%s: critical or serious axe-core violations", moment).isEmpty();
    }

    @Test
    void theQrCodeIsLargeWithAQuietZoneAndItsInstructionAndCodeReadWhole() {
        JsonNode meeting = meeting();
        WsClient chair = chair(meeting);
        ack(chair.command("OpenRegistration", null));
        try (Screen display = display(meeting, "display-qr")) {
            display.awaitText("step", "Đang nhận đăng ký");
            display.until("the QR image loaded", () -> Boolean.TRUE.equals(display.js(
                    "const i = document.querySelector(\"[data-test='qr']\"); return i.complete && i.naturalWidth > 0")));
            display.shot("qr-open");

            assertThat(display.await("qr").getAttribute("src")).endsWith(".svg");
            double width = rect(display, "qr", "width");
            assertThat(width).as("QR width at 1920×1080").isGreaterThanOrEqualTo(360);
            assertThat(rect(display, "qr", "height")).isEqualTo(width);
            // The server's SVG has 4 white modules round the code; on a dark screen a white frame round it
            // keeps the quiet zone even if a projector crops or bleeds the image's edge.
            assertThat(display.js("return getComputedStyle(document.querySelector(\"[data-test='qr']\")).backgroundColor"))
                    .isEqualTo("rgb(255, 255, 255)");
            assertThat(px(display, "qr", "paddingLeft")).isGreaterThanOrEqualTo(12);

            // Word groups stay on one line: "quét mã" never leaves "mã" alone.
            for (String phrase : List.of("quét mã QR", "đăng ký phát biểu", "nhập mã")) {
                assertThat(linesOf(display, "join", phrase)).as("lines of '%s'", phrase).isEqualTo(1);
            }
            String code = meeting.path("joinCode").asText();
            assertThat(display.text("join-code")).isEqualTo(code);
            assertThat(px(display, "join-code", "fontSize")).as("join code size").isGreaterThanOrEqualTo(56);
            assertThat(px(display, "join-code", "paddingLeft")).as("join code padding").isGreaterThanOrEqualTo(12);
            assertThat(px(display, "join-code", "paddingRight")).isGreaterThanOrEqualTo(12);
            assertThat(rect(display, "join-code", "right")).as("the code keeps off the screen's edge").isLessThanOrEqualTo(1920 - 24);
            assertThat(linesOf(display, "join", code)).as("the code on one line").isEqualTo(1);
            assertReadableWhole(display, "registration open");

            // The same in English (the L key: the display has no mouse).
            display.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("l");
            display.awaitText("join", "Scan the QR code");
            for (String phrase : List.of("Scan the QR code", "to register to speak", "or type the code")) {
                assertThat(linesOf(display, "join", phrase)).as("lines of '%s'", phrase).isEqualTo(1);
            }
            display.shot("qr-open-english");
            assertReadableWhole(display, "registration open, in English");
        }
    }

    @Test
    void onceTheListIsClosedTheQrPanelNoLongerInvitesToRegister() {
        JsonNode meeting = meeting();
        WsClient chair = chair(meeting);
        ack(chair.command("OpenRegistration", null));
        try (Screen display = display(meeting, "display-list-closed")) {
            display.awaitText("join", "để đăng ký phát biểu");
            ack(chair.command("CloseList", null));
            display.awaitText("join", "để theo dõi hội nghị");
            assertThat(display.text("join")).doesNotContain("đăng ký phát biểu");
            ack(chair.command("ReopenList", null));
            display.awaitText("join", "để đăng ký phát biểu");
        }
    }

    @Test
    void eightLongNamesWaitingFitWithoutScrollingAndTheListSaysWhenNoOneElseWaits() {
        JsonNode meeting = meeting();
        WsClient chair = chair(meeting);
        ack(chair.command("OpenRegistration", null));
        try (Screen display = display(meeting, "display-queue")) {
            assertThat(display.text("nobody-waiting")).contains("Chưa có người đăng ký");
            assertThat(px(display, "nobody-waiting", "fontSize")).isGreaterThanOrEqualTo(READABLE_PX);
            assertReadableWhole(display, "nobody registered");

            registerNine(chair);
            display.awaitText("next", "Nguyễn Thị Hồng Nhung");
            display.until("the queue is shown", () -> display.all("next-item").size() >= 3);
            assertReadableWhole(display, "nine waiting");
            ack(chair.command("StartMeeting", null));
            ack(chair.command("CallNext", null));
            ack(chair.command("StartSlot", null));
            display.awaitText("floor-name", "Nguyễn Thị Hồng Nhung");
            display.await("countdown");
            display.shot("eight-waiting-speaking");
            assertThat(display.all("nobody-waiting")).isEmpty();
            int shown = display.all("next-item").size();
            assertThat(shown).as("next speakers shown").isGreaterThanOrEqualTo(3);
            if (shown < 8) {
                assertThat(display.text("more-waiting")).contains(String.valueOf(8 - shown));
            }
            assertThat(px(display, "floor-name", "fontSize")).isGreaterThanOrEqualTo(72);
            assertThat(px(display, "countdown", "fontSize")).isGreaterThanOrEqualTo(200);
            assertThat(px(display, "step", "fontSize")).isGreaterThanOrEqualTo(40);
            assertReadableWhole(display, "speaking, eight waiting");

            // Everyone speaks; then "nobody registered yet" would be wrong.
            for (int i = 1; i < 9; i++) {
                ack(chair.command("CallNext", null));
            }
            ack(chair.command("EndSlot", null));
            display.awaitText("nobody-waiting", "Không còn ai chờ phát biểu");
            assertThat(display.driver.getPageSource()).doesNotContain("Chưa có người đăng ký");
            assertThat(px(display, "nobody-waiting", "fontSize")).isGreaterThanOrEqualTo(READABLE_PX);
            display.shot("no-one-waiting");
            assertReadableWhole(display, "all have spoken");
        }
    }

    @Test
    void conclusionsShowWholeWithOfficeAndDeadlineTheLatestThatFit() {
        JsonNode meeting = meeting();
        WsClient chair = chair(meeting);
        ack(chair.command("OpenRegistration", null));
        registerNine(chair);
        ack(chair.command("StartMeeting", null));
        ack(chair.command("CallNext", null));
        ack(chair.command("StartSlot", null));
        for (int n = 1; n <= 6; n++) {
            recordConclusion(chair, n);
        }
        try (Screen display = display(meeting, "display-conclusions")) {
            display.awaitText("conclusions", "Kết luận 6");
            display.shot("six-conclusions");
            List<String> shown = display.all("conclusion").stream().map(e -> e.getText()).toList();
            assertThat(shown).as("the latest first").isNotEmpty();
            assertThat(shown.get(0)).contains("Kết luận 6", "báo cáo kết quả cho Thường trực HĐND xã",
                    "Phòng Kinh tế hạ tầng 6", "16/12/2026");
            for (String c : shown) {
                assertThat(c).contains("Giao xử lý", "Phòng Kinh tế hạ tầng", "/12/2026");
            }
            assertThat(px(display, "conclusion", "fontSize")).as("conclusion size").isGreaterThanOrEqualTo(28);
            assertReadableWhole(display, "six conclusions");
        }
    }

    /** Words of Vietnamese, repeated to exactly {@code length} characters (the server's limits). */
    private static String longest(String words, int length) {
        return (words + " ").repeat(length / words.length() + 1).substring(0, length).trim();
    }

    @Test
    void theLongestNameVillageAndTopicTheServerAcceptsStillShowWhole() {
        JsonNode meeting = meeting();
        WsClient chair = chair(meeting);
        ack(chair.command("OpenRegistration", null));
        String name = longest("Nguyễn Trần Hoàng Phương", 100);
        ack(chair.command("RegisterAtDesk", Map.of("name", name, "village", longest("Tổ dân phố Thống Nhất", 100),
                "topic", longest("Đề nghị sửa chữa đường giao thông liên thôn", 200))));
        registerNine(chair);
        ack(chair.command("StartMeeting", null));
        ack(chair.command("CallNext", null));
        ack(chair.command("StartSlot", null));
        recordConclusion(chair, 1);
        try (Screen display = display(meeting, "display-longest")) {
            display.awaitText("floor-name", name.substring(0, 40));
            display.awaitText("conclusions", "Kết luận 1");
            display.shot("longest-texts");
            assertReadableWhole(display, "the longest name, village and topic");
            assertThat(display.all("next-item")).isNotEmpty();
        }
    }

    @Test
    void afterTheCloseTheDisplaySaysTheMeetingIsOverAndShowsItsConclusions() {
        JsonNode meeting = meeting();
        WsClient chair = chair(meeting);
        ack(chair.command("OpenRegistration", null));
        ack(chair.command("RegisterAtDesk", Map.of("name", "Nguyễn Văn An", "village", "Thôn Broch", "topic", "Đường liên thôn")));
        ack(chair.command("StartMeeting", null));
        ack(chair.command("AdvanceStep", null));
        try (Screen display = display(meeting, "display-closed")) {
            assertThat(display.js("const h = document.querySelectorAll('h1'); return h.length === 1 ? h[0].textContent.trim() : h.length"))
                    .isEqualTo(TITLE);
            ack(chair.command("CallNext", null));
            ack(chair.command("StartSlot", null));
            display.awaitText("floor-name", "Nguyễn Văn An");
            assertReadableWhole(display, "speaking");
            ack(chair.command("EndSlot", null));
            recordConclusion(chair, 1);
            recordConclusion(chair, 2);
            ack(chair.command("AdvanceStep", null));
            ack(chair.command("CloseMeeting", null));

            display.awaitText("closed", "Hội nghị đã kết thúc");
            assertThat(display.text("closed")).contains("The meeting has closed");
            assertThat(px(display, "closed", "fontSize")).isGreaterThanOrEqualTo(48);
            String page = display.driver.findElement(org.openqa.selenium.By.id("app")).getText();
            assertThat(page).doesNotContain("Chưa có ai phát biểu", "Chưa có người đăng ký", "Không còn ai chờ");
            assertThat(display.all("step")).allMatch(e -> !e.getText().matches("^\\d+\\..*"));
            assertThat(display.text("conclusions")).contains("Kết luận 1", "Kết luận 2", "Phòng Kinh tế hạ tầng 1", "11/12/2026",
                    "Phòng Kinh tế hạ tầng 2", "12/12/2026");
            display.shot("closed");
            assertReadableWhole(display, "closed");
        }
    }
}
