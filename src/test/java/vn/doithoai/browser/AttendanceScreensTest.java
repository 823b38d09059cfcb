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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * Attendance as people see it: the door's page on a cheap 360 px phone, the head count on the
 * chair's console and the hall display, the secretary finding an invited person by a name typed
 * without diacritics, and the invitation slips as they print on A4.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceScreensTest {

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

    private record Invited(JsonNode meeting, Map<String, String> codes) {
        String link(String role) {
            return meeting.path("links").path(role).asText();
        }

        String id() {
            return meeting.path("meetingId").asText();
        }
    }

    /** A meeting with two delegates and the people two villages invite; their codes by name. */
    private Invited meetingWithInvitations() {
        JsonNode meeting = rest.communeWithMeeting(Map.of("title", "Hội nghị đối thoại trực tiếp với Nhân dân xã Ia Băng năm 2026",
                "scheduledAt", "2026-10-15T01:00:00Z", "venue", "Hội trường Ban Chấp hành Đảng bộ xã (thôn Broch)"));
        String path = "/api/meetings/" + meeting.path("meetingId").asText() + "/invitations";
        var codes = new java.util.LinkedHashMap<String, String>();
        List<Map<String, Object>> people = List.of(
                Map.of("kind", "DELEGATE", "name", "Rơ Mah Thuận", "title", "Trưởng Công an xã", "office", "Công an xã"),
                Map.of("kind", "DELEGATE", "name", "Nguyễn Thị Hồng Nhung", "title", "Chủ tịch", "office", "Ủy ban MTTQ Việt Nam xã"),
                Map.of("kind", "INVITEE", "name", "Nguyễn Văn An", "village", "Thôn Broch"),
                Map.of("kind", "INVITEE", "name", "Lê Thị Hòa", "village", "Thôn Broch"),
                Map.of("kind", "INVITEE", "name", "Đinh Văn Nguyên", "village", "Thôn Broch"),
                Map.of("kind", "INVITEE", "name", "Rơ Chăm H'Bia", "village", "Làng Bi"),
                Map.of("kind", "INVITEE", "name", "Ksor Y Nhân", "village", "Làng Bi"));
        for (Map<String, Object> person : people) {
            Organiser.Reply added = rest.post(path, person);
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            codes.put((String) person.get("name"), added.body().path("code").asText());
        }
        return new Invited(meeting, codes);
    }

    private static int pageWidth(Screen screen) {
        return ((Number) screen.js("return document.scrollingElement.scrollWidth")).intValue();
    }

    @Test
    void theDoorChecksPeopleInByTheirCodeOnA360PixelPhoneAndRefusesASecondTimePolitely() {
        Invited invited = meetingWithInvitations();
        try (Screen door = Screen.open("door", 360, 740, 0)) {
            door.go(invited.link("door"));
            door.awaitText("head-count", "Có mặt: 0");

            WebElement code = door.await("code");
            String hoa = invited.codes().get("Lê Thị Hòa");
            code.sendKeys(hoa.toLowerCase().substring(0, 3) + " " + hoa.substring(3));
            door.click("check-in");
            assertThat(door.awaitText("result", "Đã điểm danh").getText()).contains("Lê Thị Hòa", "Thôn Broch");
            door.awaitText("head-count", "Có mặt: 1");
            door.awaitText("head-count", "khách mời 1/5");
            door.awaitText("recent", "Lê Thị Hòa");
            assertThat(door.await("code").getDomProperty("value")).as("the field is ready for the next person").isEmpty();

            door.await("code").sendKeys(invited.codes().get("Rơ Mah Thuận"));
            door.click("check-in");
            assertThat(door.awaitText("result", "Rơ Mah Thuận").getText()).contains("Đại biểu · Trưởng Công an xã, Công an xã");

            door.await("code").sendKeys(hoa);
            door.click("check-in");
            assertThat(door.awaitText("result", "đã điểm danh lúc").getText()).startsWith("Lê Thị Hòa đã điểm danh lúc ");
            assertThat(pageWidth(door)).as("nothing wider than the phone").isLessThanOrEqualTo(360);
            door.shotAs("door-360.png");
            assertNoBlockingViolation(door, "a second check-in refused");

            door.await("code").sendKeys("ZZZZZ");
            door.click("check-in");
            door.awaitText("result", "Không có giấy mời nào mang mã ZZZZZ");

            door.driver.findElement(By.cssSelector("[data-test=walk-in] summary")).click();
            WebElement walkIn = door.driver.findElement(By.cssSelector("[data-test=walk-in] form"));
            door.fill(walkIn, Map.of("village", "Làng Bi"));
            door.click("walk-in-submit");
            door.awaitText("result", "Đã đếm 1 người không có giấy mời");
            door.awaitText("head-count", "không có giấy mời 1");
            assertNoBlockingViolation(door, "walk-in counted");

            door.js("document.querySelector('[data-test=lang]').click()");
            door.awaitText("head-count", "Present: 3");
        }
    }

    @Test
    void theChairAndTheHallSeeTheHeadCountLiveAndTheSecretaryFindsAPersonByANameWithoutDiacritics() throws Exception {
        Invited invited = meetingWithInvitations();
        try (WsClient door = WsClient.connect(server.port());
             Screen chair = Screen.open("attendance-chair", 1366, 768, 0);
             Screen secretary = Screen.open("attendance-secretary", 1366, 768, 0);
             Screen display = Screen.open("attendance-display", 1920, 1080, 0)) {
            door.helloWithToken(Organiser.token(invited.meeting(), "door"), null);
            chair.go(invited.link("chair"));
            secretary.go(invited.link("secretary"));
            display.go(invited.link("display"));
            chair.awaitText("head-count", "Có mặt: 0");
            display.awaitText("head-count", "Có mặt: 0");

            assertThat(door.command("CheckIn", Map.of("code", invited.codes().get("Nguyễn Văn An"))).path("type").asText()).isEqualTo("ack");
            assertThat(door.command("CheckIn", Map.of("code", invited.codes().get("Rơ Mah Thuận"))).path("type").asText()).isEqualTo("ack");
            assertThat(chair.awaitText("head-count", "Có mặt: 2").getText())
                    .contains("đại biểu 1/2", "khách mời 1/5");
            display.awaitText("head-count", "Có mặt: 2");
            assertThat(display.text("head-count")).doesNotContain("Nguyễn Văn An");
            chair.shot("head-count");
            display.shot("head-count");
            assertNoBlockingViolation(chair, "head count");

            // At the desk: "nguyen" finds both Nguyễns and Đinh Văn Nguyên; the one already in says since when.
            WebElement search = secretary.await("invitee-search");
            search.sendKeys("nguyen");
            secretary.until("three matches", () -> secretary.all("invitee-match").size() == 3);
            assertThat(secretary.awaitText("invitee-match", "Nguyễn Văn An").getText()).contains("đã điểm danh lúc");
            search.clear();
            search.sendKeys("HONG NHUNG");
            secretary.until("one match", () -> secretary.all("invitee-match").size() == 1);
            secretary.click("desk-check-in");
            secretary.awaitText("ok", "Đã điểm danh Nguyễn Thị Hồng Nhung");
            chair.awaitText("head-count", "đại biểu 2/2");
            secretary.shot("desk-check-in");
            assertNoBlockingViolation(secretary, "desk check-in");
        }
    }

    @Test
    void theInvitationSlipsCarryEachPersonsCodeAndQrCodeAndPrintThreeAcrossOnA4() {
        Invited invited = meetingWithInvitations();
        try (Screen page = Screen.open("invitations", 794, 1123, 0)) {
            page.go("http://localhost:" + server.port() + "/organiser");
            page.signIn("admin", Organiser.SECRET);
            page.await("commune");
            page.go("http://localhost:" + server.port() + "/invitations#meeting=" + invited.id());
            page.until("seven slips", () -> page.all("slip").size() == 7);
            assertThat(page.all("group")).extracting(WebElement::getText)
                    .satisfies(groups -> assertThat(groups.get(0)).startsWith("Đại biểu"))
                    .satisfies(groups -> assertThat(groups.get(1)).startsWith("Làng Bi"))
                    .satisfies(groups -> assertThat(groups.get(2)).startsWith("Thôn Broch"));
            assertThat(page.all("slip-code")).extracting(WebElement::getText)
                    .containsAll(invited.codes().values());
            assertThat(page.all("slip").get(0).findElement(By.cssSelector("img")).getDomProperty("naturalWidth"))
                    .as("the QR code is drawn").isNotEqualTo("0");
            assertNoBlockingViolation(page, "on screen");

            page.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            page.until("the toolbar is not printed", () -> !page.driver.findElement(By.cssSelector("header.bar")).isDisplayed());
            List<WebElement> broch = page.all("slip").subList(4, 7); // Thôn Broch's three
            int sheet = page.await("sheet").getRect().getWidth();
            assertThat(broch).extracting(slip -> slip.getRect().getY()).as("three across").containsOnly(broch.get(0).getRect().getY());
            assertThat(broch.get(0).getRect().getWidth()).as("a third of the sheet").isBetween(sheet / 4, sheet / 3);
            page.shotAs("invitations-print.png");
        }
    }

    @Test
    void theOrganiserKeepsTheInvitationListOnItsPageAndOpensTheSlipsToPrint() {
        Invited invited = meetingWithInvitations();
        String communeId = rest.get("/api/meetings/" + invited.id()).body().path("meeting").path("communeId").asText();
        try (Screen organiser = Screen.open("attendance-organiser", 1366, 768, 0)) {
            organiser.go("http://localhost:" + server.port() + "/organiser");
            organiser.signIn("admin", Organiser.SECRET);
            organiser.await("commune");
            organiser.js("const s = document.querySelector('[data-test=commune]'); s.value = arguments[0];"
                    + " s.dispatchEvent(new Event('change'));", communeId);
            organiser.until("the meeting is listed", () -> organiser.all("meeting").size() == 1);
            organiser.click("meeting");
            organiser.until("seven invitations", () -> organiser.all("invitation").size() == 7);

            WebElement form = organiser.await("invite-form");
            organiser.fill(form, Map.of("name", "Siu Thuấn", "village", "Làng Bi"));
            organiser.click("invite-submit");
            assertThat(organiser.awaitText("invite-message", "Đã mời Siu Thuấn, mã ").getText()).matches(".*mã [A-Z0-9]{5}$");
            organiser.until("eight invitations", () -> organiser.all("invitation").size() == 8);
            assertThat(organiser.await("invite-village").getDomProperty("value")).as("the village stays for the next one").isEqualTo("Làng Bi");
            assertNoBlockingViolation(organiser, "invitation list");

            organiser.clickAndConfirm("uninvite");
            organiser.until("seven invitations again", () -> organiser.all("invitation").size() == 7);
            organiser.shot("invitations");

            organiser.click("print-invitations");
            organiser.until("the slips", () -> organiser.all("slip").size() == 7);
        }
    }
}
