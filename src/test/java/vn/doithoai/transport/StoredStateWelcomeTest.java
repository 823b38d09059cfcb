package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrameType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.doithoai.codec.Json;
import vn.doithoai.live.CatchUp;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Visibility;
import vn.doithoai.store.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A staff screen's welcome made from the state as stored (UTF-8 bytes, never decoded) arrives
 * over a real WebSocket as one message, in frames no larger than the server's frame limit.
 */
class StoredStateWelcomeTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aStoredStateOfManyFramesArrivesWholeAndIntact() throws Exception {
        List<String> minutes = IntStream.range(0, 3000)
                .mapToObj(i -> "Biên bản số " + i + ": ý kiến về đường liên thôn, nước sinh hoạt và đất sản xuất.").toList();
        byte[] stored = Json.write(Map.of("minutes", minutes)).getBytes(StandardCharsets.UTF_8);
        assertThat(stored.length).as("several frames' worth").isGreaterThan(4 * WebServer.MAX_WEBSOCKET_FRAME);
        var meeting = new Frames.MeetingRef(UUID.randomUUID(), UUID.randomUUID(), "AC3F7K", "http://localhost/j/AC3F7K");
        // After a crash: two events were stored after the state, each with the patch staff screens were sent.
        var after = List.of(
                new StoredEvent(43, "MinuteRecorded", "{\"entryId\": 3001, \"text\": \"Dòng 43\"}", "secretary",
                        Instant.parse("2026-06-15T01:02:03.456789Z"), "m-43", "{\"minutes\":[{\"id\":3001}]}"),
                new StoredEvent(44, "SlotExtended", "{\"seconds\": 60}", "chair",
                        Instant.parse("2026-06-15T01:02:04Z"), null, "{\"floor\":null}"));
        SharedText welcome = Frames.welcomeWithStoredState(meeting, Visibility.Viewer.of(Actor.CHAIR), null,
                new CatchUp(42, List.of(), null, stored, after), 1_795_643_731_114L);

        // As the server does: the welcome answers the screen's hello, on an open socket.
        HttpServer server = vertx.createHttpServer()
                .webSocketHandler(ws -> ws.textMessageHandler(hello -> welcome.writeInFramesTo(ws))).listen(0).await();
        var frames = new CopyOnWriteArrayList<int[]>(); // type (0 text, 1 continuation), size, final
        var message = Buffer.buffer();
        var whole = new CompletableFuture<String>();
        // Kept in a variable to the end: Vert.x closes the connections of a client nobody holds any more.
        WebSocketClient clients = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 * 1024 * 1024));
        var client = clients.connect(server.actualPort(), "localhost", "/ws").await();
        client.frameHandler(frame -> {
            frames.add(new int[] {frame.type() == WebSocketFrameType.TEXT ? 0 : 1, frame.binaryData().length(),
                    frame.isFinal() ? 1 : 0});
            message.appendBuffer(frame.binaryData());
            if (frame.isFinal()) {
                whole.complete(message.toString(StandardCharsets.UTF_8));
            }
        });
        client.writeTextMessage("{\"type\":\"hello\"}");

        JsonNode received = Json.MAPPER.readTree(whole.get(10, TimeUnit.SECONDS));
        assertThat(received.path("type").asText()).isEqualTo("welcome");
        assertThat(received.path("role").asText()).isEqualTo("CHAIR");
        assertThat(received.path("seq").asLong()).isEqualTo(42);
        assertThat(received.path("catchUp").asText()).isEqualTo("snapshot");
        assertThat(received.path("events")).hasSize(2);
        JsonNode first = received.path("events").get(0);
        assertThat(first.path("type").asText()).isEqualTo("event");
        assertThat(first.path("seq").asLong()).isEqualTo(43);
        assertThat(first.path("at").asText()).isEqualTo("2026-06-15T01:02:03.456789Z");
        assertThat(first.path("actor").asText()).isEqualTo("secretary");
        assertThat(first.path("name").asText()).isEqualTo("MinuteRecorded");
        assertThat(first.path("data").path("text").asText()).isEqualTo("Dòng 43");
        assertThat(first.path("patch")).isEqualTo(Json.MAPPER.readTree("{\"minutes\":[{\"id\":3001}]}"));
        assertThat(received.path("events").get(1).path("seq").asLong()).isEqualTo(44);
        assertThat(received.path("events").get(1).path("patch").path("floor").isNull()).isTrue();
        var got = new ArrayList<String>();
        received.path("snapshot").path("minutes").forEach(m -> got.add(m.asText()));
        assertThat(got).isEqualTo(minutes);
        assertThat(frames).allSatisfy(f -> assertThat(f[1]).isLessThanOrEqualTo(WebServer.MAX_WEBSOCKET_FRAME));
        assertThat(frames.get(0)[0]).as("the first a text frame").isZero();
        assertThat(frames.subList(1, frames.size())).allSatisfy(f -> assertThat(f[0]).as("then continuations").isEqualTo(1));
        assertThat(frames.stream().filter(f -> f[2] == 1).count()).as("only the last is final").isEqualTo(1);
        clients.close().await();
    }

    @Test
    void theStoredStateIsForStaffScreensOnly() {
        var meeting = new Frames.MeetingRef(UUID.randomUUID(), UUID.randomUUID(), "AC3F7K", "http://localhost/j/AC3F7K");
        assertThatThrownBy(() -> Frames.welcomeWithStoredState(meeting, Visibility.Viewer.of(Actor.DISPLAY), null,
                new CatchUp(1, List.of(), null, "{}".getBytes(StandardCharsets.UTF_8), List.of()), 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
