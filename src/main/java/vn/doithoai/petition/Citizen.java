package vn.doithoai.petition;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;

import java.util.regex.Pattern;

/**
 * Who sent a petition. The name may be empty: a petition gathered at a village meeting or by the
 * Front often speaks for the village, not for one person. The village or organisation is what the
 * Front's summary counts by, so it is required. The contact is private: it is never shown in
 * public or printed in a summary.
 */
public record Citizen(String name, String villageOrOrganisation, String email, String phone) {

    /** Something before an @, and a domain with a dot in it: enough to catch a typing slip. */
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    static Citizen cleaned(Citizen typed) {
        if (typed == null) {
            return new Citizen(null, null, null, null);
        }
        return new Citizen(Fields.line(typed.name), Fields.line(typed.villageOrOrganisation),
                Fields.line(typed.email), Fields.line(typed.phone));
    }

    /** Null when this cleaned citizen is fine; else the refusal to send back. */
    Refusal problem() {
        return Fields.first(
                Fields.optional(name, Fields.F_NAME, Fields.NAME),
                Fields.required(villageOrOrganisation, Fields.F_VILLAGE, Fields.VILLAGE),
                emailProblem(),
                Fields.phone(phone));
    }

    private Refusal emailProblem() {
        Refusal length = Fields.optional(email, Fields.F_EMAIL, Fields.EMAIL);
        if (length != null) {
            return length;
        }
        if (email != null && !EMAIL_SHAPE.matcher(email).matches()) {
            return new Refusal(Refusal.FIELD_INVALID, "Địa chỉ thư điện tử không đúng dạng (ví dụ: ten@example.vn)",
                    "The e-mail address does not look like one (for example: name@example.vn)");
        }
        return null;
    }
}
