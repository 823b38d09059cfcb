package vn.doithoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.codec.Json;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The scenarios of the benchmark; each returns its figures as JSON. Loops are bounded in count and time. */
final class Scenarios {

    private Scenarios() {
    }

    /** What every scenario needs: how to start a server under test, and how many sockets fit. */
    record Env(Supplier<Target> servers, int clientLoops, int connectConcurrency, int socketBudget, String xmx,
               Path outDir) {
    }

    static final String SLOT_ARGS = "{\"seconds\":1}";

    // ---- 1. fan-out ---------------------------------------------------------------------------

    static ObjectNode fanOut(Env env, int meetings, int screens, double rate, int seconds, int warmup, boolean withBare)
            throws Exception {
        ObjectNode out = Json.object();
        int fit = Math.max(1, env.socketBudget() / meetings - 1);
        if (screens > fit) {
            out.put("screensRequested", screens).put("screensCappedBecause", "open-file limit: " + env.socketBudget()
                    + " sockets fit in one process (ulimit -n less a reserve); " + meetings + " chairs + " + meetings
                    + " × " + screens + " screens do not");
            screens = fit;
        }
        out.put("meetings", meetings).put("screensPerMeeting", screens).put("clients", meetings * (screens + 1))
                .put("commandsPerSecondPerMeeting", rate).put("seconds", seconds).put("warmupSeconds", warmup);
        // Every event of the run and some slack, for this run and the bare one.
        Conn.expectedFrames = (int) Math.ceil((warmup + seconds + 5) * rate) + 16;
        double bytes;
        try (Target server = env.servers().get(); Clients clients = new Clients(server.httpPort(), env.clientLoops())) {
            // What a durable commit costs on this disk, in this run: part of every figure below, none of the bare one's.
            out.set("commitLatency", rawInserts(server, clients, 2, 5000));
            var rest = new Rest(server.httpPort(), server.adminSecret());
            var created = new ArrayList<Rest.Meeting>();
            for (int m = 0; m < meetings; m++) {
                created.add(rest.createMeeting("Bench fan-out " + m));
            }
            var chairSpecs = new ArrayList<Clients.Spec>();
            for (int m = 0; m < meetings; m++) {
                chairSpecs.add(new Clients.Spec(m, Clients.helloToken(created.get(m).chair())));
            }
            List<Conn> chairs = clients.connect(chairSpecs, env.connectConcurrency(), 120_000);
            var ready = new ArrayList<CompletableFuture<?>>();
            for (Conn chair : chairs) {
                ready.add(chair.command("o-" + chair.meeting, "OpenRegistration", null)
                        .thenCompose(a -> chair.command("r-" + chair.meeting, "RegisterAtDesk",
                                Map.of("name", "Nguyễn Văn An", "village", "Thôn 1", "topic", "Đường liên thôn")))
                        .thenCompose(a -> chair.command("s-" + chair.meeting, "StartMeeting", null))
                        .thenCompose(a -> chair.command("c-" + chair.meeting, "CallNext", Map.of("seconds", 3600)))
                        .thenCompose(a -> chair.command("t-" + chair.meeting, "StartSlot", null))
                        .thenApply(a -> {
                            if (!a.ok()) {
                                throw new IllegalStateException("setting up the meeting failed: " + a.frame());
                            }
                            return a;
                        }));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            var specs = new ArrayList<Clients.Spec>();
            for (int i = 0; i < screens; i++) {
                for (int m = 0; m < meetings; m++) {
                    Rest.Meeting mt = created.get(m);
                    specs.add(new Clients.Spec(m, i == 0 ? Clients.helloToken(mt.display()) : Clients.helloJoin(mt.joinCode())));
                }
            }
            long t0 = System.nanoTime();
            List<Conn> screenConns = clients.connect(specs, env.connectConcurrency(), 600_000);
            out.put("connectSeconds", (System.nanoTime() - t0) / 1e9);
            Conn.EVENT_BYTES.set(0);
            Conn.EVENT_FRAMES.set(0);
            ObjectNode doithoai = drive(server.pid(), clients, chairs, screenConns, meetings, rate, seconds, warmup,
                    (chair, id) -> chair.command(id, "ExtendSlot", Map.of("seconds", 1)),
                    env.outDir().resolve("fanout-timeline.csv"));
            bytes = Conn.EVENT_FRAMES.get() == 0 ? 300 : (double) Conn.EVENT_BYTES.get() / Conn.EVENT_FRAMES.get();
            doithoai.put("meanEventFrameChars", Math.round(bytes));
            out.set("doithoai", doithoai);
        }
        if (withBare) {
            out.set("bare", bareFanOut(env, meetings, screens, rate, seconds, warmup, (int) Math.round(bytes)));
        }
        return out;
    }

    private static ObjectNode bareFanOut(Env env, int meetings, int screens, double rate, int seconds, int warmup,
                                         int frameBytes) throws Exception {
        int port = Ports.free();
        var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + env.xmx(),
                "-Xlog:gc:file=" + env.outDir().toAbsolutePath().resolve("bare-broadcaster-gc.log") + ":time,uptime",
                "-cp", System.getProperty("java.class.path"), BareBroadcaster.class.getName(), Integer.toString(port));
        Process bare = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(env.outDir().resolve("bare-broadcaster.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(bare::destroyForcibly));
        try (Clients clients = new Clients(port, env.clientLoops())) {
            awaitPort(port, bare);
            var chairSpecs = new ArrayList<Clients.Spec>();
            for (int m = 0; m < meetings; m++) {
                chairSpecs.add(new Clients.Spec(m, "HELLO " + m));
            }
            List<Conn> chairs = clients.connect(chairSpecs, env.connectConcurrency(), 120_000);
            var specs = new ArrayList<Clients.Spec>();
            for (int i = 0; i < screens; i++) {
                for (int m = 0; m < meetings; m++) {
                    specs.add(new Clients.Spec(m, "HELLO " + m));
                }
            }
            List<Conn> screenConns = clients.connect(specs, env.connectConcurrency(), 600_000);
            ObjectNode result = drive(bare.pid(), clients, chairs, screenConns, meetings, rate, seconds, warmup,
                    (chair, id) -> chair.sendRaw(id, "CMD " + id + " " + frameBytes),
                    env.outDir().resolve("fanout-bare-timeline.csv"));
            result.put("frameChars", frameBytes).put("pid", bare.pid());
            return result;
        } finally {
            bare.destroy();
            if (!bare.waitFor(20, TimeUnit.SECONDS)) {
                bare.destroyForcibly();
            }
        }
    }

    private static void awaitPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bare broadcaster exited with " + process.exitValue());
            }
            try (var s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the bare broadcaster did not listen within 60 s");
    }

    private record Sent(int meeting, boolean measured, CompletableFuture<Conn.Answer> answer) {
    }

    /**
     * Each chair sends one command every 1/rate s (phases spread at random) for {@code seconds};
     * afterwards every screen's arrival of the command's last event is joined with its send time.
     * Each measured command is also a line of {@code timeline}: when it left (wall clock, to set
     * beside a GC log) and how long its last screen and its ack took, to see what a tail is made of.
     */
    private static ObjectNode drive(long serverPid, Clients clients, List<Conn> chairs, List<Conn> screens, int meetings,
                                    double rate, int seconds, int warmup,
                                    BiFunction<Conn, String, CompletableFuture<Conn.Answer>> send, Path timeline)
            throws Exception {
        var byMeeting = new ArrayList<List<Conn>>();
        for (int m = 0; m < meetings; m++) {
            byMeeting.add(new ArrayList<>());
        }
        screens.forEach(s -> byMeeting.get(s.meeting).add(s));
        Thread.sleep(2000); // let the welcomes settle
        long periodMs = Math.max(1, Math.round(1000 / rate));
        var sent = Collections.synchronizedList(new ArrayList<Sent>());
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = start + TimeUnit.SECONDS.toNanos(warmup + seconds);
        long cpu0 = cpuNanos(serverPid);
        long selfCpu0 = selfCpuNanos();
        var counter = new AtomicLong();
        Lat loopLag = meterLoopLag(clients, measureFrom, end);
        for (Conn chair : chairs) {
            long phase = ThreadLocalRandom.current().nextLong(periodMs) + 1;
            clients.vertx.setPeriodic(phase, periodMs, timer -> {
                long now = System.nanoTime();
                if (now >= end) {
                    clients.vertx.cancelTimer(timer);
                    return;
                }
                String id = "x" + chair.meeting + "-" + counter.incrementAndGet();
                sent.add(new Sent(chair.meeting, now >= measureFrom, send.apply(chair, id)));
            });
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 100);
        long answeredBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Sent> all;
        synchronized (sent) {
            all = new ArrayList<>(sent);
        }
        int unanswered = 0;
        for (Sent s : all) {
            try {
                s.answer().get(Math.max(1, answeredBy - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                unanswered++;
            }
        }
        long cpu1 = cpuNanos(serverPid);
        long selfCpu1 = selfCpuNanos();
        double wall = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000); // the last events reach the screens
        var perClient = new Lat();
        var lastScreen = new Lat();
        var ack = new Lat();
        long deliveriesExpected = 0;
        long missing = 0;
        int refused = 0;
        long[] finalSeq = new long[meetings];
        long wallMinusNanos = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        var lines = new StringBuilder("sentEpochMs,meeting,lastScreenMs,ackMs\n");
        for (Sent s : all) {
            if (!s.answer().isDone() || s.answer().isCompletedExceptionally()) {
                continue;
            }
            Conn.Answer a = s.answer().join();
            if (!a.ok()) {
                refused++;
                continue;
            }
            finalSeq[s.meeting()] = Math.max(finalSeq[s.meeting()], a.lastSeq());
            if (!s.measured()) {
                continue;
            }
            ack.recordNanos(a.answeredNanos() - a.sentNanos());
            long latest = 0;
            boolean allGot = true;
            for (Conn screen : byMeeting.get(s.meeting())) {
                deliveriesExpected++;
                long arrived = screen.arrivalOf(a.lastSeq());
                if (arrived < 0) {
                    missing++;
                    allGot = false;
                    continue;
                }
                perClient.recordNanos(arrived - a.sentNanos());
                latest = Math.max(latest, arrived);
            }
            if (allGot) {
                lastScreen.recordNanos(latest - a.sentNanos());
            }
            lines.append((wallMinusNanos + a.sentNanos()) / 1_000_000).append(',').append(s.meeting()).append(',')
                    .append(allGot ? String.format(Locale.ROOT, "%.2f", (latest - a.sentNanos()) / 1e6) : "")
                    .append(',').append(String.format(Locale.ROOT, "%.2f", (a.answeredNanos() - a.sentNanos()) / 1e6)).append('\n');
        }
        Files.writeString(timeline, lines);
        ObjectNode loopLagFigures;
        synchronized (loopLag) {
            loopLagFigures = loopLag.json();
        }
        int closed = 0;
        int incomplete = 0;
        for (Conn screen : screens) {
            if (screen.closed) {
                closed++;
            }
            if (!screen.complete(finalSeq[screen.meeting])) {
                incomplete++;
            }
        }
        return Json.object()
                .put("commandsSent", all.size())
                .put("commandsUnanswered", unanswered)
                .put("commandsRefused", refused)
                .put("deliveriesMeasured", perClient.count())
                .put("deliveriesMissing", missing)
                .put("screensClosedByServer", closed)
                .put("screensWithGapOrMissingEvents", incomplete)
                .put("eventsPerSecondDelivered", deliveriesExpected / (double) seconds)
                .put("serverCpuCores", cpu0 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9 / wall)
                .put("benchCpuCores", (selfCpu1 - selfCpu0) / 1e9 / wall)
                .<ObjectNode>set("toEachScreen", perClient.json())
                .<ObjectNode>set("toLastScreen", lastScreen.json())
                .<ObjectNode>set("toChairAck", ack.json())
                .set("loadGeneratorLoopLag", loopLagFigures);
    }

    /**
     * How late each of the load generator's event loops runs a 10 ms tick while measuring: every
     * arrival it timestamps is late by as much, on top of the server's latency (its GC pauses,
     * or a loop busy reading frames).
     */
    private static Lat meterLoopLag(Clients clients, long from, long end) {
        var lag = new Lat();
        // Each of the loops, by Netty's own scheduler (Vert.x would pick the loops for its timers).
        for (io.netty.util.concurrent.EventExecutor loop : ((io.vertx.core.internal.VertxInternal) clients.vertx).nettyEventLoopGroup()) {
            long[] expected = {System.nanoTime() + TICK_NANOS};
            var tick = new io.netty.util.concurrent.ScheduledFuture<?>[1];
            tick[0] = loop.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                if (now >= end) {
                    tick[0].cancel(false);
                    return;
                }
                if (now >= from) {
                    synchronized (lag) {
                        lag.recordNanos(now - expected[0]);
                    }
                }
                expected[0] = now + TICK_NANOS;
            }, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
        }
        return lag;
    }

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    // ---- 2. registration burst, with the raw INSERT limits ------------------------------------

    static ObjectNode burst(Env env, int phones, int windowMs, int throughputMeetings, int rawSeconds, int rawCount,
                            int warmups) throws Exception {
        ObjectNode out = Json.object().put("phones", phones).put("windowMs", windowMs)
                .put("throughputMeetings", throughputMeetings).put("warmups", warmups);
        try (Target server = env.servers().get(); Clients clients = new Clients(server.httpPort(), env.clientLoops())) {
            Pool pg = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(server.pg()).using(clients.vertx).build();
            try {
                out.put("postgres", await(pg.query("SHOW server_version").execute()).iterator().next().getString(0));
                out.set("rawInserts", rawInserts(server, clients, rawSeconds, rawCount));
                var rest = new Rest(server.httpPort(), server.adminSecret());

                // Warm-up: the same burst into throwaway meetings, so the JIT of a freshly started server
                // (and of this load generator) has compiled the path before it is measured. The first one
                // is reported as the cold figure.
                for (int w = 0; w < warmups; w++) {
                    List<Conn> throwaway = openMeetingWithPhones(clients, env, rest.createMeeting("Bench burst warm-up " + w),
                            1000 + w, phones);
                    ObjectNode wave = registerWave(server, clients, throwaway, windowMs, "w" + w);
                    if (w == 0) {
                        out.set("cold", wave);
                    }
                    throwaway.forEach(Conn::close);
                }

                // A: B phones register within the window, into one meeting.
                Rest.Meeting meeting = rest.createMeeting("Bench burst");
                List<Conn> phoneConns = openMeetingWithPhones(clients, env, meeting, 0, phones);
                ObjectNode paced = registerWave(server, clients, phoneConns, windowMs, "a");
                long persisted = await(pg.preparedQuery(
                        "SELECT count(*) FROM events WHERE meeting_id = $1 AND type = 'SpeakerRegistered'")
                        .execute(Tuple.of(UUID.fromString(meeting.id())))).iterator().next().getLong(0);
                long acked = paced.path("acked").asLong();
                paced.put("persisted", persisted).put("lost", phones - persisted);
                out.set("paced", paced);

                // B: the same phones, a second registration each, all at once: one meeting's durable rate.
                out.set("oneMeetingFlood", registerWave(server, clients, phoneConns, 0, "b"));

                // C: the same number of phones spread over several meetings, all at once: the server's rate.
                var many = new ArrayList<Conn>();
                int per = Math.max(1, phones / throughputMeetings);
                for (int m = 0; m < throughputMeetings; m++) {
                    many.addAll(openMeetingWithPhones(clients, env, rest.createMeeting("Bench burst " + m), m + 1, per));
                }
                out.set("manyMeetingsFlood", registerWave(server, clients, many, 0, "c"));
                if (acked != persisted) {
                    out.put("warning", "acked " + acked + " but persisted " + persisted);
                }
            } finally {
                pg.close();
            }
        }
        return out;
    }

    private static List<Conn> openMeetingWithPhones(Clients clients, Env env, Rest.Meeting meeting, int index, int phones)
            throws Exception {
        Conn chair = clients.connect(List.of(new Clients.Spec(index, Clients.helloToken(meeting.chair()))), 1, 30_000).get(0);
        Conn.Answer opened = chair.command("open", "OpenRegistration", null).get(30, TimeUnit.SECONDS);
        if (!opened.ok()) {
            throw new IllegalStateException("OpenRegistration refused: " + opened.frame());
        }
        var specs = new ArrayList<Clients.Spec>();
        for (int i = 0; i < phones; i++) {
            specs.add(new Clients.Spec(index, Clients.helloJoin(meeting.joinCode())));
        }
        return clients.connect(specs, env.connectConcurrency(), 300_000);
    }

    /**
     * Every phone sends one Register, spread evenly over the window (0: all at once). Besides the
     * acks it counts the CPU both sides spent until the last answer and the event frames the
     * screens got meanwhile: on two shared cores, the load generator's work slows the server too.
     */
    private static ObjectNode registerWave(Target server, Clients clients, List<Conn> phones, int windowMs, String tag)
            throws Exception {
        var answers = new ArrayList<CompletableFuture<Conn.Answer>>(Collections.nCopies(phones.size(), null));
        var scheduled = new java.util.concurrent.CountDownLatch(phones.size());
        long cpu0 = cpuNanos(server);
        long selfCpu0 = selfCpuNanos();
        long frames0 = Conn.EVENT_FRAMES.get();
        long t0 = System.nanoTime();
        for (int i = 0; i < phones.size(); i++) {
            int index = i;
            Conn phone = phones.get(i);
            Runnable register = () -> {
                answers.set(index, phone.command(tag + index, "Register", Map.of(
                        "name", "Người dân " + tag + index, "village", "Thôn " + (index % 40),
                        "topic", "Kiến nghị về đường liên thôn số " + index)));
                scheduled.countDown();
            };
            long delayMs = windowMs == 0 ? 0 : (long) index * windowMs / phones.size();
            if (delayMs == 0) {
                register.run();
            } else {
                clients.vertx.setTimer(delayMs, t -> register.run());
            }
        }
        scheduled.await(windowMs + 30_000L, TimeUnit.MILLISECONDS);
        var lat = new Lat();
        int acked = 0;
        int refused = 0;
        int unanswered = 0;
        long lastAnswer = t0;
        long firstSent = Long.MAX_VALUE;
        String firstRefusal = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (CompletableFuture<Conn.Answer> f : answers) {
            try {
                Conn.Answer a = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                firstSent = Math.min(firstSent, a.sentNanos());
                lastAnswer = Math.max(lastAnswer, a.answeredNanos());
                if (a.ok()) {
                    acked++;
                    lat.recordNanos(a.answeredNanos() - a.sentNanos());
                } else {
                    refused++;
                    if (firstRefusal == null) {
                        firstRefusal = a.frame().toString();
                    }
                }
            } catch (Exception e) {
                unanswered++;
            }
        }
        long cpu1 = cpuNanos(server);
        long selfCpu1 = selfCpuNanos();
        long frames1 = Conn.EVENT_FRAMES.get();
        double seconds = (lastAnswer - Math.min(firstSent, lastAnswer)) / 1e9;
        // Wall-clock times of the wave, to cut a profile of the server (--profile) to it.
        long nowNanos = System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        ObjectNode out = Json.object().put("sent", phones.size()).put("acked", acked).put("refused", refused)
                .put("unanswered", unanswered).put("secondsFirstSendToLastAck", seconds)
                .put("firstSentAt", now.minusNanos(nowNanos - Math.min(firstSent, lastAnswer)).toString())
                .put("lastAckAt", now.minusNanos(nowNanos - lastAnswer).toString())
                .put("serverCpuSeconds", cpu0 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9)
                .put("loadGeneratorCpuSeconds", (selfCpu1 - selfCpu0) / 1e9)
                .put("eventFramesToScreens", frames1 - frames0)
                .put("durableEventsPerSecond", seconds > 0 ? acked / seconds : Double.NaN);
        out.set("ack", lat.json());
        if (firstRefusal != null) {
            out.put("firstRefusal", firstRefusal);
        }
        return out;
    }

    /** Committed single-row INSERTs into a scratch table: one connection in sequence, then the whole pool at once. */
    private static ObjectNode rawInserts(Target server, Clients clients, int seconds, int count) throws Exception {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(server.pg()).using(clients.vertx).build();
        try {
            await(pool.query("CREATE TABLE IF NOT EXISTS bench_scratch (id bigserial PRIMARY KEY, meeting_id uuid NOT NULL,"
                    + " payload jsonb NOT NULL, at timestamptz NOT NULL)").execute());
            ObjectNode out = Json.object().put("boundSeconds", seconds).put("boundCount", count);
            out.set("oneConnection", insertLoops(pool, 1, seconds, count));
            out.set("pool8", insertLoops(pool, 8, seconds, count));
            await(pool.query("DROP TABLE bench_scratch").execute());
            return out;
        } finally {
            pool.close();
        }
    }

    private static ObjectNode insertLoops(Pool pool, int loops, int seconds, int count) throws Exception {
        String payload = Json.write(Map.of("registrationId", 1234, "name", "Nguyễn Văn An", "village", "Thôn Broch",
                "group", "", "topic", "Đường liên thôn xuống cấp, đề nghị sửa trước mùa mưa",
                "summary", "Đề nghị sửa đoạn đường 2 km", "source", "PHONE"));
        UUID meeting = UUID.randomUUID();
        var done = new AtomicLong();
        var lat = new Lat();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long t0 = System.nanoTime();
        var all = new ArrayList<Future<Void>>();
        for (int i = 0; i < loops; i++) {
            Promise<Void> finished = Promise.promise();
            new Object() {
                void next() {
                    if (done.get() >= count || System.nanoTime() >= deadline) {
                        finished.tryComplete();
                        return;
                    }
                    long sent = System.nanoTime();
                    pool.preparedQuery("INSERT INTO bench_scratch (meeting_id, payload, at) VALUES ($1, $2::jsonb, $3)")
                            .execute(Tuple.of(meeting, payload, OffsetDateTime.now()))
                            .onSuccess(r -> {
                                synchronized (lat) {
                                    lat.recordNanos(System.nanoTime() - sent);
                                }
                                done.incrementAndGet();
                                next();
                            })
                            .onFailure(finished::tryFail);
                }
            }.next();
            all.add(finished.future());
        }
        await(Future.all(all));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return Json.object().put("connections", loops).put("inserts", done.get()).put("seconds", elapsed)
                .put("commitsPerSecond", done.get() / elapsed).set("latency", lat.json());
    }

    // ---- 3. idle capacity ---------------------------------------------------------------------

    static ObjectNode idle(Env env, int connections, int idleSeconds) throws Exception {
        ObjectNode out = Json.object().put("requested", connections);
        int meetings = Math.max(1, Math.min(100, (connections + 199) / 200));
        if (connections + meetings > env.socketBudget()) {
            out.put("cappedBecause", "open-file limit: " + env.socketBudget()
                    + " sockets fit in one process (ulimit -n less a reserve)");
            connections = env.socketBudget() - meetings;
        }
        out.put("connections", connections).put("meetings", meetings);
        try (Target server = env.servers().get(); Clients clients = new Clients(server.httpPort(), env.clientLoops())) {
            var rest = new Rest(server.httpPort(), server.adminSecret());
            var created = new ArrayList<Rest.Meeting>();
            var chairSpecs = new ArrayList<Clients.Spec>();
            for (int m = 0; m < meetings; m++) {
                created.add(rest.createMeeting("Bench idle " + m));
                chairSpecs.add(new Clients.Spec(m, Clients.helloToken(created.get(m).chair())));
            }
            clients.connect(chairSpecs, env.connectConcurrency(), 60_000); // every meeting loaded, in the baseline
            Thread.sleep(1000);
            Memory before = Memory.of(server);
            var specs = new ArrayList<Clients.Spec>();
            for (int i = 0; i < connections; i++) {
                int m = i % meetings;
                specs.add(new Clients.Spec(m, i < meetings ? Clients.helloToken(created.get(m).display())
                        : Clients.helloJoin(created.get(m).joinCode())));
            }
            long t0 = System.nanoTime();
            clients.connect(specs, env.connectConcurrency(), 600_000);
            out.put("connectSeconds", (System.nanoTime() - t0) / 1e9);
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            Memory after = Memory.of(server);
            int held = clients.open() - meetings;
            out.put("held", held);
            out.set("baseline", before.json());
            out.set("loaded", after.json());
            if (before.heap >= 0) {
                out.put("heapBytesPerConnection", (after.heap - before.heap) / (double) connections)
                        .put("rssBytesPerConnection", (after.rss - before.rss) / (double) connections);
            }
        }
        return out;
    }

    private record Memory(long heap, long rss, long fds) {
        static Memory of(Target t) throws Exception {
            if (t instanceof ForkedServer f) {
                return new Memory(f.heapUsedAfterGc(), f.rss(), f.openFiles());
            }
            return new Memory(-1, -1, -1);
        }

        ObjectNode json() {
            return Json.object().put("heapUsedAfterGcBytes", heap).put("rssBytes", rss).put("openFiles", fds);
        }
    }

    // ---- 4. recovery --------------------------------------------------------------------------

    static ObjectNode recovery(Env env, int events, int restarts) throws Exception {
        ObjectNode out = Json.object().put("events", events).put("restarts", restarts);
        try (Target server = env.servers().get()) {
            if (server.canCrash()) {
                // As on a server that has stopped cleanly once since it was installed: the class-data
                // archive (bin/serve) is written then, and a crash leaves it in place.
                server.restart();
                server.awaitHealthy(120_000);
            }
            var rest = new Rest(server.httpPort(), server.adminSecret());
            Rest.Meeting meeting = rest.createMeeting("Bench recovery");
            long t0 = System.nanoTime();
            long lastSeq;
            try (Clients clients = new Clients(server.httpPort(), env.clientLoops())) {
                List<Conn> staff = clients.connect(List.of(new Clients.Spec(0, Clients.helloToken(meeting.chair())),
                        new Clients.Spec(0, Clients.helloToken(meeting.secretary()))), 2, 30_000);
                Conn chair = staff.get(0);
                Conn secretary = staff.get(1);
                expectOk(chair.command("open", "OpenRegistration", null).get(30, TimeUnit.SECONDS));
                int registrations = Math.max(1, events / 2);
                pump(chair, registrations, i -> new Object[] {"RegisterAtDesk", Map.of("name", "Người dân " + i,
                        "village", "Thôn " + (i % 40), "topic", "Kiến nghị số " + i,
                        "summary", "Đề nghị xem xét việc " + i + " của thôn")});
                lastSeq = expectOk(chair.command("start", "StartMeeting", null).get(30, TimeUnit.SECONDS)).lastSeq();
                int minutes = (int) Math.max(0, events - lastSeq);
                if (minutes > 0) {
                    lastSeq = pump(secretary, minutes, i -> new Object[] {"RecordMinute",
                            Map.of("text", "Biên bản: ý kiến thứ " + i + " về đường liên thôn, nước sinh hoạt và đất sản xuất.")});
                }
            }
            out.put("eventsWritten", lastSeq).put("writeSeconds", (System.nanoTime() - t0) / 1e9);
            // The load generator's side is started before the restarts, so its own start is not counted.
            try (Clients clients = new Clients(server.httpPort(), 1)) {
                // After a crash first: the latest snapshot is then the last regular one, events behind.
                if (server.canCrash()) {
                    out.set("crash", starts(server, clients, meeting, restarts, server::crashAndRestart));
                }
                out.setAll(starts(server, clients, meeting, restarts, server::restart));
            }
        }
        return out;
    }

    private interface Restart {
        long start() throws Exception;
    }

    /** Restarts the server {@code restarts} times and times each start: ready, and the chair's whole state arrived. */
    private static ObjectNode starts(Target server, Clients clients, Rest.Meeting meeting, int restarts, Restart restart)
            throws Exception {
        ObjectNode out = Json.object();
        var each = out.putArray("each");
        for (int i = 0; i < restarts; i++) {
            long start = restart.start();
            long ready = server.awaitHealthy(120_000);
            Conn chair = clients.connect(List.of(new Clients.Spec(0, Clients.helloToken(meeting.chair()))), 1, 60_000).get(0);
            long served = chair.welcomeArrivedNanos; // the chair's whole state has arrived
            each.addObject().put("readyMs", (ready - start) / 1e6).put("servedMs", (served - start) / 1e6)
                    .put("servedAfterReadyMs", (served - ready) / 1e6)
                    .put("welcomeBytes", chair.welcomeBytes).put("welcomeSeq", chair.welcomeSeq)
                    .put("snapshotSeq", snapshotSeq(server, clients, meeting));
            chair.close();
        }
        // The median start: one slow start (this machine is noisy) does not decide the figure.
        for (String figure : List.of("readyMs", "servedMs", "servedAfterReadyMs", "welcomeBytes", "welcomeSeq", "snapshotSeq")) {
            out.put(figure, median(each, figure));
        }
        return out;
    }

    /** The event the meeting's latest snapshot is at: how much a start had to replay after it. */
    private static long snapshotSeq(Target server, Clients clients, Rest.Meeting meeting) throws Exception {
        Pool pg = PgBuilder.pool().connectingTo(server.pg()).using(clients.vertx).build();
        try {
            var rows = pg.preparedQuery("SELECT coalesce(max(seq), 0) AS seq FROM snapshots WHERE meeting_id = $1")
                    .execute(io.vertx.sqlclient.Tuple.of(java.util.UUID.fromString(meeting.id()))).await(30, TimeUnit.SECONDS);
            return rows.iterator().next().getLong("seq");
        } finally {
            pg.close();
        }
    }

    private static double median(JsonNode runs, String figure) {
        double[] values = new double[runs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = runs.get(i).path(figure).asDouble();
        }
        java.util.Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static Conn.Answer expectOk(Conn.Answer a) {
        if (!a.ok()) {
            throw new IllegalStateException("command refused: " + a.frame());
        }
        return a;
    }

    /** Sends {@code total} commands with up to 64 unanswered at once; returns the last seq acknowledged. */
    private static long pump(Conn conn, int total, java.util.function.IntFunction<Object[]> command) throws Exception {
        var window = new Semaphore(64);
        var last = new AtomicLong();
        var failure = new java.util.concurrent.atomic.AtomicReference<String>();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < total && failure.get() == null; i++) {
            if (!window.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer within 60 s");
            }
            Object[] c = command.apply(i);
            conn.command(prefix + "-" + i, (String) c[0], c[1]).whenComplete((a, e) -> {
                if (e != null || !a.ok()) {
                    failure.compareAndSet(null, e != null ? e.toString() : a.frame().toString());
                } else {
                    last.accumulateAndGet(a.lastSeq(), Math::max);
                }
                window.release();
            });
        }
        if (!window.tryAcquire(64, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no answer within 60 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a command was refused: " + failure.get());
        }
        return last.get();
    }

    // ---- helpers ------------------------------------------------------------------------------

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    /** utime+stime of a forked server from /proc/<pid>/stat, in ns; -1 in process. */
    private static long cpuNanos(Target server) {
        return server == null ? -1 : cpuNanos(server.pid());
    }

    /** utime+stime of process {@code pid} (the server under test, or the bare broadcaster), in ns; -1 if unknown. */
    private static long cpuNanos(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long selfCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static JsonNode nothing() {
        return Json.object();
    }
}
