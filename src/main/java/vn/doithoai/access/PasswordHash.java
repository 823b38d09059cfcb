package vn.doithoai.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Secrets a person chooses (the organiser secret, later the accounts' passwords), stored as
 * Argon2id with a salt of their own, in the PHC string format:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (the parameters OWASP names as a minimum).
 * A stored string says its own parameters, so stronger ones can come later without breaking the old.
 *
 * <p>Slow on purpose (tens of milliseconds): never call it on an event loop.
 */
public final class PasswordHash {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private PasswordHash() {
    }

    public static String of(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2id(secret, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code secret} is the one {@code stored} was made from; false for a stored string of another kind. */
    public static boolean matches(String secret, String stored) {
        if (secret == null || !isArgon2id(stored)) {
            return false;
        }
        try {
            String[] parts = stored.split("\\$"); // "", argon2id, v=19, m=..,t=..,p=.., salt, hash
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String setting : parts[3].split(",")) {
                int value = Integer.parseInt(setting.substring(2));
                switch (setting.charAt(0)) {
                    case 'm' -> memory = value;
                    case 't' -> iterations = value;
                    case 'p' -> parallelism = value;
                    default -> throw new IllegalArgumentException(setting);
                }
            }
            byte[] salt = B64_IN.decode(parts[4]);
            byte[] expected = B64_IN.decode(parts[5]);
            return MessageDigest.isEqual(expected, argon2id(secret, salt, memory, iterations, parallelism, expected.length));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    public static boolean isArgon2id(String stored) {
        return stored != null && stored.startsWith("$argon2id$v=19$") && stored.split("\\$").length == 6;
    }

    private static byte[] argon2id(String secret, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
