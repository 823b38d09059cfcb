package vn.doithoai.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports page at 1366×768: the administrator of all communes sees this year's figures as
 * tables and charts on canvases with no breach of the page's CSP, picks one commune, and has the three
 * downloads offered; axe-core finds nothing blocking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportScreenTest {

    private Server server;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        base = server.publicUrl();
        var admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        String commune = admin.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai")).body().path("id").asText();
        admin.post("/api/communes", Map.of("name", "Xã Kiến Minh", "province", "Gia Lai"));
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        admin.put("/api/communes/" + commune + "/plans/" + year + "/target", Map.of("direct", 3));
        for (String field : List.of("dat-dai", "dat-dai", "moi-truong")) {
            admin.post("/api/communes/" + commune + "/petitions", Map.of("citizen", Map.of("name", "A", "villageOrOrganisation", "Làng Bi"),
                    "channel", "LETTER", "fieldCode", field, "competence", "COMMUNE", "content", "Kiến nghị"));
        }
        JsonNode meeting = admin.post("/api/communes/" + commune + "/meetings", Map.of("title", "Hội nghị đối thoại")).body();
        try (WsClient chair = WsClient.connect(server.port())) {
            chair.helloWithToken(Organiser.token(meeting, "chair"), null);
            chair.command("OpenRegistration", null);
            chair.command("StartMeeting", null);
            chair.command("RecordConclusion", Map.of("text", "Đã giải thích", "outcome", "EXPLAINED", "petitionCodes", List.of()));
            assertThat(chair.command("CloseMeeting", null).path("type").asText()).isEqualTo("ack");
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theYearsFiguresShowAsTablesAndChartsWithTheDownloads() {
        try (Screen screen = Screen.open("reports", 1366, 768, 0)) {
            screen.go(base + "/reports");
            screen.await("sign-in");
            screen.js("window.cspBreaches = []; document.addEventListener('securitypolicyviolation',"
                    + " e => window.cspBreaches.push(e.violatedDirective + ' ' + e.blockedURI));");
            screen.signIn("admin", Organiser.SECRET);
            screen.until("the year's report is shown", () -> screen.all("covers").size() == 1);
            assertThat(screen.text("covers")).startsWith("2 xã");
            assertThat(screen.text("held")).isEqualTo("1");
            assertThat(screen.text("byField")).contains("Đất đai", "Môi trường");
            screen.until("the charts are drawn on canvases", () -> screen.all("chart-fields").get(0).findElements(org.openqa.selenium.By.tagName("canvas")).size() == 1);
            assertThat(screen.all("chart-dialogues").get(0).findElements(org.openqa.selenium.By.tagName("canvas"))).hasSize(1);
            assertThat(screen.all("download-xlsx").get(0).getAttribute("href")).contains("/api/reports.xlsx?commune=all&period=");
            assertThat(screen.all("download-docx")).hasSize(1);
            assertThat(screen.all("download-csv")).hasSize(1);
            screen.shotAs("reports-1366.png");
            Accessibility.assertNoBlockingViolation(screen, "the reports page");
            assertThat(screen.js("return window.cspBreaches")).as("nothing the CSP refused").asList().isEmpty();

            screen.js("const s = document.querySelector('[data-test=commune]'); s.selectedIndex = 1;");
            screen.click("show");
            screen.until("one commune's report", () -> screen.text("covers").startsWith("Xã Ia Băng"));
            assertThat(screen.all("download-csv").get(0).getAttribute("href")).contains("commune=");
        }
    }
}
