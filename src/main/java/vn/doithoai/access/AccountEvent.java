package vn.doithoai.access;

import java.util.UUID;

/** What happened to an account, appended to its stream in the ledger. */
public sealed interface AccountEvent {

    record AccountOpened(String login, String name, AccountRole role, UUID communeId, UUID officeId) implements AccountEvent {
    }

    record AccountChanged(String name, AccountRole role, UUID officeId) implements AccountEvent {
    }

    record AccountDisabled() implements AccountEvent {
    }

    record AccountEnabled() implements AccountEvent {
    }

    record PasswordChanged() implements AccountEvent {
    }
}
