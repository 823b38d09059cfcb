package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * The yearly plan's page as staff use it: on a 1366×768 laptop an administrator adds a dialogue,
 * sets it up as a meeting and sees the month's figures change; on a 360 px phone the upper level
 * reads the same plan with no control to change it. Both in Vietnamese first, checked with axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanScreenTest {

    private static final String PASSWORD = "mat-khau-du-dai";

    private Server server;
    private StaffClient admin;
    private String communeId;

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        communeId = admin.post("/api/communes", Map.of("name", "Xã Kiến Minh", "province", "Hải Phòng")).body().path("id").asText();
        admin.put(plan() + "/target", Map.of("direct", 3, "byKind", Map.of("PERIODIC", 2, "THEMATIC", 1)));
        admin.post(plan() + "/dialogues", Map.of("kind", "PERIODIC", "theme", "Hội nghị tiếp xúc, đối thoại với Nhân dân trên địa bàn xã",
                "group", "Nhân dân", "month", 6, "chair", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã", "venue", "Trụ sở Đảng ủy - UBND xã"));
        admin.post(plan() + "/dialogues", Map.of("kind", "PERIODIC", "theme", "Hội nghị tiếp xúc, đối thoại với đại diện cán bộ, đảng viên và Nhân dân",
                "month", 8, "chair", "Bí thư Đảng ủy, Chủ tịch HĐND xã", "hostOffice", "Văn phòng Đảng ủy"));
        var viewer = new HashMap<String, Object>(Map.of("login", "huyen", "name", "Trần Thị Huyện", "role", "UPPER_VIEWER", "password", PASSWORD));
        assertThat(admin.post("/api/accounts", viewer).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String plan() {
        return "/api/communes/" + communeId + "/plans/2026";
    }

    /** Signs this browser in through the API, as the organiser's sign-in form would, then opens the plan. */
    private void signInAndOpen(Screen screen, String login, String password) {
        screen.go(server.publicUrl() + "/plan");
        screen.until("the page without a session sends the browser to the organiser's sign-in",
                () -> screen.driver.getCurrentUrl().endsWith("/organiser") && "complete".equals(screen.js("return document.readyState")));
        Object status = screen.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/session', {method: 'POST', headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({login: arguments[0], password: arguments[1]})}).then(r => done(r.status));""", login, password);
        assertThat(((Number) status).intValue()).isEqualTo(200);
        screen.go(server.publicUrl() + "/plan#commune=" + communeId + "&year=2026");
        screen.awaitText("target", "3 cuộc đối thoại trực tiếp");
    }

    private static void save(Screen screen, String file) {
        try {
            Files.createDirectories(Screen.SHOTS);
            Files.write(Screen.SHOTS.resolve(file), screen.driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cells(Screen screen, String row) {
        return screen.await(row).findElements(By.cssSelector("td")).stream().limit(4).map(WebElement::getText)
                .reduce((a, b) -> a + "/" + b).orElse("");
    }

    @Test
    void anAdministratorAddsADialogueSetsItUpAndSeesTheMonthCountIt() {
        try (Screen laptop = Screen.open("plan-laptop", 1366, 768, 0)) {
            signInAndOpen(laptop, "admin", Organiser.SECRET);
            assertThat(laptop.text("target")).isEqualTo("3 cuộc đối thoại trực tiếp (Định kỳ 2, Chuyên đề 1)");
            assertThat(cells(laptop, "month-6")).isEqualTo("1/0/0/0");
            assertThat(laptop.all("dialogue")).hasSize(2);

            WebElement form = laptop.await("dialogue-form");
            new Select(form.findElement(By.name("kind"))).selectByValue("THEMATIC");
            new Select(form.findElement(By.name("month"))).selectByValue("10");
            laptop.fill(form, Map.of("theme", "Hội nghị tiếp xúc, đối thoại với doanh nghiệp trên địa bàn xã",
                    "group", "doanh nghiệp, hợp tác xã", "chair", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
                    "venue", "Trụ sở Đảng ủy - UBND xã"));
            new Select(form.findElement(By.name("hostOfficeId"))).selectByVisibleText("Văn phòng HĐND và UBND xã");
            laptop.click("dialogue-submit");
            laptop.until("three dialogues", () -> laptop.all("dialogue").size() == 3);
            laptop.until("October counts one planned", () -> cells(laptop, "month-10").equals("1/0/0/0"));
            WebElement october = laptop.all("dialogue").get(2);
            assertThat(october.getText()).contains("Tháng 10/2026", "Chuyên đề", "doanh nghiệp, hợp tác xã",
                    "Văn phòng HĐND và UBND xã", "Chưa tạo hội nghị");

            october.findElement(Screen.test("set-up")).click();
            WebElement meeting = laptop.await("meeting-form");
            assertThat(meeting.findElement(By.name("title")).getDomProperty("value"))
                    .isEqualTo("Hội nghị tiếp xúc, đối thoại với doanh nghiệp trên địa bàn xã");
            laptop.fill(meeting, Map.of("date", "15/10/2026", "time", "08:00"));
            laptop.click("meeting-submit");
            String joinCode = laptop.await("created-join-code").getText();
            assertThat(joinCode).hasSize(6);
            assertThat(laptop.await("created-link-chair").getDomProperty("value")).contains("/chair#token=");
            laptop.until("October counts one set up", () -> cells(laptop, "month-10").equals("1/1/0/0"));
            assertThat(laptop.all("dialogue").get(2).getText()).contains("Mã tham gia " + joinCode, "15/10/2026 08:00", "Chưa bắt đầu");
            assertThat(cells(laptop, "totals")).isEqualTo("3 / 3/1/0/0");
            JsonNode meetings = admin.get("/api/communes/" + communeId + "/meetings").body();
            assertThat(meetings.get(0).path("scheduledAt").asText()).isEqualTo("2026-10-15T01:00:00Z");

            Map<?, ?> page = (Map<?, ?>) laptop.js("return {width: document.scrollingElement.scrollWidth};");
            assertThat(((Number) page.get("width")).intValue()).as("no horizontal scroll at 1366 px").isLessThanOrEqualTo(1366);
            save(laptop, "plan-1366-created.png");
            assertNoBlockingViolation(laptop, "a meeting just set up, its links shown");
            laptop.click("created-close");
            laptop.until("the links are put away", () -> laptop.all("created").isEmpty());
            save(laptop, "plan-1366.png");
            assertNoBlockingViolation(laptop, "the plan with a meeting set up");

            setTarget(laptop, "4");
            laptop.awaitText("target", "4 cuộc đối thoại trực tiếp (Định kỳ 2, Chuyên đề 1)");
            laptop.until("the year's planned against the new target", () -> cells(laptop, "totals").equals("3 / 4/1/0/0"));
            setTarget(laptop, "3");
            laptop.awaitText("target", "3 cuộc đối thoại trực tiếp (Định kỳ 2, Chuyên đề 1)");

            laptop.click("lang");
            laptop.awaitText("target", "3 direct dialogues (Periodic 2, Thematic 1)");
            assertThat(laptop.text("held-vs-target")).isEqualTo("Held 0 of the 3 dialogues of the target");
            laptop.click("lang");
            laptop.awaitText("target", "3 cuộc đối thoại trực tiếp");

            // August is edited to a guest office, then cancelled with its reason; it stays in the list.
            laptop.all("dialogue").get(1).findElement(Screen.test("edit")).click();
            WebElement edit = laptop.await("dialogue-edit-form");
            assertThat(edit.findElement(By.name("hostOffice")).getDomProperty("value")).isEqualTo("Văn phòng Đảng ủy");
            laptop.fill(edit, Map.of("hostOffice", "Ban Tuyên giáo và Dân vận Thành ủy"));
            laptop.click("dialogue-save");
            laptop.awaitText("dialogue", "Ban Tuyên giáo và Dân vận Thành ủy");
            laptop.all("dialogue").get(1).findElement(Screen.test("cancel")).click();
            laptop.fill(laptop.await("cancel-form"), Map.of("reason", "Trùng lịch tiếp xúc cử tri"));
            laptop.click("cancel-submit");
            laptop.awaitText("dialogue-state", "Đã hủy: Trùng lịch tiếp xúc cử tri");
            laptop.until("August no longer counts", () -> cells(laptop, "month-8").equals("0/0/0/0"));
            assertThat(laptop.all("dialogue")).hasSize(3);
            assertNoBlockingViolation(laptop, "a dialogue cancelled");
        }
    }

    private static void setTarget(Screen screen, String direct) {
        if (screen.all("target-form").stream().noneMatch(WebElement::isDisplayed)) {
            screen.click("target-edit");
        }
        screen.fill(screen.await("target-form"), Map.of("direct", direct));
        screen.click("target-submit");
    }

    @Test
    void theUpperLevelReadsThePlanOnAPhoneWithNothingToChange() {
        try (Screen phone = Screen.open("plan-phone", 360, 740, 0)) {
            signInAndOpen(phone, "huyen", PASSWORD);
            phone.awaitText("read-only", "Bạn chỉ được xem kế hoạch này.");
            assertThat(phone.all("dialogue")).hasSizeGreaterThanOrEqualTo(2);
            for (String control : new String[] {"target-form", "dialogue-form", "set-up", "edit", "cancel"}) {
                assertThat(phone.all(control)).as(control).isEmpty();
            }
            Map<?, ?> page = (Map<?, ?>) phone.js("return {width: document.scrollingElement.scrollWidth};");
            assertThat(((Number) page.get("width")).intValue()).as("no horizontal scroll at 360 px").isLessThanOrEqualTo(360);
            save(phone, "plan-360.png");
            phone.js("arguments[0].scrollIntoView()", phone.await("progress"));
            save(phone, "plan-360-progress.png");
            assertNoBlockingViolation(phone, "read only");
        }
    }
}
