package vn.doithoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import vn.doithoai.codec.Json;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load benchmark: {@code bash bin/bench [scenario] [--option value]…}; see {@link #HELP}.
 * Starts the server under test as a separate JVM per scenario, drives it over loopback with
 * real WebSockets, prints a table per scenario and the targets met or not, and writes JSON
 * under target/bench/. Exits 0 whatever the figures; non-zero only when the harness broke.
 */
public final class Bench {

    static final String HELP = """
            usage: bash bin/bench [all|fanout|burst|idle|recovery|search|form|minutes|reports] [--option value]...

            Starts target/doithoai.jar as a separate JVM (fresh temp data folder, embedded PostgreSQL,
            loopback ports) for each scenario, drives it with real WebSocket clients, prints a table,
            checks the targets, and writes JSON to target/bench/. Exits 0 whatever the figures.

            scenarios (default: all, in this order)
              fanout     M meetings x K screens; chairs send ExtendSlot at a steady rate; latency from the
                         command leaving to each screen's event, to the last screen, and to the chair's ack;
                         then the same clients and rate against a bare Vert.x broadcaster (separate JVM)
              burst      raw committed INSERT rate (one connection; a pool of 8 at once) on the server's own
                         PostgreSQL; W warm-up bursts into throwaway meetings (the first reported as cold);
                         B phones register within one window into one meeting (ack latency,
                         persisted read back, lost); the same phones register again all at once (one meeting's
                         durable rate); B phones over N meetings all at once (the server's durable rate)
              idle       hold C connections; server heap (after full GC) and RSS per connection
              recovery   a meeting of E events; SIGKILL, then SIGTERM; restart on the same data; time to ready and served
              search     P petitions over N communes seeded into the record; Q desk searches (text without
                         diacritics, filters, overdue, later pages), C at once, over HTTP; latency p50/p95/p99
              reports    P petitions, M meetings with their events and conclusions in N communes seeded; a year's
                         report over every commune and over one, asked R times over HTTP; the query plans
                         written to target/bench/report-plans.txt
              form       the public petition form at R submissions/s, W s unmeasured then S s measured (open
                         loop); latency of each from when it was due; the stored petitions counted against the 201s
              minutes    no server, in a JVM of its own with the server's options: a four-hour meeting of N
                         speeches made by the rules (about 2,000 events for 300), replayed; the minutes built
                         from its state and written as .docx, W unmeasured runs then R measured; wall and CPU
                         time p50/p95/max

            options (defaults in brackets)
              --meetings M          fan-out meetings [100]
              --screens K           fan-out screens per meeting (1 display + K-1 phones) [200]
              --rate R              commands per second per meeting [1]
              --seconds S           measured fan-out seconds [60]
              --warmup W            fan-out seconds before measuring [5]
              --no-bare             skip the bare broadcaster
              --phones B            burst phones [2000]
              --window-ms T         burst spread [1000]
              --burst-warmups W     throwaway bursts into other meetings before the measured one, so the
                                    JIT has compiled the path, as on a server that has run a while;
                                    the first is reported as "cold" [3]
              --throughput-meetings N   meetings in the all-meetings flood [10]
              --raw-seconds S       bound of each raw INSERT run [10]
              --raw-count N         bound of each raw INSERT run [20000]
              --connections C       idle connections [20000]
              --idle-seconds S      idle time before measuring [5]
              --events E            recovery events [10000]
              --restarts N          recovery restarts of each kind; the figures are their median [3]
              --petitions P         search: petitions seeded [300000]
              --communes N          search: communes [100]
              --queries Q           search: measured queries, after 200 unmeasured [2000]
              --query-concurrency C search: queries in flight [4]
              --report-meetings M   reports: meetings held in the year [10000]
              --report-runs R       reports: measured reports of each kind, after 20 unmeasured [100]
              --form-rate R         form: submissions per second [500]
              --form-seconds S      form: measured seconds [20]
              --form-warmup W       form: seconds at the same rate before measuring, reported as "cold" [5]
              --speeches N          minutes: speeches in the meeting [300]
              --minutes-runs R      minutes: measured documents [20]
              --minutes-warmups W   minutes: documents before measuring, reported as "cold" [20]
              --xmx SIZE            -Xmx of the server and the bare broadcaster [2g]
              --client-loops N      event loops of the load generator [2]
              --connect-concurrency N   handshakes in flight [200]
              --profile             record JFR on the server (target/bench/<scenario>.jfr)
              --server-jvm "OPTS"   more JVM options for the server, e.g. "-Xlog:gc+phases=debug:file=gc.log"
              --jar PATH            server jar [target/doithoai.jar]
              --out DIR             output folder [target/bench]
              --help                this text

            File descriptors: every client socket is one file in this JVM and one in the server; bin/bench
            raises `ulimit -n` as far as the hard limit allows and says so when that caps the clients.
            """;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        String scenario = "all";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(HELP);
                return;
            } else if (a.equals("--no-bare") || a.equals("--profile")) {
                o.put(a.substring(2), "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    fail("option " + a + " needs a value");
                }
                o.put(a.substring(2), args[++i]);
            } else {
                scenario = a;
            }
        }
        List<String> known = List.of("meetings", "screens", "rate", "seconds", "warmup", "no-bare", "phones", "window-ms", "burst-warmups",
                "throughput-meetings", "raw-seconds", "raw-count", "connections", "idle-seconds", "events", "restarts", "xmx",
                "client-loops", "connect-concurrency", "profile", "server-jvm", "jar", "out", "petitions", "communes", "queries",
                "query-concurrency", "form-rate", "form-seconds", "form-warmup", "speeches", "minutes-runs", "minutes-warmups");
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                fail("unknown option --" + k + " (see --help)");
            }
        }
        if (!List.of("all", "fanout", "burst", "idle", "recovery", "search", "form", "minutes", "reports").contains(scenario)) {
            fail("unknown scenario " + scenario + " (see --help)");
        }
        Path out = Path.of(o.getOrDefault("out", "target/bench"));
        Files.createDirectories(out);
        Path jar = Path.of(o.getOrDefault("jar", System.getProperty("bench.jar", "target/doithoai.jar")));
        if (!Files.exists(jar)) {
            fail(jar + " is missing: build it with mvn -DskipTests package (bin/bench does)");
        }
        String xmx = o.getOrDefault("xmx", "2g");
        long maxFds = maxFileDescriptors();
        int budget = (int) Math.max(100, maxFds - 500);
        boolean profile = o.containsKey("profile");

        ObjectNode run = Json.object();
        run.put("startedAt", Instant.now().toString());
        run.put("command", "bash bin/bench " + String.join(" ", args));
        run.set("machine", machine(maxFds));
        run.set("parameters", Json.tree(o));
        System.out.println("doithoai benchmark — " + run.get("command").asText());
        System.out.println(Json.write(run.get("machine")));

        String[] current = {"server"};
        var env = new Scenarios.Env(() -> {
            try {
                var jvm = new ArrayList<String>();
                if (profile) {
                    jvm.add("-XX:StartFlightRecording=filename=" + out.resolve(current[0] + ".jfr").toAbsolutePath()
                            + ",settings=profile,dumponexit=true");
                }
                if (o.containsKey("server-jvm")) {
                    jvm.addAll(List.of(o.get("server-jvm").trim().split("\\s+")));
                }
                // JFR records nothing while the JVM writes its class-data archive (bin/serve, first start).
                return ForkedServer.start(jar, xmx, jvm, !profile, out, current[0]);
            } catch (Exception e) {
                throw new IllegalStateException("the server did not start: " + e.getMessage(), e);
            }
        }, intOpt(o, "client-loops", 2), intOpt(o, "connect-concurrency", 200), budget, xmx, out);

        var results = Json.object();
        run.set("results", results);
        boolean all = scenario.equals("all");
        if (all || scenario.equals("fanout")) {
            current[0] = "fanout";
            results.set("fanout", Scenarios.fanOut(env, intOpt(o, "meetings", 100), intOpt(o, "screens", 200),
                    Double.parseDouble(o.getOrDefault("rate", "1")), intOpt(o, "seconds", 60), intOpt(o, "warmup", 5),
                    !o.containsKey("no-bare")));
            Report.fanOut(results.get("fanout"));
            write(out, "fanout", results.get("fanout"));
        }
        if (all || scenario.equals("burst")) {
            current[0] = "burst";
            results.set("burst", Scenarios.burst(env, intOpt(o, "phones", 2000), intOpt(o, "window-ms", 1000),
                    intOpt(o, "throughput-meetings", 10), intOpt(o, "raw-seconds", 10), intOpt(o, "raw-count", 20000),
                    intOpt(o, "burst-warmups", 3)));
            Report.burst(results.get("burst"));
            write(out, "burst", results.get("burst"));
        }
        if (all || scenario.equals("idle")) {
            current[0] = "idle";
            results.set("idle", Scenarios.idle(env, intOpt(o, "connections", 20000), intOpt(o, "idle-seconds", 5)));
            Report.idle(results.get("idle"));
            write(out, "idle", results.get("idle"));
        }
        if (all || scenario.equals("recovery")) {
            current[0] = "recovery";
            results.set("recovery", Scenarios.recovery(env, intOpt(o, "events", 10000), Math.max(1, intOpt(o, "restarts", 3))));
            Report.recovery(results.get("recovery"));
            write(out, "recovery", results.get("recovery"));
        }
        if (all || scenario.equals("search")) {
            current[0] = "search";
            results.set("search", PetitionScenarios.search(env, intOpt(o, "petitions", 300_000), intOpt(o, "communes", 100),
                    intOpt(o, "queries", 2000), intOpt(o, "query-concurrency", 4)));
            Report.search(results.get("search"));
            write(out, "search", results.get("search"));
        }
        if (all || scenario.equals("form")) {
            current[0] = "form";
            results.set("form", PetitionScenarios.form(env, intOpt(o, "form-rate", 500), intOpt(o, "form-seconds", 20),
                    intOpt(o, "form-warmup", 5)));
            Report.form(results.get("form"));
            write(out, "form", results.get("form"));
        }
        if (all || scenario.equals("minutes")) {
            results.set("minutes", MinutesScenario.forked(xmx, intOpt(o, "speeches", 300), intOpt(o, "minutes-runs", 20),
                    intOpt(o, "minutes-warmups", 20)));
            Report.minutes(results.get("minutes"));
            write(out, "minutes", results.get("minutes"));
        }
        if (all || scenario.equals("reports")) {
            current[0] = "reports";
            results.set("reports", ReportScenarios.reports(env, intOpt(o, "petitions", 300_000), intOpt(o, "communes", 100),
                    intOpt(o, "report-meetings", 10_000), intOpt(o, "report-runs", 100)));
            Report.reports(results.get("reports"));
            write(out, "reports", results.get("reports"));
        }
        run.set("targets", Report.targets(results, intOpt(o, "connections", 20000), intOpt(o, "phones", 2000)));
        run.put("finishedAt", Instant.now().toString());
        String stamp = run.get("startedAt").asText().replace(":", "").replace(".", "");
        write(out, "run-" + stamp, run);
        write(out, "latest", run);
        System.out.println("\nJSON: " + out.resolve("run-" + stamp + ".json"));
        System.exit(0);
    }

    private static void write(Path out, String name, JsonNode json) throws Exception {
        Files.writeString(out.resolve(name + ".json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static int intOpt(Map<String, String> o, String key, int fallback) {
        try {
            return o.containsKey(key) ? Integer.parseInt(o.get(key)) : fallback;
        } catch (NumberFormatException e) {
            fail("--" + key + " needs a whole number");
            return fallback;
        }
    }

    private static void fail(String message) {
        System.err.println("bench: " + message);
        System.exit(2);
    }

    static long maxFileDescriptors() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : 1024;
    }

    static ObjectNode machine(long maxFds) throws Exception {
        ObjectNode m = Json.object();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                m.put("memoryGiB", Math.round(Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0 / 1024.0 * 10) / 10.0);
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                break;
            }
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("vertx", versionOf(Vertx.class));
        m.put("hdrHistogram", versionOf(org.HdrHistogram.Histogram.class));
        // The server, the bare broadcaster and the load generator all prefer it (the server logs what it got).
        m.put("sockets", io.netty.channel.epoll.Epoll.isAvailable() ? "epoll" : "Java NIO");
        m.put("commit", System.getProperty("bench.commit", "unknown"));
        m.put("openFilesLimit", maxFds);
        m.put("loadGeneratorJvm", String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> a.startsWith("-X")).toList()));
        return m;
    }

    private static String versionOf(Class<?> type) {
        try (var in = Vertx.class.getClassLoader().getResourceAsStream("META-INF/vertx/vertx-version.txt")) {
            if (type == Vertx.class && in != null) {
                return new String(in.readAllBytes()).trim();
            }
        } catch (Exception ignored) {
            // fall through
        }
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
