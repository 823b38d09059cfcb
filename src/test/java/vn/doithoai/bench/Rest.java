package vn.doithoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import vn.doithoai.codec.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The organiser's REST calls the benchmark needs, to 127.0.0.1 only. */
final class Rest {

    /** A created meeting: its id, join code and role tokens. */
    record Meeting(String id, String joinCode, String chair, String secretary, String display) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String cookie;

    /** Signed in as the first administrator, whose password is the organiser secret. */
    Rest(int port, String secret) throws Exception {
        this.base = "http://127.0.0.1:" + port;
        this.cookie = signIn(base, secret);
    }

    /** The session cookie of {@code admin} signed in with the organiser secret. */
    static String signIn(String base, String secret) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("login", "admin", "password", secret)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("signing in as admin answered " + r.statusCode() + ": " + r.body());
        }
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    String cookie() {
        return cookie;
    }

    Meeting createMeeting(String title) throws Exception {
        JsonNode commune = post("/api/communes", Map.of("name", "Xã " + title, "province", "Gia Lai"));
        JsonNode m = post("/api/communes/" + commune.path("id").asText() + "/meetings", Map.of(
                "kind", "PERIODIC", "title", title,
                "rules", Map.of("slotSeconds", 300, "warningSeconds", 60, "perVillageCap", 0,
                        "firstTimersFirst", true, "responseSeconds", 300)));
        JsonNode links = m.path("links");
        return new Meeting(m.path("meetingId").asText(), m.path("joinCode").asText(),
                token(links, "chair"), token(links, "secretary"), token(links, "display"));
    }

    private static String token(JsonNode links, String role) {
        String link = links.path(role).asText();
        return link.substring(link.indexOf("#token=") + "#token=".length());
    }

    private JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }
}
