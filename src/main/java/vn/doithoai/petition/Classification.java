package vn.doithoai.petition;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;

import java.util.regex.Pattern;

/**
 * How a petition is filed: the channel it came by, its field (a code from the commune's list) and
 * whose competence it is. The competence may be null while nobody has judged it yet, as for a
 * petition from the public web form.
 */
public record Classification(Channel channel, String fieldCode, Competence competence) {

    static final Fields.Name F_CHANNEL = new Fields.Name("Kênh tiếp nhận", "Channel");
    static final Fields.Name F_FIELD = new Fields.Name("Lĩnh vực", "Field");
    static final int FIELD_CODE_LENGTH = 40;
    /** A field code is a key of the commune's list, not a label: short, lower case, no diacritics. */
    private static final Pattern FIELD_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    static Classification cleaned(Channel channel, String fieldCode, Competence competence) {
        return new Classification(channel, Fields.line(fieldCode), competence);
    }

    /** Null when this cleaned classification is fine; else the refusal to send back. */
    Refusal problem() {
        if (channel == null) {
            return PetitionRefusals.missing(F_CHANNEL);
        }
        Refusal missing = Fields.required(fieldCode, F_FIELD, FIELD_CODE_LENGTH);
        if (missing != null) {
            return missing;
        }
        if (!FIELD_CODE.matcher(fieldCode).matches()) {
            return new Refusal(Refusal.FIELD_INVALID, "Mã lĩnh vực không có trong danh sách lĩnh vực",
                    "The field code is not one of the list of fields");
        }
        return null;
    }
}
