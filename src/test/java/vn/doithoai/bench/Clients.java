package vn.doithoai.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The load generator's sockets: one Vert.x with a few event loops, real WebSockets to loopback. */
final class Clients implements AutoCloseable {

    /** What one socket says first, and to which meeting (index) it belongs. */
    record Spec(int meeting, String hello) {
    }

    final Vertx vertx;
    private final WebSocketClient client;
    private final int port;
    private final List<Conn> all = Collections.synchronizedList(new ArrayList<>());

    Clients(int port, int eventLoops) {
        this.port = port;
        // Epoll, as the server: the load generator then takes less of the cores it shares with the server.
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(true));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(1_000_000)
                .setConnectTimeout(60_000)
                .setMaxMessageSize(64 * 1024 * 1024)
                .setMaxFrameSize(65536)
                .setTryUsePerMessageCompression(false));
    }

    static String helloToken(String token) {
        return "{\"type\":\"hello\",\"v\":1,\"token\":\"" + token + "\"}";
    }

    static String helloJoin(String joinCode) {
        return "{\"type\":\"hello\",\"v\":1,\"join\":\"" + joinCode + "\"}";
    }

    /**
     * Connects every spec and says hello, at most {@code concurrency} handshakes at a time; returns
     * the welcomed sockets in spec order, or throws if any failed or the time ran out.
     */
    List<Conn> connect(List<Spec> specs, int concurrency, long timeoutMs) throws InterruptedException {
        var gate = new Semaphore(concurrency);
        var done = new CountDownLatch(specs.size());
        var conns = new Conn[specs.size()];
        var failures = new AtomicInteger();
        var firstFailure = new AtomicReference<String>();
        var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (int i = 0; i < specs.size(); i++) {
            if (!gate.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            Spec spec = specs.get(i);
            int index = i;
            client.connect(options).compose(ws -> {
                Conn conn = new Conn(spec.meeting(), ws);
                conns[index] = conn;
                all.add(conn);
                return conn.hello(spec.hello());
            }).onComplete(ar -> {
                if (ar.failed() || !"welcome".equals(ar.result().path("type").asText())) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, ar.failed() ? String.valueOf(ar.cause()) : ar.result().toString());
                }
                gate.release();
                done.countDown();
            });
        }
        if (!done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("only " + (specs.size() - done.getCount()) + " of " + specs.size()
                    + " sockets were welcomed within " + timeoutMs + " ms");
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + specs.size() + " sockets failed; first: " + firstFailure.get());
        }
        return List.of(conns);
    }

    int open() {
        synchronized (all) {
            return (int) all.stream().filter(c -> !c.closed).count();
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(Conn::close);
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // best effort
        }
    }
}
