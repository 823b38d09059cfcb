package vn.doithoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import vn.doithoai.codec.Json;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client socket of the load generator. It records, with System.nanoTime, the arrival of
 * every event frame (by seq, parsed without a JSON parser so 20,000 of them stay cheap), and
 * matches acks and errors to the commands it sent.
 */
final class Conn {

    /** Answer to a command: the frame, when it was sent and when the answer arrived. */
    record Answer(String id, long sentNanos, long answeredNanos, JsonNode frame) {
        boolean ok() {
            return "ack".equals(frame.path("type").asText());
        }

        long firstSeq() {
            return frame.path("firstSeq").asLong();
        }

        long lastSeq() {
            return frame.path("lastSeq").asLong();
        }

        long micros() {
            return (answeredNanos - sentNanos) / 1000;
        }
    }

    static final AtomicLong EVENT_BYTES = new AtomicLong();
    static final AtomicLong EVENT_FRAMES = new AtomicLong();

    final int meeting;
    final WebSocket ws;
    final Promise<JsonNode> welcome = Promise.promise();
    private final Map<String, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private long[] seqs = new long[16];
    private long[] times = new long[16];
    private int n;
    volatile long welcomeSeq = -1;
    /** When the welcome frame arrived (System.nanoTime), before this client parsed it. */
    volatile long welcomeArrivedNanos = -1;
    volatile int welcomeBytes;
    volatile Short closeCode;
    volatile boolean closed;

    Conn(int meeting, WebSocket ws) {
        this.meeting = meeting;
        this.ws = ws;
        ws.textMessageHandler(this::received);
        ws.closeHandler(v -> {
            closeCode = ws.closeStatusCode();
            closed = true;
            welcome.tryFail("closed with " + closeCode);
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed with " + closeCode)));
        });
        ws.exceptionHandler(e -> {
        });
    }

    private void received(String text) {
        long now = System.nanoTime();
        if (text.startsWith("{\"type\":\"event\",\"seq\":")) {
            arrived(parseLong(text, "{\"type\":\"event\",\"seq\":".length()), now);
            EVENT_BYTES.addAndGet(text.length());
            EVENT_FRAMES.incrementAndGet();
            return;
        }
        if (text.startsWith(BATCH)) {
            // A merged round (displays and phones): every event in it arrived now.
            long first = parseLong(text, BATCH.length());
            int last = text.indexOf("\"lastSeq\":") + "\"lastSeq\":".length();
            for (long seq = first, end = parseLong(text, last); seq <= end; seq++) {
                arrived(seq, now);
            }
            EVENT_BYTES.addAndGet(text.length());
            EVENT_FRAMES.incrementAndGet();
            return;
        }
        if (text.startsWith("{\"type\":\"own\"")) {
            return;
        }
        if (welcomeArrivedNanos < 0 && text.startsWith("{\"type\":\"welcome\"")) {
            welcomeArrivedNanos = now;
            welcomeBytes = text.length();
        }
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            welcome.tryFail("not JSON: " + text);
            return;
        }
        String type = frame.path("type").asText();
        if (type.equals("welcome")) {
            welcomeSeq = frame.path("seq").asLong();
            welcome.tryComplete(frame);
        } else if (frame.has("id")) {
            String id = frame.path("id").asText();
            CompletableFuture<Answer> answer = pending.remove(id);
            Long sent = sentAt.remove(id);
            if (answer != null) {
                answer.complete(new Answer(id, sent == null ? now : sent, now, frame));
            }
        } else if (type.equals("error")) {
            welcome.tryComplete(frame); // a refused hello
        }
    }

    private static final String BATCH = "{\"type\":\"events\",\"firstSeq\":";

    private synchronized void arrived(long seq, long now) {
        if (n == seqs.length) {
            seqs = Arrays.copyOf(seqs, n * 2);
            times = Arrays.copyOf(times, n * 2);
        }
        seqs[n] = seq;
        times[n] = now;
        n++;
    }

    private static long parseLong(String text, int from) {
        long v = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    Future<JsonNode> hello(String helloJson) {
        ws.writeTextMessage(helloJson);
        return welcome.future();
    }

    /** Sends a command; the future completes with its ack or error. */
    CompletableFuture<Answer> command(String id, String name, Object args) {
        String frame = "{\"type\":\"command\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"args\":"
                + (args == null ? "{}" : Json.write(args)) + "}";
        return sendRaw(id, frame);
    }

    CompletableFuture<Answer> sendRaw(String id, String frame) {
        var answer = new CompletableFuture<Answer>();
        pending.put(id, answer);
        sentAt.put(id, System.nanoTime());
        ws.writeTextMessage(frame);
        return answer;
    }

    /** Arrival (nanoTime) of the event with this seq, or -1 if it never came. */
    synchronized long arrivalOf(long seq) {
        int i = Arrays.binarySearch(seqs, 0, n, seq);
        return i >= 0 ? times[i] : -1;
    }

    synchronized int eventCount() {
        return n;
    }

    /** True when the events after the welcome run from welcomeSeq+1 to {@code last} without gap or repeat. */
    synchronized boolean complete(long last) {
        long expected = welcomeSeq + 1;
        for (int i = 0; i < n; i++) {
            if (seqs[i] != expected) {
                return false;
            }
            expected++;
        }
        return expected == last + 1;
    }

    void close() {
        if (!closed) {
            ws.close();
        }
    }
}
