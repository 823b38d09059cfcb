package vn.doithoai.support;

import com.fasterxml.jackson.databind.JsonNode;
import vn.doithoai.codec.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A browser of a staff member as plain HTTP: it keeps the session cookie it is given, as a browser
 * does, and sends it back; optionally from another address (X-Forwarded-For, believed from loopback).
 */
public final class StaffClient {

    private final String baseUrl;
    private final String forwardedFor;
    private String cookie;
    private String lastSetCookie;

    public StaffClient(int port) {
        this(port, null);
    }

    public StaffClient(int port, String forwardedFor) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.forwardedFor = forwardedFor;
    }

    /** Signs in; the reply of POST /api/session. */
    public Organiser.Reply signIn(String login, String password) {
        return post("/api/session", Map.of("login", login, "password", password));
    }

    /** A client signed in, or an AssertionError saying why not. */
    public static StaffClient signedIn(int port, String login, String password) {
        StaffClient client = new StaffClient(port);
        Organiser.Reply reply = client.signIn(login, password);
        if (reply.status() != 200) {
            throw new AssertionError("sign-in of " + login + " failed: " + reply);
        }
        return client;
    }

    /** The last Set-Cookie header the server sent, as sent. */
    public String setCookieSeen() {
        return lastSetCookie;
    }

    public Organiser.Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** The raw body of a GET (a document), with the status; null body unless 200. */
    public byte[] getBytes(String path) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().timeout(Duration.ofSeconds(30));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Organiser.Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    public Organiser.Reply post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body))));
    }

    public Organiser.Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body))));
    }

    /** Sends with the given extra headers (e.g. X-Forwarded-Proto). */
    public Organiser.Reply post(String path, Object body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(request::header);
        return send(request);
    }

    private Organiser.Reply send(HttpRequest.Builder request) {
        try {
            request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(15));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Set-Cookie").ifPresent(set -> {
                lastSetCookie = set;
                String pair = set.split(";", 2)[0];
                cookie = pair.endsWith("=") ? null : pair;
            });
            JsonNode body = response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
            return new Organiser.Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
