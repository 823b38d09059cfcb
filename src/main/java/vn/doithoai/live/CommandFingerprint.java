package vn.doithoai.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.meeting.Command;

/**
 * What a command asks, as a short hash of its name and arguments: a resend under the same id has
 * the same one, the same id reused for another command has another.
 */
final class CommandFingerprint {

    private CommandFingerprint() {
    }

    static String of(Command command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (TypeNames.COMMANDS.nameOf(command) + " " + Json.write(command)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
