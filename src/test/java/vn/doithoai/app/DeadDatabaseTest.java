package vn.doithoai.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.WsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL's postmaster killed under a running server (the OOM killer, a careless
 * operator): the health endpoint says so within seconds, the server starts it again, commands are
 * stored again, and nothing acknowledged before is lost.
 */
class DeadDatabaseTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKilledEmbeddedPostgresIsReportedStartedAgainAndLosesNothingAcknowledged(@TempDir Path dataDir) throws Exception {
        Config config = Config.defaults().withDataDir(dataDir).withEmbeddedPostgresPort(0).withPort(0)
                .withHost("127.0.0.1").withAdminSecret(Organiser.SECRET);
        try (Server server = Server.start(config)) {
            JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of(
                    "title", "Hội nghị đối thoại", "scheduledAt", "2026-10-15T01:00:00Z"));
            try (WsClient chair = WsClient.connect(server.port())) {
                chair.helloWithToken(Organiser.token(created, "chair"), null);
                JsonNode opened = chair.command("OpenRegistration", null);
                assertThat(opened.path("type").asText()).isEqualTo("ack");
                long acknowledged = opened.path("lastSeq").asLong();
                assertThat(health(server)).isEqualTo(200);

                long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
                ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

                assertThat(awaitHealth(server, 503, Duration.ofSeconds(10))).as("health reports the dead database").isTrue();
                assertThat(awaitHealth(server, 200, Duration.ofSeconds(60))).as("the database is started again").isTrue();
                long newPostmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
                assertThat(newPostmaster).isNotEqualTo(postmaster);

                // A pooled connection may still be a dead one: the chair's screen resends under the same id.
                JsonNode started = chair.resendUntilStored("same-start", "StartMeeting", null);
                assertThat(started.path("type").asText()).as(started.toString()).isEqualTo("ack");
                assertThat(started.path("firstSeq").asLong()).as("nothing acknowledged was lost").isEqualTo(acknowledged + 1);
            }
        }
    }

    @Test
    void aPausedPostgresMakesCommandsWaitABoundedTimeThenTheSameCommandResentIsAppliedOnce(@TempDir Path dataDir)
            throws Exception {
        Config config = Config.defaults().withDataDir(dataDir).withEmbeddedPostgresPort(0).withPort(0)
                .withHost("127.0.0.1").withAdminSecret(Organiser.SECRET);
        try (Server server = Server.start(config)) {
            JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of(
                    "title", "Hội nghị đối thoại", "scheduledAt", "2026-10-15T01:00:00Z"));
            try (WsClient chair = WsClient.connect(server.port()); WsClient display = WsClient.connect(server.port())) {
                chair.helloWithToken(Organiser.token(created, "chair"), null);
                display.helloWithToken(Organiser.token(created, "display"), null);
                assertThat(chair.command("OpenRegistration", null).path("type").asText()).isEqualTo("ack");

                List<Long> postgres = postgresProcesses(dataDir);
                signal("-STOP", postgres);
                try {
                    long sent = System.nanoTime();
                    JsonNode waited = chair.command("paused-1", "StartMeeting", null);
                    long seconds = Duration.ofNanos(System.nanoTime() - sent).toSeconds();
                    assertThat(waited.path("code").asText()).as(waited.toString()).isEqualTo("STORAGE_UNCONFIRMED");
                    assertThat(waited.path("message").path("vi").asText()).contains("gửi lại");
                    assertThat(seconds).as("a bounded wait").isBetween(4L, 10L);
                    assertThat(awaitHealth(server, 503, Duration.ofSeconds(5))).isTrue();
                } finally {
                    signal("-CONT", postgres);
                }
                assertThat(awaitHealth(server, 200, Duration.ofSeconds(30))).isTrue();
                JsonNode resent = chair.resendUntilStored("paused-1", "StartMeeting", null);
                assertThat(resent.path("type").asText()).as(resent.toString()).isEqualTo("ack");
                assertThat(resent.path("firstSeq").asLong()).as("the event stored while the answer was lost").isEqualTo(3);
                JsonNode shown = new Organiser(server.port()).get("/api/meetings/" + created.path("meetingId").asText()).body();
                assertThat(shown.path("state").path("status").asText()).isEqualTo("IN_PROGRESS");
                // The screens get the event once, whichever way it was stored.
                display.awaitEvent("MeetingStarted");
                Thread.sleep(500);
                assertThat(display.events().stream().filter(e -> e.path("name").asText().equals("MeetingStarted"))).hasSize(1);
            }
        }
    }

    private static List<Long> postgresProcesses(Path dataDir) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        var all = new java.util.ArrayList<Long>();
        all.add(postmaster);
        handle.descendants().forEach(p -> all.add(p.pid()));
        return all;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        var command = new java.util.ArrayList<String>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static boolean awaitHealth(Server server, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (health(server) == status) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static int health(Server server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
