package vn.doithoai.support;

import com.fasterxml.jackson.databind.JsonNode;
import vn.doithoai.codec.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The organiser's side of the REST API, as plain HTTP calls for tests: signed in as the first
 * administrator {@code admin}, whose password is the organiser secret, with the session cookie the
 * server gives (kept per server and secret, so each test does not pay Argon2id again). A wrong
 * secret signs nobody in: its calls go without a session, as a stranger's.
 */
public final class Organiser {

    public static final String SECRET = "test-organiser-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, JsonNode body) {
    }

    private static final java.util.Map<String, String> COOKIES = new java.util.concurrent.ConcurrentHashMap<>();

    private final String baseUrl;
    private final String secret;

    public Organiser(int port) {
        this(port, SECRET);
    }

    public Organiser(int port, String secret) {
        this.baseUrl = "http://localhost:" + port;
        this.secret = secret;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body))));
    }

    public Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body))));
    }

    /** A commune and a meeting in it; returns the meeting's creation reply (id, join code, links). */
    public JsonNode communeWithMeeting(Object setup) {
        Reply commune = post("/api/communes", java.util.Map.of("name", "Xã Ia Băng", "province", "Gia Lai"));
        if (commune.status() != 201) {
            throw new AssertionError("commune not created: " + commune);
        }
        Reply meeting = post("/api/communes/" + commune.body().path("id").asText() + "/meetings", setup);
        if (meeting.status() != 201) {
            throw new AssertionError("meeting not created: " + meeting);
        }
        return meeting.body();
    }

    /** The secret token in a role link ({@code .../chair#token=...}). */
    public static String token(JsonNode created, String role) {
        String link = created.path("links").path(role).asText();
        return link.substring(link.indexOf("#token=") + "#token=".length());
    }

    private Reply send(HttpRequest.Builder request) {
        String key = baseUrl + " " + secret;
        String cookie = COOKIES.get(key);
        if (cookie == null) {
            cookie = signIn();
            if (cookie != null) {
                COOKIES.put(key, cookie);
            }
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return exchange(request);
    }

    /** The session cookie of {@code admin} signed in with the secret, or null when that did not work (a wrong secret). */
    private String signIn() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/session"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("login", "admin", "password", secret))));
        try {
            HttpResponse<String> response = HTTP.send(request.header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(null) : null;
        } catch (IOException e) {
            throw new AssertionError("sign-in failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Reply exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
