package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.doithoai.app.Config;
import vn.doithoai.app.Server;
import vn.doithoai.codec.Json;
import vn.doithoai.support.HeldSnapshotThreads;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server restarts mid-meeting: every open screen comes back by itself, without a reload. */
class ServerRestartScreensTest {

    private final List<Screen> screens = new ArrayList<>();
    private Config config;
    private int port;
    private Server server;

    @AfterEach
    void stop() throws Exception {
        screens.forEach(Screen::close);
        if (server != null) {
            server.close();
        }
    }

    private Screen open(String name, int width, int height) {
        Screen screen = Screen.open(name, width, height, 0);
        screens.add(screen);
        return screen;
    }

    /** A server on a fresh database, with a meeting of this title. */
    private JsonNode serverWithMeeting(String title) throws Exception {
        Screen.assumeBrowserInstalled();
        config = TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET);
        server = Server.start(config);
        port = server.port();
        return new Organiser(port).communeWithMeeting(Map.of("title", title));
    }

    @Test
    void everyOpenScreenComesBackToTheSameStateAndTheSecretarysUnsavedTextIsStillThere() throws Exception {
        JsonNode created = serverWithMeeting("Hội nghị đối thoại — khởi động lại máy chủ");
        Screen chair = open("restart-chair", 1440, 1000);
        Screen secretary = open("restart-secretary", 1440, 1000);
        Screen display = open("restart-display", 1920, 1080);
        Screen phone = open("restart-phone", 360, 640);
        chair.go(created.path("links").path("chair").asText());
        secretary.go(created.path("links").path("secretary").asText());
        display.go(created.path("links").path("display").asText());
        phone.go(created.path("links").path("join").asText());

        chair.click("open-registration");
        WebElement form = phone.await("register");
        phone.fill(form, Map.of("name", "Nguyễn Thị Hoa", "village", "Thôn Broch", "topic", "Hỗ trợ giống cây trồng"));
        phone.click("register-submit");
        phone.awaitText("notice", "Đã đăng ký");
        chair.click("start-meeting");
        chair.click("call-next");
        chair.click("slot-start");
        display.await("countdown");
        phone.await("my-countdown");
        String deadline = floorDeadline(display);

        for (Screen s : screens) {
            s.js("window.sameLoad = 'yes'");
        }
        server.close();
        for (Screen s : screens) {
            s.awaitText("connection", "Mất kết nối");
        }
        // While the server is down: one line sent (kept and resent later), one still being typed.
        WebElement minute = secretary.await("minute-draft");
        minute.sendKeys("Bà Hoa trình bày về giống cây." + Keys.ENTER);
        secretary.awaitText("minute-pending", "Bà Hoa trình bày về giống cây.");
        minute.sendKeys("Dòng đang gõ dở, chưa lưu");
        secretary.shot("server-down");
        display.shot("server-down");

        server = Server.start(config.withPort(port));
        for (Screen s : screens) {
            s.until("back online", () -> s.all("connection").isEmpty(), Duration.ofSeconds(20));
        }
        secretary.awaitText("minutes", "Bà Hoa trình bày về giống cây.");
        assertThat(secretary.await("minute-draft").getDomProperty("value")).isEqualTo("Dòng đang gõ dở, chưa lưu");
        assertThat(secretary.all("minute-pending")).isEmpty();

        long seq = new Organiser(port).get("/api/meetings/" + created.path("meetingId").asText()).body().path("seq").asLong();
        for (Screen s : screens) {
            assertThat(s.js("return window.sameLoad")).as(s.name + " was not reloaded").isEqualTo("yes");
            s.until("caught up to " + seq, () -> ((Number) s.js("return doithoaiState().seq")).longValue() == seq);
            assertThat(floorDeadline(s)).as(s.name).isEqualTo(deadline);
        }
        phone.awaitText("floor", "Mời bạn phát biểu");
        display.awaitText("floor-name", "Nguyễn Thị Hoa");

        // The chair acts after the restart; every screen sees it.
        chair.click("slot-extend");
        for (Screen s : screens) {
            s.until("the extended deadline", () -> !floorDeadline(s).equals(deadline));
        }
        display.shot("after-restart");
        secretary.shot("after-restart");
    }

    /**
     * After a crash the chair's page is given the last saved state and the events stored after
     * it, before the server has read them back: it shows the meeting as it stood, while the
     * display waits for the state. The crash is made on the database: a clean stop saves the
     * state, and the saved state is then put back to an earlier one, as a crash leaves it.
     */
    @Test
    void aChairPageOpenedAfterACrashShowsTheMeetingAsItStoodBeforeTheServerHasReadItBack() throws Exception {
        // A scheduled meeting is read back when a screen asks for it, not at the start, so the test can hold the reading.
        JsonNode created = serverWithMeeting("Đối thoại — tiêu đề 1");
        String setupPath = "/api/meetings/" + created.path("meetingId").asText() + "/setup";
        assertThat(new Organiser(port).put(setupPath, Map.of("title", "Đối thoại — tiêu đề 2")).status()).isEqualTo(200);
        server.close(); // saves the state at event 2
        String savedAtTwo = savedState(2);

        server = Server.start(config.withPort(port));
        for (int i = 3; i <= 5; i++) {
            assertThat(new Organiser(port).put(setupPath, Map.of("title", "Đối thoại — tiêu đề " + i)).status()).isEqualTo(200);
        }
        server.close(); // saves it at event 5
        sql("UPDATE snapshots SET seq = 2, state = ? WHERE seq = 5", savedAtTwo);

        server = Server.start(config.withPort(port));
        Screen chair = open("crash-chair", 1440, 1000);
        Screen display = open("crash-display", 1920, 1080);
        try (var held = new HeldSnapshotThreads(server.meetingsVertx())) {
            chair.go(created.path("links").path("chair").asText());
            display.go(created.path("links").path("display").asText());
            chair.until("the meeting as it stood", () -> ((Number) chair.js("return doithoaiState().seq")).longValue() == 5);
            assertThat(chair.js("return doithoaiState().state.setup.title")).isEqualTo("Đối thoại — tiêu đề 5");
            Thread.sleep(300);
            assertThat(display.js("return doithoaiState().state")).as("the hall waits for the state").isNull();
            chair.shot("after-crash");
        }
        display.until("the state read back", () -> "Đối thoại — tiêu đề 5".equals(
                display.js("return doithoaiState().state && doithoaiState().state.setup.title")));
    }

    /** The state saved as of event {@code seq}, as stored. */
    private String savedState(long seq) throws Exception {
        try (Connection c = TestPostgres.connect(config); PreparedStatement q = c.prepareStatement("SELECT state FROM snapshots WHERE seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet rows = q.executeQuery()) {
                assertThat(rows.next()).as("a snapshot at event %d", seq).isTrue();
                return rows.getString(1);
            }
        }
    }

    private void sql(String statement, String parameter) throws Exception {
        try (Connection c = TestPostgres.connect(config); PreparedStatement update = c.prepareStatement(statement)) {
            update.setString(1, parameter);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String floorDeadline(Screen s) {
        JsonNode state = Json.tree(s.js("return doithoaiState().state"));
        return state.path("floor").path("deadline").asText();
    }
}
