package vn.doithoai.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Role tokens, join codes, personal codes and attendee keys. Tokens are long and random and only their hash is
 * stored; a join code is short enough to read aloud in a hall and has no look-alike characters.
 */
public final class Secrets {

    /** No 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G: a join code read from a projector is typed right. */
    public static final String JOIN_ALPHABET = "ACDEFHJKMNPRTUVWXY3479";
    public static final int JOIN_CODE_LENGTH = 6;
    /**
     * A personal code on an invitation, typed at the door: shorter than a join code, so that nobody
     * types one into the phone's join field and is told it is wrong. Unique within its meeting only
     * (the rules refuse a repeat and the server draws again); it opens nothing, so it needs no more.
     */
    public static final int PERSONAL_CODE_LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Secrets() {
    }

    /** 256 random bits, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Compares in constant time, so timing tells nothing about a guessed secret. */
    public static boolean matches(String secret, String expectedHash) {
        return secret != null && expectedHash != null
                && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    public static String newJoinCode() {
        return randomCode(JOIN_CODE_LENGTH);
    }

    /** The code printed on one invitation, in the join code's alphabet: read off paper, typed right. */
    public static String newPersonalCode() {
        return randomCode(PERSONAL_CODE_LENGTH);
    }

    private static String randomCode(int length) {
        var code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(JOIN_ALPHABET.charAt(RANDOM.nextInt(JOIN_ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, as a join code: any case, spaces and dashes ignored. */
    public static String normalizeJoinCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a normalized code could be one we made: six letters of the alphabet. Anything else
     * (a NUL byte, which PostgreSQL refuses in text, or a guess in another shape) opens nothing,
     * and is not looked up.
     */
    public static boolean isJoinCode(String normalized) {
        if (normalized == null || normalized.length() != JOIN_CODE_LENGTH) {
            return false;
        }
        return normalized.chars().allMatch(c -> JOIN_ALPHABET.indexOf(c) >= 0);
    }

    public static boolean isAttendeeKey(String key) {
        return key != null && KEY_SHAPE.matcher(key).matches();
    }

    /**
     * The id an attendee is known by in the record: derived from the key its phone keeps, so the
     * key itself is never stored and the id cannot be turned back into it.
     */
    public static String attendeeId(String attendeeKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("attendee:" + attendeeKey)).substring(0, 22);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
