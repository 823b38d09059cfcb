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
 * Petitions on the staff screens of a 1366×768 laptop and on a phone: the organiser puts the
 * commune's petitions on the agenda, the chair sees beside the speaker the petition's field, its
 * office and the answer that office prepared (one click opens it), links a code to a registration,
 * and names the petitions a conclusion answers; a phone gives its petition's code when registering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionsAtTheMeetingScreensTest {

    private static final int WIDTH = 1366;
    private static final int HEIGHT = 768;
    private static final String PREPARED = "Phòng Kinh tế đã trình UBND xã phương án đo đạc lại ranh giới thửa đất giáp suối"
            + " trong quý III năm 2026; kinh phí do ngân sách xã bảo đảm.";

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

    private record Meeting(JsonNode created, String communeId) {
        String id() {
            return created.path("meetingId").asText();
        }
    }

    private Meeting meeting(String commune) {
        String communeId = rest.post("/api/communes", Map.of("name", commune, "province", "Gia Lai")).body().path("id").asText();
        Organiser.Reply created = rest.post("/api/communes/" + communeId + "/meetings",
                Map.of("title", "Hội nghị đối thoại trực tiếp với Nhân dân " + commune));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Meeting(created.body(), communeId);
    }

    private JsonNode petition(Meeting m, String village, String field, String content) {
        Organiser.Reply reply = rest.post("/api/communes/" + m.communeId() + "/petitions", Map.of(
                "citizen", Map.of("name", "Rơ Châm H'Bia", "villageOrOrganisation", village),
                "channel", "FRONT", "fieldCode", field, "competence", "COMMUNE", "content", content));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.body().path("petition");
    }

    private JsonNode preparedPetition(Meeting m) {
        JsonNode land = petition(m, "Làng Chuet 1", "dat-dai", "Đề nghị đo đạc lại ranh giới thửa đất giáp suối");
        String id = land.path("id").asText();
        assertThat(rest.post("/api/petitions/" + id + "/assign", Map.of("officeName", "Phòng Kinh tế")).status()).isEqualTo(200);
        assertThat(rest.post("/api/petitions/" + id + "/draft", Map.of("text", PREPARED)).status()).isEqualTo(200);
        return land;
    }

    private static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
    }

    @Test
    void theChairOpensThePreparedAnswerBesideTheSpeakerAndNamesThePetitionsItsConclusionAnswers() {
        Meeting m = meeting("Xã Ia Băng");
        JsonNode land = preparedPetition(m);
        JsonNode road = petition(m, "Làng Bi", "ha-tang", "Đường vào khu sản xuất bị sạt lở");
        assertThat(rest.put("/api/meetings/" + m.id() + "/agenda",
                Map.of("petitionIds", List.of(land.path("id"), road.path("id")))).status()).isEqualTo(200);
        String landCode = land.path("trackingCode").asText();
        String roadCode = road.path("trackingCode").asText();

        try (WsClient socket = WsClient.connect(server.port());
             Screen chair = Screen.open("chair-petitions", WIDTH, HEIGHT, 0)) {
            socket.helloWithToken(Organiser.token(m.created(), "chair"), null);
            ok(socket.command("OpenRegistration", null));
            ok(socket.command("RegisterAtDesk", Map.of("name", "Rơ Châm H'Bia", "village", "Làng Chuet 1",
                    "topic", "Ranh giới đất giáp suối", "petitionCode", landCode.toLowerCase())));
            ok(socket.command("RegisterAtDesk", Map.of("name", "Siu Thuấn", "village", "Làng Dơ Lâm",
                    "topic", "Giấy chứng nhận quyền sử dụng đất", "petitionCode", "KN-2345-6789")));
            ok(socket.command("RegisterAtDesk", Map.of("name", "Ksor Ban", "village", "Làng Bi", "topic", "Đường sạt lở")));
            ok(socket.command("StartMeeting", null));
            ok(socket.command("CallNext", null));

            chair.go(m.created().path("links").path("chair").asText());
            chair.awaitText("floor-name", "Rơ Châm H'Bia");
            WebElement floor = chair.await("floor-petition");
            assertThat(floor.getText()).contains(landCode, "Đất đai", "Phòng Kinh tế");
            WebElement answer = floor.findElement(By.cssSelector("[data-test='prepared-answer']"));
            assertThat(answer.isDisplayed()).as("folded until asked for").isFalse();
            floor.findElement(By.cssSelector("[data-test='prepared'] summary")).click();
            chair.until("the prepared answer shows", answer::isDisplayed);
            assertThat(answer.getText()).isEqualTo(PREPARED);
            chair.awaitText("not-on-agenda", "chưa có trong chương trình");
            chair.shotAs("chair-prepared-answer.png");
            chair.until("the answer stays open across redraws", () -> {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return answer.isDisplayed();
            });
            assertNoBlockingViolation(chair, "prepared answer open");

            // The chair links the road petition to Ksor Ban, who forgot the code.
            WebElement ksor = chair.all("queue-item").stream().filter(e -> e.getText().contains("Ksor Ban")).findFirst().orElseThrow();
            ksor.findElement(By.cssSelector("[data-test='link']")).click();
            WebElement code = chair.await("link-code");
            code.sendKeys(roadCode.replace("-", " ").toLowerCase());
            chair.click("link-save");
            chair.until("the road petition shows beside Ksor Ban", () -> chair.all("queue-item").stream()
                    .anyMatch(e -> e.getText().contains("Ksor Ban") && e.getText().contains("Hạ tầng, giao thông")));

            // The conclusion offers the speaker's petition and the agenda's; the chair ticks both.
            WebElement form = chair.await("conclusion-form");
            form.findElement(By.name("text")).sendKeys("Giao Phòng Kinh tế đo đạc lại ranh giới trong quý III.");
            List<WebElement> boxes = form.findElements(By.cssSelector("[data-test='conclusion-petition']"));
            assertThat(boxes).extracting(b -> b.getDomAttribute("value")).containsExactly(landCode, roadCode);
            boxes.forEach(WebElement::click);
            chair.click("conclusion-submit");
            JsonNode recorded = socket.awaitEvent("ConclusionRecorded");
            assertThat(recorded.path("data").path("petitionCodes").toString()).contains(landCode, roadCode);
            assertNoBlockingViolation(chair, "conclusion recorded");
        }
    }

    @Test
    void theOrganiserPutsPetitionsOnTheAgendaAndRefreshesTheirPreparedAnswers() {
        Meeting m = meeting("Xã Kiến Minh");
        JsonNode land = preparedPetition(m);
        petition(m, "Làng Bi", "ha-tang", "Đường vào khu sản xuất bị sạt lở");
        try (Screen organiser = Screen.open("organiser-agenda", WIDTH, HEIGHT, 0)) {
            organiser.go(server.publicUrl() + "/organiser").signIn("admin", Organiser.SECRET);
            WebElement commune = organiser.await("commune");
            new org.openqa.selenium.support.ui.Select(commune).selectByVisibleText("Xã Kiến Minh — Gia Lai");
            organiser.awaitText("meetings", "Kiến Minh").findElement(By.cssSelector("[data-test='meeting']")).click();
            organiser.await("agenda");
            organiser.awaitText("agenda", "Chưa có kiến nghị nào");
            organiser.fill(organiser.await("agenda-search"), Map.of("q", "ranh gioi"));
            organiser.click("agenda-find");
            organiser.until("one petition found", () -> organiser.driver
                    .findElements(By.cssSelector("[data-test='agenda-found'] [data-test='agenda-tick']")).size() == 1);
            organiser.driver.findElement(By.cssSelector("[data-test='agenda-found'] [data-test='agenda-tick']")).click();
            organiser.await("agenda-unsaved");
            organiser.click("agenda-save");
            organiser.awaitText("agenda-message", "Đã lưu 1 kiến nghị");
            organiser.awaitText("agenda-list", land.path("trackingCode").asText());
            organiser.awaitText("agenda-list", "có trả lời chuẩn bị");
            assertThat(rest.get("/api/meetings/" + m.id() + "/agenda").body().path("items").get(0).path("preparedAnswer").asText())
                    .isEqualTo(PREPARED);

            assertThat(rest.post("/api/petitions/" + land.path("id").asText() + "/draft", Map.of("text", "Bản mới.")).status())
                    .isEqualTo(200);
            organiser.click("agenda-refresh");
            organiser.awaitText("agenda-message", "Đã cập nhật trả lời chuẩn bị của 1 kiến nghị");
            assertThat(rest.get("/api/meetings/" + m.id() + "/agenda").body().path("items").get(0).path("preparedAnswer").asText())
                    .isEqualTo("Bản mới.");
            organiser.shot("agenda");
            assertNoBlockingViolation(organiser, "agenda saved");
        }
    }

    @Test
    void aPhoneGivesItsPetitionsCodeWhenRegisteringAndSeesItWithItsRegistration() {
        Meeting m = meeting("Xã Ia Tôr");
        JsonNode land = preparedPetition(m);
        try (WsClient socket = WsClient.connect(server.port());
             Screen phone = Screen.open("phone-petition", 390, 844, 0)) {
            socket.helloWithToken(Organiser.token(m.created(), "chair"), null);
            ok(socket.command("OpenRegistration", null));
            phone.go(m.created().path("links").path("join").asText());
            WebElement form = phone.await("register");
            phone.fill(form, Map.of("name", "Rơ Châm H'Bia", "village", "Làng Chuet 1", "topic", "Ranh giới đất",
                    "petitionCode", "KN-12"));
            phone.click("register-submit");
            phone.awaitText("error-petitionCode", "KN-XXXX-XXXX");
            phone.fill(phone.await("register"), Map.of("petitionCode", land.path("trackingCode").asText().toLowerCase().replace("-", " ")));
            phone.click("register-submit");
            phone.awaitText("my-petition", land.path("trackingCode").asText());
            assertThat(phone.driver.getPageSource()).doesNotContain(PREPARED);
            assertNoBlockingViolation(phone, "registered with a petition code");
        }
    }
}
