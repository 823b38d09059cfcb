package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The organiser's REST API over real HTTP against a real PostgreSQL. */
class RestApiTest {

    private static Server server;
    private static Organiser organiser;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        organiser = new Organiser(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void withoutTheOrganiserSecretNothingIsShownOrCreated() {
        var stranger = new Organiser(server.port(), "guess");
        Organiser.Reply reply = stranger.post("/api/communes", Map.of("name", "Xã Giả"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().path("code").asText()).isEqualTo("UNAUTHORISED");
        assertThat(stranger.get("/api/communes").status()).isEqualTo(401);
        assertThat(organiser.get("/api/communes").body().toString()).doesNotContain("Xã Giả");
        assertThat(stranger.get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void aMonitorAskingWithHeadGetsTheStatusWithoutABody() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/api/health", "/display", "/phone", "/chair")) {
            var head = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            var reply = http.send(head, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as("HEAD " + path).isEqualTo(200);
            assertThat(reply.body()).as("HEAD " + path).isEmpty();
        }
    }

    @Test
    void aBodyOfJsonNullIsRefusedAsBadJsonAndChangesNothing() {
        JsonNode created = organiser.communeWithMeeting(Map.of("title", "Hội nghị"));
        String communes = organiser.get("/api/communes").body().toString();
        String meetingId = created.path("meetingId").asText();
        String communeId = organiser.get("/api/meetings/" + meetingId).body().path("meeting").path("communeId").asText();
        for (Organiser.Reply reply : List.of(organiser.post("/api/communes", "null"),
                organiser.post("/api/communes/" + communeId + "/meetings", "null"),
                organiser.put("/api/meetings/" + meetingId + "/setup", "null"))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.body().path("code").asText()).isEqualTo("BAD_JSON");
            assertThat(reply.body().path("message").path("vi").asText()).isEqualTo("Dữ liệu gửi lên phải là một đối tượng JSON");
        }
        assertThat(organiser.get("/api/communes").body().toString()).isEqualTo(communes);
    }

    @Test
    void aJoinCodeHoldingANulByteOrOfAnotherShapeIsNotFoundWithoutAskingTheDatabase() {
        for (String code : List.of("AB%00CD", "%00", "ABCDEFGH", "AB%C3%A9CD1")) {
            Organiser.Reply reply = organiser.get("/api/join/" + code);
            assertThat(reply.status()).as(code).isEqualTo(404);
            assertThat(reply.body().path("code").asText()).as(code).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aMeetingIsCreatedWithDefaultsListedAndShown() {
        JsonNode created = organiser.communeWithMeeting(Map.of("title", "  Hội nghị   đối thoại định kỳ  "));
        String meetingId = created.path("meetingId").asText();
        assertThat(created.path("joinCode").asText()).matches("[ACDEFHJKMNPRTUVWXY3479]{6}");
        assertThat(created.path("links").path("chair").asText()).startsWith(server.publicUrl() + "/chair#token=");
        assertThat(created.path("links").path("join").asText()).isEqualTo(server.publicUrl() + "/j/" + created.path("joinCode").asText());

        JsonNode shown = organiser.get("/api/meetings/" + meetingId).body();
        assertThat(shown.path("state").path("setup").path("title").asText()).isEqualTo("Hội nghị đối thoại định kỳ");
        assertThat(shown.path("state").path("setup").path("steps")).hasSize(4);
        assertThat(shown.path("state").path("setup").path("rules").path("perVillageCap").asInt()).isEqualTo(5);
        String communeId = shown.path("meeting").path("communeId").asText();
        assertThat(organiser.get("/api/communes/" + communeId + "/meetings").body().get(0).path("id").asText()).isEqualTo(meetingId);

        JsonNode info = new Organiser(server.port(), "none").get("/api/join/" + created.path("joinCode").asText().toLowerCase()).body();
        assertThat(info.path("meetingId").asText()).isEqualTo(meetingId);
        assertThat(info.toString()).doesNotContain("token");
    }

    @Test
    void badSetupsAreRefusedWithAClearMessageAndCreateNothing() {
        JsonNode commune = organiser.post("/api/communes", Map.of("name", "Xã Kiến Minh")).body();
        String path = "/api/communes/" + commune.path("id").asText() + "/meetings";

        Organiser.Reply noTitle = organiser.post(path, Map.of("kind", "THEMATIC"));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body().path("message").path("vi").asText()).isEqualTo("Chưa nhập: Tên hội nghị");
        Organiser.Reply badKind = organiser.post(path, Map.of("title", "x", "kind", "WEEKLY"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().path("message").path("en").asText()).contains("kind");
        Organiser.Reply badRules = organiser.post(path, Map.of("title", "x", "rules", Map.of("slotSeconds", 5,
                "warningSeconds", 1, "perVillageCap", 5, "firstTimersFirst", true, "responseSeconds", 300)));
        assertThat(badRules.status()).isEqualTo(400);
        assertThat(badRules.body().path("code").asText()).isEqualTo("FIELD_INVALID");
        assertThat(organiser.post(path, "{oops").body().path("code").asText()).isEqualTo("BAD_JSON");
        assertThat(organiser.post(path, Map.of("title", "x".repeat(70_000))).status()).isEqualTo(413);
        assertThat(organiser.get("/api/communes/" + commune.path("id").asText() + "/meetings").body()).isEmpty();
        assertThat(organiser.post("/api/communes/" + java.util.UUID.randomUUID() + "/meetings", Map.of("title", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void aSetupChangeIsAnEventThatEveryScreenReceives() {
        JsonNode created = organiser.communeWithMeeting(Map.of("title", "Đối thoại"));
        try (WsClient display = WsClient.connect(server.port())) {
            display.helloWithToken(Organiser.token(created, "display"), null);
            var setup = new HashMap<String, Object>();
            setup.put("title", "Đối thoại với doanh nghiệp");
            setup.put("kind", "THEMATIC");
            setup.put("group", "Doanh nghiệp");
            setup.put("steps", List.of(Map.of("vi", "Khai mạc", "en", "Opening"), Map.of("vi", "Đối thoại", "en", "Dialogue")));
            Organiser.Reply changed = organiser.put("/api/meetings/" + created.path("meetingId").asText() + "/setup", setup);

            assertThat(changed.status()).isEqualTo(200);
            JsonNode event = display.awaitEvent("SetupChanged");
            assertThat(event.path("actor").asText()).isEqualTo("organiser");
            assertThat(event.path("patch").path("setup").path("steps")).hasSize(2);
            assertThat(organiser.get("/api/communes").body().toString()).contains("Xã Ia Băng");
        }
    }

    @Test
    void newRoleLinksReplaceTheOldOnes() {
        JsonNode created = organiser.communeWithMeeting(Map.of("title", "Đối thoại"));
        String oldChair = Organiser.token(created, "chair");
        JsonNode replaced = organiser.post("/api/meetings/" + created.path("meetingId").asText() + "/links", Map.of()).body();

        try (WsClient before = WsClient.connect(server.port()); WsClient after = WsClient.connect(server.port())) {
            assertThat(before.helloWithToken(oldChair, null).path("code").asText()).isEqualTo("BAD_CREDENTIALS");
            assertThat(after.helloWithToken(Organiser.token(replaced, "chair"), null).path("role").asText()).isEqualTo("CHAIR");
        }
    }
}
