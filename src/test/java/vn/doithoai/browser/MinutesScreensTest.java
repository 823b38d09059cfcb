package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.doithoai.app.Server;
import vn.doithoai.documents.MinutesDocx;
import vn.doithoai.documents.MinutesOfMeeting;
import vn.doithoai.meeting.MinutesMeetings;
import vn.doithoai.meeting.MinutesSignOff;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * The minutes as people handle them: the secretary finalises them on the console after the close,
 * the chair approves them and adds an addendum, and the print page lays them out on A4 as the
 * .docx does, with nothing a citizen typed taken as markup. Where LibreOffice is installed, the .docx
 * is rendered too and its page 1 kept beside the browser's pictures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinutesScreensTest {

    private static final String TRICKY = "Chưa nhận tiền <b>x</b> { MERGEFIELD x } <img src=x onerror=alert(1)>";

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

    /** A meeting run to its close over the sockets: two speeches, an answer, a refusal, two conclusions. */
    private JsonNode closedMeeting() {
        JsonNode created = rest.communeWithMeeting(Map.of("title", "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân xã Ia Băng năm 2026",
                "scheduledAt", "2026-10-15T01:00:00Z", "venue", "Hội trường Ban Chấp hành Đảng bộ xã (thôn Broch, xã Ia Băng)",
                "topic", "Đất đai; giao thông nông thôn",
                "chairs", List.of("Đồng chí Y Đức Thành, Bí thư Đảng ủy, Chủ tịch HĐND xã"), "hostOffice", "Văn phòng Đảng ủy"));
        try (WsClient chair = WsClient.connect(server.port()); WsClient secretary = WsClient.connect(server.port())) {
            chair.helloWithToken(Organiser.token(created, "chair"), null);
            secretary.helloWithToken(Organiser.token(created, "secretary"), null);
            ack(chair.command("StartMeeting", null));
            ack(secretary.command("RecordMinute", Map.of("text", "Đồng chí Chủ tịch Ủy ban MTTQ xã tuyên bố lý do, giới thiệu đại biểu.")));
            ack(secretary.command("RegisterAtDesk", Map.of("name", "Lê Văn Hòa", "village", "Thôn Broch",
                    "topic", "Đền bù giải phóng mặt bằng", "summary", TRICKY)));
            ack(secretary.command("RegisterAtDesk", Map.of("name", "Nguyễn Thị Hồng Nhung", "village", "Làng Bi", "topic", "Nước sạch")));
            ack(secretary.command("RegisterAtDesk", Map.of("name", "Đỗ Văn Tuấn", "village", "Thôn 4", "topic", "Tranh chấp đất")));
            ack(chair.command("RefuseRegistration", Map.of("registrationId", 3, "ground", "CASE_FINALLY_DECIDED",
                    "text", "Quyết định số 45/QĐ-UBND")));
            ack(chair.command("CallNext", null));
            ack(chair.command("StartSlot", null));
            ack(chair.command("CallResponder", Map.of("name", "Ông Nguyễn Văn Bình", "office", "Công chức Địa chính - Xây dựng",
                    "answersTurnId", 1)));
            ack(chair.command("StartSlot", null));
            ack(chair.command("CallNext", null));
            ack(chair.command("StartSlot", null));
            ack(chair.command("RecordConclusion", Map.of("text", "Giao Địa chính rà soát hồ sơ đền bù, trả lời bằng văn bản.",
                    "outcome", "ASSIGNED", "office", "Địa chính - Xây dựng", "deadline", "2026-11-30", "turnIds", List.of(1))));
            ack(chair.command("RecordConclusion", Map.of("text", "Đề nghị huyện đầu tư nước sạch Làng Bi.", "outcome", "FORWARDED",
                    "office", "UBND huyện")));
            ack(chair.command("CloseMeeting", null));
        }
        return created;
    }

    private static void ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
    }

    @Test
    void theSecretaryFinalisesTheChairApprovesAndAddsAnAddendumOnTheirConsoles() {
        JsonNode meeting = closedMeeting();
        try (Screen secretary = Screen.open("minutes-secretary", 1366, 768, 0);
             Screen chair = Screen.open("minutes-chair", 1366, 768, 0)) {
            secretary.go(meeting.path("links").path("secretary").asText());
            chair.go(meeting.path("links").path("chair").asText());
            secretary.awaitText("minutes-stage", "Dự thảo");
            chair.await("waiting-for-secretary");
            assertThat(secretary.all("minute-draft")).as("lines may still be written").hasSize(1);
            assertThat(secretary.await("minutes-link").getDomAttribute("href")).isEqualTo("/minutes#meeting=" + meeting.path("meetingId").asText());

            secretary.fill(secretary.await("finalise-form"), Map.of("secretary", "Phạm Thị Lan"));
            secretary.clickAndConfirm("finalise");
            secretary.awaitText("minutes-stage", "Bản hoàn thiện");
            secretary.awaitText("finalised-by", "Thư ký Phạm Thị Lan hoàn thành ngày");
            assertThat(secretary.all("minute-draft")).as("a final text takes no new line").isEmpty();
            assertThat(secretary.all("minute-correct")).isEmpty();
            assertThat(secretary.all("conclusion-form")).isEmpty();
            secretary.await("reopen-form");
            secretary.shot("finalised");
            assertNoBlockingViolation(secretary, "finalised");

            chair.fill(chair.await("approve-form"), Map.of("chair", "Y Đức Thành"));
            chair.clickAndConfirm("approve");
            chair.awaitText("minutes-stage", "Đã phê duyệt");
            chair.awaitText("approved-by", "Chủ trì Y Đức Thành phê duyệt ngày");
            secretary.awaitText("minutes-stage", "Đã phê duyệt");

            chair.fill(chair.await("addendum-form"), Map.of("text", "Bổ sung: thời hạn kết luận số 1 là ngày 15/12/2026."));
            chair.click("addendum-submit");
            chair.awaitText("addenda", "Bổ sung: thời hạn kết luận số 1 là ngày 15/12/2026.");
            secretary.awaitText("addenda", "(Chủ trì)");
            chair.shot("approved-with-addendum");
            assertNoBlockingViolation(chair, "approved");
        }
        JsonNode minutes = rest.get("/api/meetings/" + meeting.path("meetingId").asText() + "/minutes").body();
        assertThat(minutes.path("version").path("stage").asText()).isEqualTo("APPROVED");
    }

    @Test
    void thePrintPageLaysTheMinutesOutOnA4WithTheHeaderBlockAndPrintsNoButtons() {
        JsonNode meeting = closedMeeting();
        String id = meeting.path("meetingId").asText();
        try (Screen page = Screen.open("minutes-print", 794, 1123, 0)) {
            page.go("http://localhost:" + server.port() + "/minutes#meeting=" + id);
            page.signIn("admin", Organiser.SECRET);
            WebElement paper = page.await("paper");
            assertThat(page.text("version")).isEqualTo("DỰ THẢO");
            assertThat(page.text("stage")).startsWith("Dự thảo");
            WebElement header = page.await("doc-header");
            List<WebElement> cells = header.findElements(By.cssSelector("tr:first-child > td"));
            assertThat(cells).hasSize(2);
            assertThat(cells.get(0).getText()).isEqualTo("XÃ IA BĂNG\nVĂN PHÒNG ĐẢNG ỦY");
            assertThat(cells.get(1).getText()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
            assertThat(page.text("place-date")).startsWith("Ia Băng, ngày ");

            WebElement speeches = page.await("speeches");
            assertThat(speeches.findElements(By.cssSelector("tbody tr"))).hasSize(2);
            assertThat(speeches.getText()).contains("Lê Văn Hòa", "Thôn Broch", TRICKY);
            assertThat(paper.findElements(By.cssSelector("b, img"))).as("a citizen's text is never markup").isEmpty();
            assertThat(page.await("answers").getText()).contains("Ông Nguyễn Văn Bình", "Công chức Địa chính - Xây dựng");
            assertThat(page.await("refusals").getText()).contains("Đỗ Văn Tuấn", "Quyết định số 45/QĐ-UBND");
            assertThat(page.await("conclusions").getText()).contains("30/11/2026", "UBND huyện");
            assertThat(page.text("check-code")).matches("Mã kiểm tra biên bản: [0-9a-f]{64}");
            assertThat(page.await("download").getDomAttribute("href")).isEqualTo("/api/meetings/" + id + "/minutes.docx");
            assertNoBlockingViolation(page, "on screen");

            page.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            page.until("the toolbar is not printed", () -> !page.driver.findElement(By.cssSelector("header.bar")).isDisplayed());
            assertThat(page.await("paper").isDisplayed()).isTrue();
            assertThat(page.all("print").get(0).isDisplayed()).isFalse();
            assertThat(page.driver.findElement(By.cssSelector("[data-test=stage]")).isDisplayed()).isFalse();
            assertThat((String) page.js("return getComputedStyle(document.querySelector('.paper')).fontFamily")).startsWith("\"Times New Roman\"");
            assertThat(cells.get(0).getRect().getY()).as("two columns side by side").isEqualTo(cells.get(1).getRect().getY());
            assertThat(cells.get(0).getRect().getX()).isLessThan(cells.get(1).getRect().getX());
            page.shotAs("minutes-print.png");
        }
    }

    @Test
    void theOrganiserOpensTheMinutesFromTheMeeting() {
        JsonNode meeting = closedMeeting();
        String id = meeting.path("meetingId").asText();
        String communeId = rest.get("/api/meetings/" + id).body().path("meeting").path("communeId").asText();
        try (Screen organiser = Screen.open("minutes-organiser", 1366, 768, 0)) {
            organiser.go("http://localhost:" + server.port() + "/organiser");
            organiser.signIn("admin", Organiser.SECRET);
            organiser.await("commune");
            organiser.js("const s = document.querySelector('[data-test=commune]'); s.value = arguments[0];"
                    + " s.dispatchEvent(new Event('change'));", communeId);
            organiser.until("the meeting is listed", () -> organiser.all("meeting").size() == 1);
            organiser.click("meeting");
            assertThat(organiser.text("minutes-stage")).isEqualTo("Dự thảo");
            organiser.click("minutes-link");
            organiser.awaitText("version", "DỰ THẢO");
            assertThat(organiser.driver.getCurrentUrl()).endsWith("/minutes#meeting=" + id);
        }
    }

    /** Where LibreOffice is installed: the .docx opens there, and page 1 is kept as a picture beside the browser's. */
    @Test
    void libreOfficeOpensTheDocxAndPageOneIsSavedAsAPicture() throws Exception {
        assumeTrue(onPath("soffice") && onPath("pdftoppm"), "LibreOffice (soffice) and pdftoppm are not installed");
        Path shots = Files.createDirectories(Screen.SHOTS);
        Path work = Files.createTempDirectory("minutes-docx");
        try {
            Path docx = work.resolve("bien-ban.docx");
            var out = new ByteArrayOutputStream();
            MinutesDocx.write(MinutesOfMeeting.from(MinutesMeetings.iaBang(MinutesSignOff.Stage.APPROVED), "Xã Ia Băng",
                    "3b8e0c5d".repeat(8)), out);
            Files.write(docx, out.toByteArray());
            run(work, "soffice", "-env:UserInstallation=" + work.resolve("profile").toUri(), "--headless", "--convert-to", "pdf",
                    "--outdir", work.toString(), docx.toString());
            Path pdf = work.resolve("bien-ban.pdf");
            assertThat(pdf).exists();
            run(work, "pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                    shots.resolve("minutes-page1").toAbsolutePath().toString());
            assertThat(shots.resolve("minutes-page1.png")).exists();
            if (onPath("pdftotext")) {
                run(work, "pdftotext", "-enc", "UTF-8", pdf.toString(), work.resolve("text.txt").toString());
                assertThat(Files.readString(work.resolve("text.txt"), StandardCharsets.UTF_8))
                        .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐÃ PHÊ DUYỆT",
                                "Mã kiểm tra biên bản");
            }
        } finally {
            TestPostgres.deleteRecursively(work);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void run(Path dir, String... command) throws Exception {
        Path log = dir.resolve("out.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command[0], Files.readString(log)).isZero();
    }
}
