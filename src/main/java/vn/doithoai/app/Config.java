package vn.doithoai.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The server's settings, read once at start from environment variables, each with a Java
 * system-property fallback ({@code DOITHOAI_PORT} → {@code -Ddoithoai.port}, {@code DATABASE_URL}
 * → {@code -Ddoithoai.database.url}; see {@link #propertyName(String)}). An empty value counts as unset.
 *
 * <p>Tests build one with {@code Config.defaults().withPort(0).withDatabaseUrl(...)}. Every
 * constructor call validates, so a {@code Config} that exists is a valid one; an invalid value gives a
 * {@link ConfigException} whose message is one line naming the variable (and never a password).
 *
 * @param port                 HTTP port; 0 picks a free one (tests)
 * @param host                 address the HTTP server binds to
 * @param dataDir              where the server keeps its files; the embedded PostgreSQL lives in {@code <dataDir>/postgres}
 * @param databaseUrl          an external PostgreSQL server, or null to run the embedded one
 * @param explicitPublicUrl    the address people reach the server at, or null for {@code http://localhost:<port>};
 *                             read it through {@link #publicUrl()}
 * @param adminSecret          the operator's secret, or null
 * @param allowedOrigins       extra browser origins allowed to connect; empty when not configured
 * @param embeddedPostgresPort port of the embedded PostgreSQL; 0 picks a free one
 */
public record Config(
        int port,
        String host,
        Path dataDir,
        String databaseUrl,
        String explicitPublicUrl,
        String adminSecret,
        List<String> allowedOrigins,
        int embeddedPostgresPort,
        String smtpUrl) {

    public static final String PORT = "DOITHOAI_PORT";
    public static final String HOST = "DOITHOAI_HOST";
    public static final String DATA_DIR = "DOITHOAI_DATA_DIR";
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String PUBLIC_URL = "DOITHOAI_PUBLIC_URL";
    public static final String ADMIN_SECRET = "DOITHOAI_ADMIN_SECRET";
    public static final String ALLOWED_ORIGINS = "DOITHOAI_ALLOWED_ORIGINS";
    public static final String EMBEDDED_PG_PORT = "DOITHOAI_EMBEDDED_PG_PORT";
    public static final String SMTP_URL = "DOITHOAI_SMTP_URL";

    /** Every key this class reads, in the order an operator would look for them. */
    public static final List<String> KEYS = List.of(
            PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, ADMIN_SECRET, ALLOWED_ORIGINS, EMBEDDED_PG_PORT, SMTP_URL);

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final int DEFAULT_EMBEDDED_PG_PORT = 54329;

    public Config {
        checkPort(PORT, port);
        checkPort(EMBEDDED_PG_PORT, embeddedPostgresPort);
        if (host == null || host.isBlank()) {
            throw new ConfigException(HOST + " must not be empty");
        }
        Objects.requireNonNull(dataDir, DATA_DIR);
        databaseUrl = blankToNull(databaseUrl);
        if (databaseUrl != null) {
            DatabaseUrl.parse(databaseUrl); // fails with a clear message
        }
        explicitPublicUrl = blankToNull(explicitPublicUrl);
        if (explicitPublicUrl != null) {
            explicitPublicUrl = checkPublicUrl(explicitPublicUrl);
        }
        adminSecret = blankToNull(adminSecret);
        if (adminSecret != null && !adminSecret.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            // Never echoed: it is a secret. Browsers refuse to send any other character in a header.
            throw new ConfigException(ADMIN_SECRET + " must be plain ASCII letters, digits and punctuation: the browser"
                    + " sends it in a header, which cannot carry Vietnamese letters with diacritics or other characters");
        }
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        smtpUrl = blankToNull(smtpUrl);
        if (smtpUrl != null) {
            SmtpSettings.parse(smtpUrl); // fails with a clear message
        }
    }

    /** The settings with nothing configured. */
    public static Config defaults() {
        return new Config(DEFAULT_PORT, DEFAULT_HOST, Path.of(DEFAULT_DATA_DIR), null, null, null, List.of(),
                DEFAULT_EMBEDDED_PG_PORT, null);
    }

    /** Reads the environment, falling back to system properties. */
    public static Config fromEnvironment() {
        return from(key -> {
            String value = System.getenv(key);
            return value == null || value.isBlank() ? System.getProperty(propertyName(key)) : value;
        });
    }

    /** Reads settings from a map keyed by the environment variable names (tests). */
    public static Config fromMap(Map<String, String> values) {
        return from(values::get);
    }

    /** Reads settings from any lookup keyed by the environment variable names. */
    public static Config from(UnaryOperator<String> lookup) {
        Config d = defaults();
        return new Config(
                readPort(lookup, PORT, d.port()),
                Optional.ofNullable(blankToNull(lookup.apply(HOST))).map(String::trim).orElse(d.host()),
                readPath(lookup, DATA_DIR, d.dataDir()),
                blankToNull(lookup.apply(DATABASE_URL)),
                blankToNull(lookup.apply(PUBLIC_URL)),
                blankToNull(lookup.apply(ADMIN_SECRET)),
                splitList(lookup.apply(ALLOWED_ORIGINS)),
                readPort(lookup, EMBEDDED_PG_PORT, d.embeddedPostgresPort()),
                blankToNull(lookup.apply(SMTP_URL)));
    }

    /** {@code DOITHOAI_PORT} → {@code doithoai.port}, {@code DATABASE_URL} → {@code doithoai.database.url}. */
    public static String propertyName(String key) {
        String rest = key.startsWith("DOITHOAI_") ? key.substring("DOITHOAI_".length()) : key;
        return "doithoai." + rest.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    // ---- derived values ------------------------------------------------------------------------

    /** The address people reach the server at: DOITHOAI_PUBLIC_URL or {@code http://localhost:<port>}. */
    public String publicUrl() {
        return explicitPublicUrl != null ? explicitPublicUrl : "http://localhost:" + port;
    }

    /** DATABASE_URL parsed, or empty when the embedded PostgreSQL is to be used. */
    public Optional<DatabaseUrl> database() {
        return Optional.ofNullable(databaseUrl).map(DatabaseUrl::parse);
    }

    public Optional<String> adminSecretIfSet() {
        return Optional.ofNullable(adminSecret);
    }

    // ---- with-methods --------------------------------------------------------------------------

    public Config withPort(int port) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    public Config withHost(String host) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    public Config withDataDir(Path dataDir) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    public Config withDatabaseUrl(String databaseUrl) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    public Config withPublicUrl(String publicUrl) {
        return new Config(port, host, dataDir, databaseUrl, publicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    public Config withAdminSecret(String adminSecret) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    public Config withAllowedOrigins(List<String> allowedOrigins) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    public Config withSmtpUrl(String smtpUrl) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    /** The mail server for messages to citizens, when configured. */
    public Optional<SmtpSettings> smtp() {
        return Optional.ofNullable(smtpUrl).map(SmtpSettings::parse);
    }

    public Config withEmbeddedPostgresPort(int embeddedPostgresPort) {
        return new Config(port, host, dataDir, databaseUrl, explicitPublicUrl, adminSecret, allowedOrigins, embeddedPostgresPort, smtpUrl);
    }

    /** Never shows the admin secret or a database password. */
    @Override
    public String toString() {
        return "Config[port=" + port + ", host=" + host + ", dataDir=" + dataDir
                + ", database=" + database().map(DatabaseUrl::describe).orElse("embedded on port " + embeddedPostgresPort)
                + ", publicUrl=" + publicUrl()
                + ", adminSecret=" + (adminSecret == null ? "unset" : "set")
                + ", allowedOrigins=" + allowedOrigins
                + ", smtp=" + smtp().map(SmtpSettings::describe).orElse("none") + "]";
    }

    // ---- parsing helpers -----------------------------------------------------------------------

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void checkPort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(key + " must be a port number from 0 to 65535, got " + port);
        }
    }

    private static int readPort(UnaryOperator<String> lookup, String key, int fallback) {
        String raw = blankToNull(lookup.apply(key));
        if (raw == null) {
            return fallback;
        }
        int port;
        try {
            port = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a port number from 0 to 65535, got '" + raw + "'");
        }
        checkPort(key, port);
        return port;
    }

    private static Path readPath(UnaryOperator<String> lookup, String key, Path fallback) {
        String raw = blankToNull(lookup.apply(key));
        if (raw == null) {
            return fallback;
        }
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new ConfigException(key + " is not a usable folder path: '" + raw + "'");
        }
    }

    private static List<String> splitList(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .toList();
    }

    private static String checkPublicUrl(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigException(PUBLIC_URL + " must look like https://host[:port][/path], got '" + raw + "'");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(PUBLIC_URL + " must look like https://host[:port][/path], got '" + raw + "'");
        }
        return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    }

    /** A configuration value that cannot be used; the message is one line meant for the operator. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * DATABASE_URL taken apart. Accepts {@code postgres://user:pass@host:port/db},
     * {@code postgresql://...} and {@code jdbc:postgresql://host:port/db?user=..&password=..};
     * user and password are URL-decoded; the port defaults to 5432; {@code sslmode} is kept.
     *
     * @param password may be null
     * @param sslMode  {@code disable}, {@code require}, ... or null when not given
     */
    public record DatabaseUrl(String host, int port, String database, String user, String password, String sslMode) {

        private static final String EXPECTED =
                " (expected postgres://user:password@host:5432/database"
                        + " or jdbc:postgresql://host:5432/database?user=...&password=...)";

        public static DatabaseUrl parse(String raw) {
            String text = raw.trim();
            boolean jdbc = false;
            if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
                jdbc = true;
                text = text.substring(5);
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                // The URL may hold a password: never echo it.
                throw invalid("it is not a valid URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = jdbc ? scheme.equals("postgresql") : scheme.equals("postgres") || scheme.equals("postgresql");
            if (!schemeOk) {
                throw invalid("unsupported scheme '" + (jdbc ? "jdbc:" : "") + scheme + "'");
            }
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                throw invalid("no host name, or a port that is not a number");
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String database = decode(path.startsWith("/") ? path.substring(1) : path);
            if (database.isEmpty() || database.contains("/")) {
                throw invalid("no database name after the host");
            }
            Map<String, String> query = parseQuery(uri.getRawQuery());
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String info = uri.getRawUserInfo();
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? null : decode(info.substring(colon + 1));
            }
            if (query.containsKey("user")) {
                user = query.get("user");
            }
            if (query.containsKey("password")) {
                password = query.get("password");
            }
            if (user == null || user.isEmpty()) {
                throw invalid("no user name");
            }
            String sslMode = query.get("sslmode");
            return new DatabaseUrl(host, port, database, user, password, sslMode);
        }

        /** The JDBC URL without credentials: pass {@link #user()} and {@link #password()} beside it. */
        public String jdbcUrl() {
            return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database
                    + (sslMode == null ? "" : "?sslmode=" + sslMode);
        }

        /** For logs: {@code postgres://user@host:port/db}, never the password. */
        public String describe() {
            return "postgres://" + user + "@" + hostForUrl() + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return describe();
        }

        private String hostForUrl() {
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }

        private static ConfigException invalid(String reason) {
            return new ConfigException(DATABASE_URL + " is not usable: " + reason + EXPECTED);
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid("bad %-escape in it");
            }
        }

        private static Map<String, String> parseQuery(String rawQuery) {
            Map<String, String> out = new LinkedHashMap<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return out;
            }
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                out.put(key, value);
            }
            return out;
        }
    }
}
