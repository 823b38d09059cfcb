package vn.doithoai.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans and checks the text people type: Unicode NFC (so "Hòa" typed two ways is one name),
 * nothing invisible, single-line fields on one line, and a length limit for every field.
 * A failed check is a {@link Refusal} naming the field in both languages.
 */
public final class Fields {

    public static final int NAME = 100;
    public static final int VILLAGE = 100;
    public static final int GROUP = 100;
    public static final int TOPIC = 200;
    public static final int SUMMARY = 1000;
    public static final int PHONE = 20;
    /** The longest address SMTP carries (RFC 5321's path limit less its angle brackets). */
    public static final int EMAIL = 254;
    public static final int NOTE = 1000;
    public static final int REASON = 500;
    public static final int OFFICE = 200;
    public static final int LONG_TEXT = 5000;
    public static final int TITLE = 300;

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /**
     * Control characters (NUL among them, which PostgreSQL refuses in text), format characters
     * (zero-width spaces, soft hyphens, direction marks and overrides, which make a blank or
     * reversed name on the hall display and a look-alike "Thôn 1" that escapes the village cap),
     * and lone halves of surrogate pairs; new lines and tabs stay (paragraphs).
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}&&[^\\n\\t]]");
    /** Every kind of white space (no-break and ideographic spaces too), not only ASCII's. */
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9+ .()-]*");

    private Fields() {
    }

    /** A field's name for messages: {vi, en}. */
    public record Name(String vi, String en) {
    }

    public static final Name F_NAME = new Name("Họ và tên", "Name");
    public static final Name F_VILLAGE = new Name("Thôn, làng hoặc tổ chức", "Village or organisation");
    public static final Name F_GROUP = new Name("Giới, tầng lớp", "Group");
    public static final Name F_TOPIC = new Name("Nội dung đăng ký", "Topic");
    public static final Name F_SUMMARY = new Name("Tóm tắt", "Summary");
    public static final Name F_PHONE = new Name("Số điện thoại", "Phone number");
    public static final Name F_EMAIL = new Name("Thư điện tử", "E-mail");
    public static final Name F_NOTE = new Name("Ghi chú", "Note");
    public static final Name F_REASON = new Name("Lý do", "Reason");
    public static final Name F_TEXT = new Name("Nội dung", "Text");
    public static final Name F_OFFICE = new Name("Cơ quan", "Office");
    public static final Name F_TITLE = new Name("Tên hội nghị", "Title");

    /** One line: NFC, nothing invisible, runs of white space made one space, trimmed. */
    public static String line(String raw) {
        if (raw == null) {
            return null;
        }
        String text = SPACES.matcher(clean(raw)).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /** Several lines: NFC, nothing invisible but new lines and tabs, trimmed. */
    public static String paragraph(String raw) {
        if (raw == null) {
            return null;
        }
        String text = clean(raw.replace("\r\n", "\n").replace('\r', '\n')).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * For comparing a stored name or village as Vietnamese, any case: the value was cleaned by
     * {@link #line} when recorded (NFC, single spaces), so lower case is all that is left to do.
     */
    public static String storedKey(String cleaned) {
        // Cleaned again: a value recorded before format characters were removed compares as it shows.
        return cleaned == null ? "" : SPACES.matcher(clean(cleaned)).replaceAll(" ").strip().toLowerCase(VIETNAMESE);
    }

    private static String clean(String raw) {
        // Removed before NFC: a lone surrogate would make normalisation keep it as it is.
        return Normalizer.normalize(INVISIBLE.matcher(raw).replaceAll(""), Normalizer.Form.NFC);
    }

    /** Null when the cleaned value is fine; else the refusal to send back. */
    public static Refusal required(String cleaned, Name field, int max) {
        if (cleaned == null) {
            return new Refusal(Refusal.FIELD_MISSING, "Chưa nhập: " + field.vi(), "Missing: " + field.en());
        }
        return optional(cleaned, field, max);
    }

    public static Refusal optional(String cleaned, Name field, int max) {
        if (cleaned != null && cleaned.codePointCount(0, cleaned.length()) > max) {
            return new Refusal(Refusal.FIELD_TOO_LONG,
                    field.vi() + " quá dài (tối đa " + max + " ký tự)",
                    field.en() + " is too long (at most " + max + " characters)");
        }
        return null;
    }

    public static Refusal phone(String cleaned) {
        Refusal length = optional(cleaned, F_PHONE, PHONE);
        if (length != null) {
            return length;
        }
        if (cleaned != null && !PHONE_CHARS.matcher(cleaned).matches()) {
            return new Refusal(Refusal.FIELD_INVALID, "Số điện thoại chỉ gồm chữ số",
                    "A phone number has digits only");
        }
        return null;
    }

    /** The first refusal among checks, or null when all passed. */
    public static Refusal first(Refusal... checks) {
        for (Refusal check : checks) {
            if (check != null) {
                return check;
            }
        }
        return null;
    }
}
