package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address guessing join codes, minting attendees or posting registrations in a loop is told to
 * try again later, in both languages, while other addresses go on; a socket that never says hello is
 * closed. Remote addresses are played through X-Forwarded-For, which the server believes from
 * loopback (a proxy on its own machine).
 */
class GuessingAndSpamTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    @Test
    void joinCodeGuessesFromOneAddressAreStoppedAfterTwentyAndOthersStillJoin() throws Exception {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of("title", "Hội nghị", "scheduledAt", "2026-10-15T01:00:00Z"));
        String code = created.path("joinCode").asText();
        String wrong = code.equals("ACDEFH") ? "ACDEFJ" : "ACDEFH";
        for (int i = 0; i < 20; i++) {
            assertThat(joinInfo(wrong, "203.0.113.7").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> limited = joinInfo(wrong, "203.0.113.7");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(limited.body()).contains("RATE_LIMITED").contains("Vui lòng thử lại sau").contains("try again in");
        assertThat(joinInfo(code, "203.0.113.7").statusCode()).as("even the right code, while limited").isEqualTo(429);
        assertThat(joinInfo(code, "203.0.113.8").statusCode()).as("another address").isEqualTo(200);

        // The same address over WebSocket is limited too; another joins.
        try (WsClient guesser = WsClient.connectFrom(server.port(), "203.0.113.7");
             WsClient phone = WsClient.connectFrom(server.port(), "203.0.113.9")) {
            assertThat(guesser.helloWithJoinCode(code, null, null).path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(phone.helloWithJoinCode(code, null, null).path("type").asText()).isEqualTo("welcome");
        }
    }

    @Test
    void wrongJoinCodesOverWebSocketCountAsGuesses() {
        new Organiser(server.port()).communeWithMeeting(Map.of("title", "Hội nghị", "scheduledAt", "2026-10-15T01:00:00Z"));
        String last = "";
        for (int socket = 0; socket < 8 && !last.equals("RATE_LIMITED"); socket++) {
            try (WsClient guesser = WsClient.connectFrom(server.port(), "198.51.100.4")) {
                for (int i = 0; i < 4 && !last.equals("RATE_LIMITED"); i++) {
                    last = guesser.helloWithJoinCode("ACDEF" + "HJKMN".charAt(i), null, null).path("code").asText();
                }
            }
        }
        assertThat(last).isEqualTo("RATE_LIMITED");
    }

    @Test
    void registrationsFromOneAddressAreStoppedAfterTwoHundred() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of("title", "Hội nghị", "scheduledAt", "2026-10-15T01:00:00Z",
                "rules", Map.of("slotSeconds", 180, "warningSeconds", 30, "perVillageCap", 0,
                        "firstTimersFirst", true, "responseSeconds", 300)));
        try (WsClient chair = server.connect()) {
            chair.helloWithToken(Organiser.token(created, "chair"), null);
            assertThat(chair.command("OpenRegistration", null).path("type").asText()).isEqualTo("ack");
        }
        List<WsClient> phones = new ArrayList<>();
        try {
            String refused = null;
            for (int i = 0; i < 240 && refused == null; i++) {
                WsClient phone = WsClient.connectFrom(server.port(), "192.0.2.50");
                phones.add(phone);
                phone.helloWithJoinCode(created.path("joinCode").asText(), null, null);
                JsonNode answer = phone.command("Register", Map.of("name", "Người " + i, "village", "Thôn " + i, "topic", "Đường"));
                if (!"ack".equals(answer.path("type").asText())) {
                    // 200 at once, then one a second more while the test runs
                    assertThat(i).as("refused only after 200").isBetween(200, 230);
                    refused = answer.path("code").asText();
                }
            }
            assertThat(refused).isEqualTo("RATE_LIMITED");
        } finally {
            phones.forEach(WsClient::close);
        }
    }

    @Test
    void aSocketThatNeverSaysHelloIsClosedAfterTenSeconds() {
        try (WsClient silent = WsClient.connectFrom(server.port(), "203.0.113.20")) {
            long started = System.nanoTime();
            silent.awaitClosed();
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertThat(seconds).isBetween(9L, 14L);
            assertThat(silent.closeCode()).isEqualTo((short) 1008);
            assertThat(silent.frames().stream().anyMatch(f -> "NO_HELLO".equals(f.path("code").asText()))).isTrue();
        }
    }

    private HttpResponse<String> joinInfo(String code, String address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/join/" + code))
                .header("X-Forwarded-For", address).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
