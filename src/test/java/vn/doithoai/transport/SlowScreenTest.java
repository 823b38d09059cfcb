package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.codec.Json;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.transport.WholeMeetingTest.ack;

/** Back-pressure: a screen that stops reading is closed as too slow; the others are not held up. */
class SlowScreenTest {

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    @Test
    void aScreenThatStopsReadingIsClosedAsTooSlowWhileTheOthersGetEverything() {
        JsonNode created = new Organiser(server.port()).communeWithMeeting(Map.of("title", "Đối thoại"));
        WsClient chair = server.connect();
        WsClient secretary = server.connect();
        WsClient slow = server.connectWithSmallReceiveBuffer();
        WsClient display = server.connect();
        chair.helloWithToken(Organiser.token(created, "chair"), null);
        secretary.helloWithToken(Organiser.token(created, "secretary"), null);
        // A staff screen: it gets every event as it is stored (the hall's screens get minutes
        // merged once a second, see ScreenFeed), so its backlog grows steadily.
        slow.helloWithToken(Organiser.token(created, "secretary"), null);
        display.helloWithToken(Organiser.token(created, "display"), null);
        ack(chair.command("StartMeeting", null));
        slow.stopReading();

        // About 5 KB of text per event, 40 MB in all: far more than a stalled screen may hold unsent
        // (the kernel's socket buffers take several MB before the server sees any backlog).
        String line = "Ý kiến của cử tri về đường giao thông nông thôn. ".repeat(96);
        int lines = 8000;
        for (int i = 0; i < lines; i++) {
            secretary.sendText(Json.write(Map.of("type", "command", "id", "m-" + i, "name", "RecordMinute",
                    "args", Map.of("text", line + i))));
            if (i % 500 == 499) {
                // The secretary reads as it sends, so only the stalled screen falls behind.
                String id = "m-" + i;
                secretary.awaitFrom(0, f -> id.equals(f.path("id").asText()));
            }
        }
        long lastSeq = ack(secretary.awaitFrom(0, f -> ("m-" + (lines - 1)).equals(f.path("id").asText()))).path("lastSeq").asLong();

        display.awaitFrom(0, f -> f.path("seq").asLong() >= lastSeq || f.path("lastSeq").asLong() >= lastSeq);
        assertThat(display.seqs()).isEqualTo(java.util.stream.LongStream.rangeClosed(2, lastSeq).boxed().toList());
        assertThat(display.isClosed()).isFalse();

        slow.resumeReading();
        slow.awaitClosed();
        assertThat(slow.closeCode()).isEqualTo((short) 1013);
        assertThat(slow.lastSeq()).isLessThan(lastSeq);

        // It comes back with what it had and catches up.
        WsClient back = server.connect();
        JsonNode welcome = back.helloWithToken(Organiser.token(created, "secretary"), slow.lastSeq());
        assertThat(welcome.path("seq").asLong()).isEqualTo(lastSeq);
    }
}
