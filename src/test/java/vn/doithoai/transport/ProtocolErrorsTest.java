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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input over the WebSocket gets a clear error, changes nothing, and the server stays up. */
class ProtocolErrorsTest {

    private static Server server;
    private static JsonNode created;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        created = new Organiser(server.port()).communeWithMeeting(WholeMeetingTest.setup());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static WsClient chair() {
        WsClient chair = WsClient.connect(server.port());
        chair.helloWithToken(Organiser.token(created, "chair"), null);
        return chair;
    }

    private static JsonNode errorFor(WsClient client, String raw) {
        return client.sendAndAwait(raw, f -> "error".equals(f.path("type").asText()));
    }

    private static long seq() {
        return new Organiser(server.port()).get("/api/meetings/" + created.path("meetingId").asText()).body().path("seq").asLong();
    }

    @Test
    void malformedJsonAnUnknownTypeAndACommandBeforeHelloAreEachAnsweredWithAnError() {
        try (WsClient client = WsClient.connect(server.port())) {
            assertThat(errorFor(client, "{not json").path("code").asText()).isEqualTo("BAD_JSON");
            assertThat(errorFor(client, "{\"type\":\"dance\"}").path("code").asText()).isEqualTo("UNKNOWN_TYPE");
            assertThat(client.command("CallNext", null).path("code").asText()).isEqualTo("NOT_JOINED");
            JsonNode version = errorFor(client, "{\"type\":\"hello\",\"v\":99,\"token\":\"x\"}");
            assertThat(version.path("code").asText()).isEqualTo("UNSUPPORTED_VERSION");
            JsonNode bad = client.helloWithToken("not-a-real-token", null);
            assertThat(bad.path("code").asText()).isEqualTo("BAD_CREDENTIALS");
            assertThat(bad.path("message").path("vi").asText()).contains("không đúng");
        }
    }

    @Test
    void aJoinCodeHoldingANulByteIsRefusedAsBadCredentialsEveryTimeItIsTried() {
        try (WsClient client = WsClient.connect(server.port())) {
            for (int i = 0; i < 3; i++) {
                JsonNode bad = client.helloWithJoinCode("AB\u0000CD", null, null);
                assertThat(bad.path("code").asText()).as("try %d", i + 1).isEqualTo("BAD_CREDENTIALS");
            }
        }
    }

    @Test
    void badCommandsAreRefusedWithTheFieldNamedAndNothingChanges() {
        try (WsClient chair = chair()) {
            long before = seq();
            assertThat(chair.command("Dance", null).path("code").asText()).isEqualTo("UNKNOWN_COMMAND");
            assertThat(chair.command("CallNext", null).path("code").asText()).isEqualTo("WRONG_STATE");
            JsonNode missing = chair.command("RegisterAtDesk", Map.of("village", "Thôn Broch", "topic", "Đường"));
            assertThat(missing.path("code").asText()).isEqualTo("FIELD_MISSING");
            assertThat(missing.path("message").path("vi").asText()).isEqualTo("Chưa nhập: Họ và tên");
            JsonNode tooLong = chair.command("RegisterAtDesk", Map.of("name", "A".repeat(101), "village", "Thôn Broch", "topic", "Đường"));
            assertThat(tooLong.path("code").asText()).isEqualTo("FIELD_TOO_LONG");
            JsonNode unknownField = chair.command("CallNext", Map.of("who", "me"));
            assertThat(unknownField.path("code").asText()).isEqualTo("BAD_JSON");
            assertThat(unknownField.path("message").path("en").asText()).contains("who");
            JsonNode wrongType = chair.command("CallSpeaker", Map.of("registrationId", "first"));
            assertThat(wrongType.path("code").asText()).isEqualTo("BAD_JSON");
            assertThat(errorFor(chair, "{\"type\":\"command\",\"name\":\"CallNext\"}").path("code").asText()).isEqualTo("BAD_COMMAND_ID");
            assertThat(errorFor(chair, "{\"type\":\"command\",\"id\":42,\"name\":\"CallNext\"}").path("code").asText())
                    .as("a number is not an id").isEqualTo("BAD_COMMAND_ID");
            JsonNode date = chair.command("RecordConclusion", Map.of("text", "Kết luận", "outcome", "ANSWERED", "deadline", "30/11/2026"));
            assertThat(date.path("code").asText()).isEqualTo("BAD_JSON");
            assertThat(date.path("message").path("vi").asText()).contains("'deadline'").contains("2026-11-30")
                    .doesNotContain("must").doesNotContain("wrong");
            assertThat(date.path("message").path("en").asText()).contains("year-month-day");
            assertThat(seq()).isEqualTo(before);
        }
    }

