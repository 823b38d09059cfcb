package vn.doithoai.access;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules of an account's life: plain Java, no I/O. Whether the caller may manage accounts in
 * that commune is {@link Caller#may}'s; whether an office belongs to the commune is checked where
 * the offices are known (the store); these rules keep each account coherent.
 */
public final class AccountRules {

    public static final int LOGIN_MAX = 40;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    static final Fields.Name F_LOGIN = new Fields.Name("Tên đăng nhập", "Login");

    private AccountRules() {
    }

    /** A login as stored and compared: trimmed, lower case. */
    public static String loginKey(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code self}: the account making the change, which may not lock itself out. */
    public static Ruling<AccountEvent> decide(Account current, AccountCommand command, UUID self) {
        if (command instanceof AccountCommand.Open open) {
            return current != null ? wrongState("Tài khoản đã có", "The account exists") : open(open);
        }
        if (current == null) {
            return Ruling.refuse(Refusal.NOT_FOUND, "Không có tài khoản này", "No such account");
        }
        if (command instanceof AccountCommand.Change change) {
            return change(current, change, self);
        }
        if (command instanceof AccountCommand.Disable) {
            return current.id().equals(self)
                    ? Ruling.refuse(Refusal.WRONG_STATE, "Không thể tự khóa tài khoản của mình", "You cannot disable your own account")
                    : current.disabled() ? wrongState("Tài khoản đã bị khóa", "The account is already disabled")
                    : Ruling.accept(new AccountEvent.AccountDisabled());
        }
        if (command instanceof AccountCommand.Enable) {
            return !current.disabled() ? wrongState("Tài khoản đang hoạt động", "The account is not disabled")
                    : Ruling.accept(new AccountEvent.AccountEnabled());
        }
        return Ruling.accept(new AccountEvent.PasswordChanged());
    }

    public static Account apply(Account current, UUID id, long seq, AccountEvent event) {
        if (event instanceof AccountEvent.AccountOpened o) {
            return new Account(id, seq, o.login(), o.name(), o.role(), o.communeId(), o.officeId(), false);
        }
        if (event instanceof AccountEvent.AccountChanged c) {
            return new Account(id, seq, current.login(), c.name(), c.role(), current.communeId(), c.officeId(), current.disabled());
        }
        boolean disabled = event instanceof AccountEvent.AccountDisabled
                || !(event instanceof AccountEvent.AccountEnabled) && current.disabled();
        return new Account(current.id(), seq, current.login(), current.name(), current.role(), current.communeId(),
                current.officeId(), disabled);
    }

    private static Ruling<AccountEvent> open(AccountCommand.Open open) {
        String login = loginKey(open.login());
        String name = Fields.line(open.name());
        if (login.isEmpty()) {
            return Ruling.refuse(Fields.required(null, F_LOGIN, LOGIN_MAX));
        }
        if (!LOGIN.matcher(login).matches()) {
            return Ruling.refuse(Refusal.FIELD_INVALID,
                    "Tên đăng nhập gồm 3–40 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới",
                    "A login has 3–40 letters without accents, digits, dots, hyphens or underscores");
        }
        Refusal problem = Fields.first(Fields.required(name, Fields.F_NAME, Fields.NAME), roleFits(open.role(), open.communeId(), open.officeId()));
        return problem != null ? Ruling.refuse(problem)
                : Ruling.accept(new AccountEvent.AccountOpened(login, name, open.role(), open.communeId(), open.officeId()));
    }

    private static Ruling<AccountEvent> change(Account current, AccountCommand.Change change, UUID self) {
        String name = Fields.line(change.name());
        Refusal problem = Fields.first(Fields.required(name, Fields.F_NAME, Fields.NAME),
                roleFits(change.role(), current.communeId(), change.officeId()));
        if (problem != null) {
            return Ruling.refuse(problem);
        }
        if (current.id().equals(self) && change.role() != current.role()) {
            return Ruling.refuse(Refusal.WRONG_STATE, "Không thể tự đổi vai trò của mình", "You cannot change your own role");
        }
        return Ruling.accept(new AccountEvent.AccountChanged(name, change.role(), change.officeId()));
    }

    private static Refusal roleFits(AccountRole role, UUID communeId, UUID officeId) {
        if (role == null) {
            return new Refusal(Refusal.FIELD_MISSING, "Chưa chọn vai trò", "Missing: role");
        }
        if (role == AccountRole.OFFICE_STAFF && officeId == null) {
            return new Refusal(Refusal.FIELD_MISSING, "Cán bộ cơ quan phải thuộc một cơ quan", "Office staff must belong to an office");
        }
        if (role != AccountRole.OFFICE_STAFF && officeId != null) {
            return new Refusal(Refusal.FIELD_INVALID, "Chỉ cán bộ cơ quan mới gắn với một cơ quan", "Only office staff belong to an office");
        }
        if (communeId == null && (role == AccountRole.OFFICE_STAFF || role == AccountRole.FRONT_STAFF)) {
            return new Refusal(Refusal.FIELD_MISSING, "Tài khoản này phải thuộc một xã", "This account must belong to a commune");
        }
        return null;
    }

    private static Ruling<AccountEvent> wrongState(String vi, String en) {
        return Ruling.refuse(Refusal.WRONG_STATE, vi, en);
    }
}
