package vn.doithoai.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import vn.doithoai.codec.Json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A screen for tests: a real WebSocket to the server speaking the real protocol, keeping every
 * frame it received so a test can assert what this role saw.
 */
public final class WsClient implements AutoCloseable {

    private static final Vertx VERTX = Vertx.vertx();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocketClient client;
    private final WebSocket ws;
    private final List<JsonNode> frames = new ArrayList<>();
    private volatile boolean closed;
    private volatile Short closeCode;

    private WsClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(text -> {
            try {
                JsonNode frame = Json.MAPPER.readTree(text);
                synchronized (frames) {
                    frames.add(frame);
                    frames.notifyAll();
                }
            } catch (JsonProcessingException e) {
                throw new AssertionError("the server sent something that is not JSON: " + text);
            }
        });
        ws.closeHandler(v -> {
            closeCode = ws.closeStatusCode();
            closed = true;
            synchronized (frames) {
                frames.notifyAll();
            }
        });
    }

    public static WsClient connect(int port) {
        return connect(port, null);
    }

    public static WsClient connect(int port, String origin) {
        return connect(port, origin, new io.vertx.core.http.WebSocketClientOptions());
    }

    /** As a phone at {@code address} seen through a proxy on this machine (X-Forwarded-For). */
    public static WsClient connectFrom(int port, String address) {
        return connect(port, null, new io.vertx.core.http.WebSocketClientOptions(), address);
    }

    /**
     * Like a phone on a weak network: its kernel receive buffer stays at 64 KiB. Loopback lets a
     * socket's buffer grow to tens of megabytes (tcp_rmem here: 32 MiB), which would take a whole
     * stalled stream before the server saw any backlog.
     */
    public static WsClient connectWithSmallReceiveBuffer(int port) {
        return connect(port, null, new io.vertx.core.http.WebSocketClientOptions().setReceiveBufferSize(64 * 1024));
    }

    private static WsClient connect(int port, String origin, io.vertx.core.http.WebSocketClientOptions clientOptions) {
        return connect(port, origin, clientOptions, null);
    }

    private static WsClient connect(int port, String origin, io.vertx.core.http.WebSocketClientOptions clientOptions,
                                    String forwardedFor) {
        // A merged round can be large (hundreds of events in one frame); a browser has no limit either.
        WebSocketClient client = VERTX.createWebSocketClient(clientOptions
                .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
        var options = new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/ws");
        if (origin != null) {
            options.addHeader("Origin", origin);
        }
        if (forwardedFor != null) {
            options.addHeader("X-Forwarded-For", forwardedFor);
        }
        WebSocket ws = await(client.connect(options));
        return new WsClient(client, ws);
    }

    /** Says hello with a role token; returns the welcome. */
    public JsonNode helloWithToken(String token, Long lastSeq) {
        ObjectNode hello = Json.object().put("type", "hello").put("v", 1).put("token", token);
        if (lastSeq != null) {
            hello.put("lastSeq", lastSeq);
        }
        return sendAndAwait(hello, f -> f.path("type").asText().matches("welcome|error"));
    }

    /** Says hello as an attendee; returns the welcome. */
    public JsonNode helloWithJoinCode(String joinCode, String attendeeKey, Long lastSeq) {
        ObjectNode hello = Json.object().put("type", "hello").put("v", 1).put("join", joinCode);
        if (attendeeKey != null) {
            hello.put("attendeeKey", attendeeKey);
        }
        if (lastSeq != null) {
            hello.put("lastSeq", lastSeq);
        }
        return sendAndAwait(hello, f -> f.path("type").asText().matches("welcome|error"));
    }

    /** Sends a command with a new id and waits for its ack or error. */
    public JsonNode command(String name, Object args) {
        return command(UUID.randomUUID().toString(), name, args);
    }

    public JsonNode command(String id, String name, Object args) {
        ObjectNode frame = Json.object().put("type", "command").put("id", id).put("name", name);
        frame.set("args", args == null ? Json.object() : Json.tree(args));
        return sendAndAwait(frame, f -> id.equals(f.path("id").asText(null)));
    }

    /**
     * As the screens do after a storage error: the same command under the same id, again every
     * quarter second while the answer is STORAGE_FAILED or STORAGE_UNCONFIRMED (20 tries at most);
     * the last answer.
     */
    public JsonNode resendUntilStored(String id, String name, Object args) throws InterruptedException {
        JsonNode answer = command(id, name, args);
        for (int i = 0; i < 20 && answer.path("code").asText().startsWith("STORAGE_"); i++) {
            Thread.sleep(250);
            answer = command(id, name, args);
        }
        return answer;
    }

    /** Sends raw text and waits for the first frame after it that matches. */
    public JsonNode sendAndAwait(Object frame, Predicate<JsonNode> answer) {
        int from = count();
        sendText(frame instanceof String s ? s : Json.write(frame));
        return awaitFrom(from, answer);
    }

    public void sendText(String text) {
        await(ws.writeTextMessage(text));
    }

    /** One text message sent as several frames of {@code frameSize} characters, as some clients do. */
    public void sendTextInFrames(String text, int frameSize) {
        for (int from = 0; from < text.length(); from += frameSize) {
            String part = text.substring(from, Math.min(text.length(), from + frameSize));
            boolean last = from + frameSize >= text.length();
            await(ws.writeFrame(from == 0 ? io.vertx.core.http.WebSocketFrame.textFrame(part, last)
                    : io.vertx.core.http.WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer(part), last)));
        }
    }

    /** Waits for an event of this name, received at any time on this socket. */
    /**
     * The event named so, alone or counted in a batch: the hall's screens are sent a round of
     * several events as one "events" frame with their counts when they come close together.
     */
    public JsonNode awaitEventOrBatch(String name) {
        return awaitFrom(0, f -> name.equals(f.path("name").asText()) || f.path("counts").has(name));
    }

    public JsonNode awaitEvent(String name) {
        return awaitFrom(0, f -> isEvent(f) && name.equals(f.path("name").asText()));
    }

    public JsonNode awaitFrom(int from, Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            while (true) {
                for (int i = from; i < frames.size(); i++) {
                    if (matching.test(frames.get(i))) {
                        return frames.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    throw new AssertionError("no matching frame within " + WAIT.toSeconds() + " s"
                            + (closed ? " (socket closed, code " + closeCode + ")" : "") + "; received: " + frames);
                }
                try {
                    frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * Every frame with a state patch this socket received, in order: the welcome's catch-up
     * events, live events, merged rounds ({@code events}) and own-registration frames ({@code own}).
     */
    public List<JsonNode> events() {
        var events = new ArrayList<JsonNode>();
        synchronized (frames) {
            for (JsonNode f : frames) {
                String type = f.path("type").asText();
                if ("welcome".equals(type)) {
                    f.path("events").forEach(events::add);
                } else if (isEvent(f) || "events".equals(type) || "own".equals(type)) {
                    events.add(f);
                }
            }
        }
        return events;
    }

    /** The sequences this socket was told of, a merged round counting for each of its events. */
    public List<Long> seqs() {
        var seqs = new ArrayList<Long>();
        for (JsonNode e : events()) {
            if ("events".equals(e.path("type").asText())) {
                for (long s = e.path("firstSeq").asLong(); s <= e.path("lastSeq").asLong(); s++) {
                    seqs.add(s);
                }
            } else if (isEvent(e)) {
                seqs.add(e.path("seq").asLong());
            }
        }
        return seqs;
    }

    public List<JsonNode> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    public int count() {
        synchronized (frames) {
            return frames.size();
        }
    }

    /** The highest sequence seen, from the welcome or an event. */
    public long lastSeq() {
        long seq = 0;
        synchronized (frames) {
            for (JsonNode f : frames) {
                if (f.has("seq") && ("welcome".equals(f.path("type").asText()) || isEvent(f))) {
                    seq = Math.max(seq, f.path("seq").asLong());
                }
            }
        }
        for (long s : seqs()) {
            seq = Math.max(seq, s);
        }
        return seq;
    }

    /** Like a phone whose network stalls: this socket stops reading until {@link #resumeReading}. */
    public void stopReading() {
        ws.pause();
    }

    public void resumeReading() {
        ws.resume();
    }

    public boolean isClosed() {
        return closed;
    }

    public Short closeCode() {
        return closeCode;
    }

    /** Waits until the server has closed this socket. */
    public void awaitClosed() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            while (!closed && System.nanoTime() < deadline) {
                try {
                    frames.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!closed) {
            throw new AssertionError("the socket is still open");
        }
    }

    private static boolean isEvent(JsonNode f) {
        return "event".equals(f.path("type").asText());
    }

    @Override
    public void close() {
        if (!closed) {
            ws.close();
        }
        client.close();
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("failed: " + e.getMessage(), e);
        }
    }
}
