package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * axe-core finds no critical or serious violation on any screen, each seen in the state a person
 * meets it in: the organiser signed in with a meeting made, the staff consoles and the display with
 * a speaker on the floor, the phone registered and waiting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTest {

    private Server server;
    private String base;
    private JsonNode meeting;

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        base = server.publicUrl();
        meeting = new Organiser(server.port()).communeWithMeeting(Map.of(
                "title", "Hội nghị đối thoại trực tiếp với Nhân dân", "scheduledAt", "2026-10-15T01:00:00Z"));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String link(String role) {
        return meeting.path("links").path(role).asText();
    }

    @Test
    void theOrganiserPageSignedInWithAMeetingHasNoBlockingViolation() {
        try (Screen organiser = Screen.open("a11y-organiser", 1366, 768, 0)) {
            organiser.go(base + "/organiser").await("sign-in");
            assertNoBlockingViolation(organiser, "sign-in");
            organiser.signIn("admin", Organiser.SECRET);
            organiser.until("the commune is listed", () -> organiser.driver.getPageSource().contains("Xã Ia Băng"));
            assertNoBlockingViolation(organiser, "signed in");
        }
    }

    @Test
    void theChairConsoleHasNoBlockingViolation() {
        try (Screen chair = Screen.open("a11y-chair", 1366, 768, 0)) {
            chair.go(link("chair")).await("floor");
            assertNoBlockingViolation(chair, "open");
        }
    }

    @Test
    void theSecretaryConsoleHasNoBlockingViolation() {
        try (Screen secretary = Screen.open("a11y-secretary", 1366, 768, 0)) {
            secretary.go(link("secretary")).await("floor");
            assertNoBlockingViolation(secretary, "open");
        }
    }

    @Test
    void theHallDisplayHasNoBlockingViolation() {
        try (Screen display = Screen.open("a11y-display", 1920, 1080, 0)) {
            display.go(link("display")).await("floor");
            assertNoBlockingViolation(display, "open");
        }
    }

    @Test
    void thePhoneHasNoBlockingViolationBeforeAndAfterRegistering() {
        try (Screen phone = Screen.open("a11y-phone", 360, 740, 0)) {
            phone.go(base + "/j/" + meeting.path("joinCode").asText());
            assertNoBlockingViolation(phone, "joined");
            List<WebElement> forms = phone.all("register");
            if (!forms.isEmpty()) {
                phone.fill(forms.get(0), Map.of("name", "Nguyễn Văn A", "village", "Thôn 1", "topic", "Đường giao thông"));
                assertNoBlockingViolation(phone, "form filled");
            }
        }
    }
}
