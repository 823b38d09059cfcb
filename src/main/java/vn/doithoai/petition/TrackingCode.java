package vn.doithoai.petition;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The code a citizen is given to follow a petition, such as {@code KN-7QX4-M2PD}: short enough to
 * read over the telephone or copy from a receipt, without the characters people confuse (0 and O,
 * 1, I and L). 31 symbols in 8 places make about 8.5 × 10¹¹ codes, so a code cannot be guessed
 * from another; the store still refuses a duplicate.
 */
public final class TrackingCode {

    public static final String PREFIX = "KN";
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int HALF = 4;
    /** Spaces, dots and any dash: a phone's keyboard may turn "-" into "–". */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}_.]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TYPED = Pattern.compile("(?:" + PREFIX + ")?([" + ALPHABET + "]{" + 2 * HALF + "})");

    private TrackingCode() {
    }

    /** A new code; pass a {@link java.security.SecureRandom} in production so codes cannot be foreseen. */
    public static String next(RandomGenerator random) {
        var symbols = new StringBuilder(2 * HALF);
        for (int i = 0; i < 2 * HALF; i++) {
            symbols.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return shaped(symbols.toString());
    }

    /**
     * The code as it is stored, from what a citizen typed: any case, spaces or no dashes, with or
     * without the prefix ("kn 7qx4 m2pd", "7QX4M2PD"); empty for anything else.
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        var matcher = TYPED.matcher(SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT));
        return matcher.matches() ? Optional.of(shaped(matcher.group(1))) : Optional.empty();
    }

    private static String shaped(String symbols) {
        return PREFIX + "-" + symbols.substring(0, HALF) + "-" + symbols.substring(HALF);
    }
}
