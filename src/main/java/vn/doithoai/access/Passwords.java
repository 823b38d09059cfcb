package vn.doithoai.access;

import vn.doithoai.rules.Refusal;

/** What a new password must be. Long rather than clever: a phrase is easier to remember in an office. */
public final class Passwords {

    public static final int MIN = 10;
    public static final int MAX = 200;

    private Passwords() {
    }

    /** Null when acceptable. Not cleaned: a password is used exactly as typed. */
    public static Refusal check(String password) {
        if (password == null || password.isEmpty()) {
            return new Refusal(Refusal.FIELD_MISSING, "Chưa nhập mật khẩu", "Missing: password");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN) {
            return new Refusal(Refusal.FIELD_INVALID, "Mật khẩu cần ít nhất " + MIN + " ký tự",
                    "A password needs at least " + MIN + " characters");
        }
        if (length > MAX) {
            return new Refusal(Refusal.FIELD_TOO_LONG, "Mật khẩu quá dài (tối đa " + MAX + " ký tự)",
                    "The password is too long (at most " + MAX + " characters)");
        }
        if (password.isBlank()) {
            return new Refusal(Refusal.FIELD_INVALID, "Mật khẩu không thể chỉ có khoảng trắng", "A password cannot be only spaces");
        }
        return null;
    }
}
