package vn.doithoai.bench;

import io.vertx.pgclient.PgConnectOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server under test as a separate JVM ({@code bin/serve target/doithoai.jar}, with -Xmx… in JAVA_OPTS) on its
 * embedded PostgreSQL in a fresh data folder, so heap and RSS are the server's own. Stopped with
 * SIGTERM (then killed), and its PostgreSQL too if the JVM left it running — also on failure and
 * at the bench JVM's exit.
 */
final class ForkedServer implements Target {

    static final String SECRET = "bench-organiser-secret";
    /** The script that starts an installed server (bin/run and the Docker image use it too). */
    static final Path SERVE = Path.of("bin", "serve");
    private static final Set<ForkedServer> LIVE = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ForkedServer::close), "bench-stop-servers"));
    }

    private final Path jar;
    private final Path dataDir;
    private final int httpPort;
    private final int pgPort;
    private final String xmx;
    private final List<String> jvmArgs;
    private final Path log;
    private Process process;

    private final boolean classArchive;

    private ForkedServer(Path jar, Path dataDir, int httpPort, int pgPort, String xmx, List<String> jvmArgs,
                         boolean classArchive, Path log) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.pgPort = pgPort;
        this.xmx = xmx;
        this.jvmArgs = jvmArgs;
        this.classArchive = classArchive;
        this.log = log;
    }

    /** Starts the jar on a fresh data folder and waits until it is healthy. */
    static ForkedServer start(Path jar, String xmx, List<String> jvmArgs, boolean classArchive, Path logDir, String name)
            throws Exception {
        Path dataDir = Files.createTempDirectory("doithoai-bench-" + name);
        var server = new ForkedServer(jar, dataDir, Ports.free(), Ports.free(), xmx, jvmArgs, classArchive,
                logDir.resolve(name + "-server.log"));
        server.launch();
        server.awaitHealthy(120_000);
        return server;
    }

    private void launch() throws IOException {
        // As installed: bin/serve runs the jar with its class-data archive in the data folder (made
        // when the first start stops, mapped by the later ones), then execs java, so the pid is the JVM's.
        var cmd = new ArrayList<String>();
        cmd.add("bash");
        cmd.add(SERVE.toString());
        cmd.add(jar.toString());
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        var env = pb.environment();
        env.remove("DATABASE_URL");
        env.put("JAVA_OPTS", String.join(" ", javaOptions()));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        env.put("DOITHOAI_PORT", Integer.toString(httpPort));
        env.put("DOITHOAI_HOST", "127.0.0.1");
        env.put("DOITHOAI_DATA_DIR", dataDir.toString());
        env.put("DOITHOAI_ADMIN_SECRET", SECRET);
        env.put("DOITHOAI_EMBEDDED_PG_PORT", Integer.toString(pgPort));
        if (!classArchive) {
            env.put("DOITHOAI_CLASS_ARCHIVE", "off");
        }
        process = pb.start();
        LIVE.add(this);
    }

    private List<String> javaOptions() {
        var options = new ArrayList<String>();
        options.add("-Xmx" + xmx);
        // Its pauses with the wall clock, to set beside the fan-out timeline (a tail is often one).
        // JAVA_OPTS is split at spaces (bin/serve), so a folder with a space in its path gets no GC log.
        Path gcLog = log.toAbsolutePath().resolveSibling(log.getFileName().toString().replace(".log", "-gc.log"));
        if (!gcLog.toString().contains(" ")) {
            options.add("-Xlog:gc:file=" + gcLog + ":time,uptime");
        }
        options.addAll(jvmArgs);
        return options;
    }

    @Override
    public long awaitHealthy(long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the server was not healthy within " + timeoutMs + " ms; see " + log);
    }

    @Override
    public int httpPort() {
        return httpPort;
    }

    @Override
    public PgConnectOptions pg() {
        // The embedded server's superuser password, kept in its data folder (mode 600).
        String password;
        try {
            password = Files.readString(dataDir.resolve("postgres.password")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new PgConnectOptions().setHost("127.0.0.1").setPort(pgPort).setDatabase("doithoai").setUser("postgres")
                .setPassword(password);
    }

    @Override
    public String adminSecret() {
        return SECRET;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** Heap used after a full GC, in bytes (jcmd GC.run, then GC.heap_info). */
    long heapUsedAfterGc() throws Exception {
        jcmd("GC.run");
        Thread.sleep(300);
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read GC.heap_info: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** Resident set size in bytes, from /proc/<pid>/status. */
    long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid());
    }

    long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    String jcmd(String... command) throws Exception {
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid()));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public long restart() throws Exception {
        stopProcess();
        long start = System.nanoTime();
        launch();
        return start;
    }

    @Override
    public boolean canCrash() {
        return true;
    }

    @Override
    public long crashAndRestart() throws Exception {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long start = System.nanoTime();
        launch();
        return start;
    }

    /** SIGTERM, wait for a clean exit (the server stops its PostgreSQL), then make sure. */
    private void stopProcess() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(pg -> {
            pg.destroy();
            try {
                pg.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                pg.destroyForcibly();
            }
        });
    }

    /** PostgreSQL's own log (checkpoints, slow fsyncs) beside the server's, before the data folder goes. */
    private void keepPostgresLog() {
        Path pgLog = dataDir.resolve("postgres.log");
        if (Files.exists(pgLog)) {
            try {
                Files.copy(pgLog, log.resolveSibling(log.getFileName().toString().replace("-server.log", "-postgres.log")),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                System.err.println("bench: could not keep " + pgLog + ": " + e.getMessage());
            }
        }
    }

    private Optional<Long> postmasterPid() {
        try (Stream<Path> files = Files.walk(dataDir, 4)) {
            Optional<Path> pidFile = files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst();
            if (pidFile.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile.get()).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stopProcess();
        LIVE.remove(this);
        keepPostgresLog();
        deleteRecursively(dataDir);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
