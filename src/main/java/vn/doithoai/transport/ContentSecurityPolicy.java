package vn.doithoai.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of the pages: scripts only from this server, so a name such as
 * {@code <img src=x onerror=…>} could not run even if a page ever inserted it as HTML. The one inline
 * script a page may hold is its import map, allowed by its SHA-256 hash, read from the pages at start.
 */
final class ContentSecurityPolicy {

    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private ContentSecurityPolicy() {
    }

    static String forPages(Collection<String> classpathPages) {
        Set<String> hashes = new LinkedHashSet<>();
        for (String page : classpathPages) {
            Matcher m = IMPORT_MAP.matcher(read(page));
            while (m.find()) {
                hashes.add("'sha256-" + sha256(m.group(1)) + "'");
            }
        }
        return "default-src 'self'; script-src 'self' " + String.join(" ", hashes)
                + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String read(String page) {
        try (InputStream in = ContentSecurityPolicy.class.getClassLoader().getResourceAsStream(page)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
