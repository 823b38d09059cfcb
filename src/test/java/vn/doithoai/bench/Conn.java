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
 * every event frame as a range of sequences (read off the frame's first bytes, without decoding
 * the text or a JSON parser, so 20,000 sockets and merged rounds of a thousand events stay
 * cheap: on two shared cores the load generator's work delays the server too), and matches acks
 * and errors to the commands it sent.
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
    /**
     * How many frames each connection made from now on is expected to receive: its arrival arrays
     * are made that large at once. Grown while measuring, they were grown by every screen at the
     * same event (the 16th, the 32nd, …), tens of MB of arrays all alive at the load generator's
     * next young collection, which then paused for up to 100 ms: the worst tails of both fan-out
     * runs, doithoai's and the bare broadcaster's, were those moments.
     */
    static volatile int expectedFrames = 16;
    // Arrivals: frame i brought the events firstSeqs[i]..lastSeqs[i] at times[i].
    private long[] firstSeqs = new long[expectedFrames];
    private long[] lastSeqs = new long[expectedFrames];
    private long[] times = new long[expectedFrames];
    private int n;
    /** The parts of a text message split over several WebSocket frames (a large welcome). */
    private io.vertx.core.buffer.Buffer partial;
    volatile long welcomeSeq = -1;
    /** When the welcome frame arrived (System.nanoTime), before this client parsed it. */
    volatile long welcomeArrivedNanos = -1;
    volatile int welcomeBytes;
    volatile Short closeCode;
    volatile boolean closed;

    Conn(int meeting, WebSocket ws) {
        this.meeting = meeting;
        this.ws = ws;
        ws.frameHandler(this::frame);
        ws.closeHandler(v -> {
            closeCode = ws.closeStatusCode();
            closed = true;
            welcome.tryFail("closed with " + closeCode);
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed with " + closeCode)));
        });
        ws.exceptionHandler(e -> {
        });
    }

    private void frame(io.vertx.core.http.WebSocketFrame frame) {
        if (!frame.isText() && !frame.isContinuation()) {
            return;
        }
        if (partial == null && frame.isFinal()) {
            received(frame.binaryData());
            return;
        }
        if (partial == null) {
            partial = io.vertx.core.buffer.Buffer.buffer();
        }
        partial.appendBuffer(frame.binaryData());
        if (frame.isFinal()) {
            io.vertx.core.buffer.Buffer whole = partial;
            partial = null;
            received(whole);
        }
    }

    private void received(io.vertx.core.buffer.Buffer data) {
        long now = System.nanoTime();
        if (startsWith(data, EVENT)) {
            long seq = parseLong(data, EVENT.length);
            arrived(seq, seq, now);
            EVENT_BYTES.addAndGet(data.length());
            EVENT_FRAMES.incrementAndGet();
            return;
        }
        if (startsWith(data, BATCH)) {
            // A merged round (displays and phones): every event in it arrived now.
            long first = parseLong(data, BATCH.length);
            arrived(first, parseLong(data, indexAfter(data, LAST_SEQ)), now);
            EVENT_BYTES.addAndGet(data.length());
            EVENT_FRAMES.incrementAndGet();
            return;
        }
        if (startsWith(data, OWN) || startsWith(data, TIME)) {
            return; // a bare broadcaster sends no clock frames: they must not cost this client a JSON parse
        }
        String text = data.toString(java.nio.charset.StandardCharsets.UTF_8);
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
            // The state it brings the screen to: after a crash, a staff welcome carries the events after its snapshot.
            JsonNode events = frame.path("events");
            welcomeSeq = events.isEmpty() ? frame.path("seq").asLong() : events.get(events.size() - 1).path("seq").asLong();
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

    private static final byte[] EVENT = ascii("{\"type\":\"event\",\"seq\":");
    private static final byte[] BATCH = ascii("{\"type\":\"events\",\"firstSeq\":");
    private static final byte[] LAST_SEQ = ascii("\"lastSeq\":");
    private static final byte[] OWN = ascii("{\"type\":\"own\"");
    private static final byte[] TIME = ascii("{\"type\":\"time\"");

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(io.vertx.core.buffer.Buffer data, byte[] prefix) {
        if (data.length() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data.getByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where the number after {@code key} starts, searching the frame's head only (-1 if absent). */
    private static int indexAfter(io.vertx.core.buffer.Buffer data, byte[] key) {
        int end = Math.min(data.length(), 200) - key.length;
        for (int i = 0; i <= end; i++) {
            int k = 0;
            while (k < key.length && data.getByte(i + k) == key[k]) {
                k++;
            }
            if (k == key.length) {
                return i + k;
            }
        }
        return -1;
    }

    private synchronized void arrived(long firstSeq, long lastSeq, long now) {
        if (n == times.length) {
            firstSeqs = Arrays.copyOf(firstSeqs, n * 2);
            lastSeqs = Arrays.copyOf(lastSeqs, n * 2);
            times = Arrays.copyOf(times, n * 2);
        }
        firstSeqs[n] = firstSeq;
        lastSeqs[n] = lastSeq;
        times[n] = now;
        n++;
    }

    private static long parseLong(io.vertx.core.buffer.Buffer data, int from) {
        long v = 0;
        for (int i = Math.max(0, from); i < data.length(); i++) {
            byte c = data.getByte(i);
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
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lastSeqs[mid] < seq) {
                lo = mid + 1;
            } else if (firstSeqs[mid] > seq) {
                hi = mid - 1;
            } else {
                return times[mid];
            }
        }
        return -1;
    }

    synchronized long eventCount() {
        long count = 0;
        for (int i = 0; i < n; i++) {
            count += lastSeqs[i] - firstSeqs[i] + 1;
        }
        return count;
    }

    /** True when the events after the welcome run from welcomeSeq+1 to {@code last} without gap or repeat. */
    synchronized boolean complete(long last) {
        long expected = welcomeSeq + 1;
        for (int i = 0; i < n; i++) {
            if (firstSeqs[i] != expected || lastSeqs[i] < firstSeqs[i]) {
                return false;
            }
            expected = lastSeqs[i] + 1;
        }
        return expected == last + 1;
    }

    void close() {
        if (!closed) {
            ws.close();
        }
    }
}
