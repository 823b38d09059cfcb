package vn.doithoai.live;

import vn.doithoai.access.Secrets;
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

    /** The first 128 bits of the SHA-256, in hex. */
    static String of(Command command) {
        return Secrets.hash(TypeNames.COMMANDS.nameOf(command) + " " + Json.write(command)).substring(0, 32);
    }
}