    @Test
    void anOversizedMessageIsRefusedAndTheSocketStaysUsable() {
        try (WsClient chair = chair()) {
            var args = new HashMap<String, Object>();
            args.put("text", "x".repeat(20_000));
            JsonNode tooLarge = errorFor(chair, vn.doithoai.codec.Json.write(java.util.Map.of(
                    "type", "command", "id", "big-1", "name", "RecordMinute", "args", args)));
            assertThat(tooLarge.path("code").asText()).isEqualTo("FRAME_TOO_LARGE");
            JsonNode pong = chair.sendAndAwait("{\"type\":\"ping\",\"t\":42}", f -> "pong".equals(f.path("type").asText()));
            assertThat(pong.path("t").asLong()).isEqualTo(42);
            assertThat(pong.path("serverTime").asLong()).isPositive();
        }
    }

    @Test
    void aMessageOverTheTransportLimitIsRefusedAndTheServerStaysUp() {
        try (WsClient chair = chair()) {
            int from = chair.count();
            chair.sendTextInFrames("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(200_000) + "\"}", 32 * 1024);
            JsonNode refused = chair.awaitFrom(from, f -> "error".equals(f.path("type").asText()));
            assertThat(refused.path("code").asText()).isEqualTo("FRAME_TOO_LARGE");
        }
        try (WsClient chair = chair()) {
            // One frame over the protocol's frame limit: the socket is closed with "message too big".
            chair.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            chair.awaitClosed();
            assertThat(chair.closeCode()).isEqualTo((short) 1009);
        }
        try (WsClient again = chair()) {
            assertThat(again.sendAndAwait("{\"type\":\"ping\",\"t\":1}", f -> "pong".equals(f.path("type").asText()))).isNotNull();
        }
    }

    @Test
    void anUpgradeFromAForeignOriginIsRefusedAndTheServersOwnOriginIsAccepted() {
        assertThatThrownBy(() -> WsClient.connect(server.port(), "https://evil.example")).hasMessageContaining("403");
        try (WsClient own = WsClient.connect(server.port(), "http://localhost:" + server.port())) {
            assertThat(own.helloWithToken(Organiser.token(created, "display"), null).path("type").asText()).isEqualTo("welcome");
        }
    }

    @Test
    void anOriginMatchingOnlyAHostNameItSentIsRefusedButAnAddressTypedInIsAccepted() throws Exception {
        // DNS rebinding: a page of attacker.example, its name pointed at this server, sends both.
        assertThat(upgradeStatus("attacker.example:" + server.port(), "http://attacker.example:" + server.port())).isEqualTo(403);
        // A phone on the hall's network that opened the server by its address.
        assertThat(upgradeStatus("127.0.0.1:" + server.port(), "http://127.0.0.1:" + server.port())).isEqualTo(101);
        assertThat(upgradeStatus("[::1]:" + server.port(), "http://[::1]:" + server.port())).isEqualTo(101);
    }

    /** The status of a WebSocket upgrade sent by hand, with the Host and Origin given. */
    private static int upgradeStatus(String host, String origin) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            String request = "GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aTextFrameThatIsNotUtf8ClosesTheSocketWith1007AndALetterSplitBetweenFramesIsFine() throws Exception {
        try (var socket = upgraded()) {
            socket.getOutputStream().write(maskedFrame(0x81, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
            assertThat(closeCodeFrom(socket)).isEqualTo(1007);
        }
        try (var socket = upgraded()) {
            byte[] ping = "{\"type\":\"ping\",\"t\":7,\"x\":\"Đ\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int split = new String(ping, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u00c4') + 1; // inside "Đ"
            socket.getOutputStream().write(maskedFrame(0x01, java.util.Arrays.copyOfRange(ping, 0, split)));
            socket.getOutputStream().write(maskedFrame(0x80, java.util.Arrays.copyOfRange(ping, split, ping.length)));
            int first = socket.getInputStream().read();
            assertThat(first).as("a text frame comes back (the pong), not a close").isEqualTo(0x81);
        }
    }

    private static java.net.Socket upgraded() throws Exception {
        var socket = new java.net.Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5000);
        String request = "GET /ws HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var in = socket.getInputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) { // to the end of the response's headers
            last4 = (last4 << 8) | in.read();
        }
        return socket;
    }

    /** A client frame (masked, as clients must send), with a payload under 126 bytes. */
    private static byte[] maskedFrame(int firstByte, byte[] payload) {
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) firstByte;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** Reads server frames until a close frame; its status code. */
    private static int closeCodeFrom(java.net.Socket socket) throws Exception {
        var in = new java.io.DataInputStream(socket.getInputStream());
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            int length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = (int) in.readLong();
            }
            byte[] payload = in.readNBytes(length);
            if (opcode == 0x8) {
                return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            }
        }
    }
}
