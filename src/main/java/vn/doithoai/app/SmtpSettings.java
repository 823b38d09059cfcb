package vn.doithoai.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * DOITHOAI_SMTP_URL taken apart: {@code smtp://user:password@host:587?from=ubnd@xa.gov.vn} (STARTTLS
 * when the server offers it) or {@code smtps://...:465?from=...} (TLS from the first byte). The
 * password may be percent-encoded; {@code from} is required: the address the citizens see.
 */
public record SmtpSettings(String host, int port, boolean tls, String user, String password, String from) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String EXPECTED = Config.SMTP_URL + " must look like smtp://user:password@host:587?from=name@domain"
            + " (or smtps://... for TLS on port 465)";

    public static SmtpSettings parse(String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new Config.ConfigException(EXPECTED);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("smtp") || scheme.equals("smtps")) || uri.getHost() == null) {
            throw new Config.ConfigException(EXPECTED);
        }
        boolean tls = scheme.equals("smtps");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 587;
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String from = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.startsWith("from=")) {
                    from = decode(pair.substring(5));
                }
            }
        }
        if (from == null || !ADDRESS.matcher(from).matches()) {
            throw new Config.ConfigException(Config.SMTP_URL + " needs ?from=<the sender's e-mail address>");
        }
        return new SmtpSettings(uri.getHost(), port, tls, user, password, from);
    }

    /** For the log: never the password. */
    public String describe() {
        return (tls ? "smtps://" : "smtp://") + (user == null ? "" : user + "@") + host + ":" + port + " from " + from;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
