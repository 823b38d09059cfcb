package vn.doithoai.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.doithoai.app.Config;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server started as a systemd unit, cron or a bare container starts it: no LANG, LC_ALL=POSIX,
 * so the JVM's default charset is ASCII. Every kind of response still says and is UTF-8, a browser
 * shows the Vietnamese as written, and the console log keeps its letters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PosixLocaleTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process server;
    private Path log;
    private Path dataDir;
    private String base;
    private int port;

    @BeforeAll
    void startServerUnderPosixLocale() throws Exception {
        assertThat(javaDefaultCharsetUnderPosix())
                .as("under LC_ALL=POSIX this JVM's default charset is not UTF-8 (else the test proves nothing)")
                .doesNotContainIgnoringCase("UTF-8");
        Config.DatabaseUrl db = TestPostgres.freshDatabaseConfig().database().orElseThrow();
        port = freePort();
        base = "http://localhost:" + port;
        log = Files.createTempFile("doithoai-posix", ".log");
        ProcessBuilder pb = posix(new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "vn.doithoai.app.Main"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of(
                "DATABASE_URL", "postgres://" + db.user() + ":" + db.password() + "@" + db.host() + ":" + db.port() + "/" + db.database(),
                "DOITHOAI_PORT", Integer.toString(port),
                "DOITHOAI_HOST", "127.0.0.1",
                "DOITHOAI_ADMIN_SECRET", Organiser.SECRET,
                "DOITHOAI_DATA_DIR", (dataDir = Files.createTempDirectory("doithoai-posix-data")).toString()));
        server = pb.start();
        awaitHealthy();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
        if (dataDir != null) {
            TestPostgres.deleteRecursively(dataDir);
        }
    }

    @Test
    void everyKindOfResponseIsServedAsUtf8() throws Exception {
        for (String path : List.of("/chair", "/phone", "/js/phone.js", "/css/app.css", "/webjars/lit-html/lit-html.js",
                "/api/health", "/api/join/ZZZZZZ", "/no-such-page")) {
            HttpResponse<byte[]> response = get(path);
            String type = response.headers().firstValue("content-type").orElse("");
            if (type.equals("application/json")) {
                continue; // JSON is UTF-8 by definition (RFC 8259); its media type has no charset parameter
            }
            assertThat(type).as("content-type of %s", path).containsIgnoringCase("charset=utf-8");
        }
        String chairPage = new String(get("/chair").body(), StandardCharsets.UTF_8);
        assertThat(chairPage).contains("Điều hành hội nghị — Chủ trì");
    }

    @Test
    void aBrowserShowsTheVietnameseAsWritten() {
        try (Screen browser = Screen.open("posix-chair", 1366, 768, 0)) {
            browser.go(base + "/chair");
            browser.until("the title reads 'Điều hành hội nghị — Chủ trì'",
                    () -> "Điều hành hội nghị — Chủ trì".equals(browser.driver.getTitle()));
            browser.go(base + "/phone");
            browser.until("the phone's page shows 'Tham gia hội nghị đối thoại'",
                    () -> browser.driver.getPageSource().contains("Tham gia hội nghị đối thoại"));
        }
    }

    @Test
    void theConsoleLogKeepsItsLettersAndDashes() throws Exception {
        String written = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertThat(written).contains("doithoai listening on").contains(" — open ").doesNotContain("?");
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server under LC_ALL=POSIX still running; its log: %s", Files.readString(log)).isTrue();
            try {
                if (get("/api/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not healthy within 60 s: " + Files.readString(log));
    }

    /** The environment of a service manager: no LANG or LC_* but LC_ALL=POSIX. */
    private static ProcessBuilder posix(ProcessBuilder pb) {
        pb.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_") || name.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("LC_ALL", "POSIX");
        return pb;
    }

    private static String javaDefaultCharsetUnderPosix() throws Exception {
        Process p = posix(new ProcessBuilder(java(), "-XshowSettings:properties", "-version")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out.lines().filter(line -> line.trim().startsWith("file.encoding =")).findFirst().orElse("(none)");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
