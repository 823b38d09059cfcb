package vn.doithoai.access;

import java.util.UUID;

/** What an administrator asks of an account. The password travels apart (see {@link Passwords}). */
public sealed interface AccountCommand {

    record Open(String login, String name, AccountRole role, UUID communeId, UUID officeId) implements AccountCommand {
    }

    record Change(String name, AccountRole role, UUID officeId) implements AccountCommand {
    }

    /** Its sessions end at once. */
    record Disable() implements AccountCommand {
    }

    record Enable() implements AccountCommand {
    }

    /** The password was replaced (by its owner or an administrator); the hash is not in the record. */
    record ChangePassword() implements AccountCommand {
    }
}
