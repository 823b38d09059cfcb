package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of a petition's tracking code ({@code KN-7QX4-M2PD}) as the meeting takes it from a
 * phone, the desk or the chair. The petition room makes the codes; the meeting only checks their
 * shape, the same way (any case, spaces or dashes, with or without the prefix), so that a code typed
 * at the desk is the code the agenda holds. The rules of a meeting do not know petitions: whether a
 * code names one is found when the meeting closes.
 */
final class PetitionCodes {

    /** The most codes a conclusion may name. */
    static final int PER_CONCLUSION = 50;
    private static final int MAX_TYPED = 40;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}_.]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TYPED = Pattern.compile("(?:KN)?([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8})");
    private static final Fields.Name F_CODE = new Fields.Name("Mã kiến nghị", "Petition tracking code");

    private PetitionCodes() {
    }

    /** What a code may be after {@link #cleaned}: absent, or well shaped. */
    record Checked(String code, Refusal problem) {
    }

    /** The code as stored ({@code KN-XXXX-XXXX}), null for none typed, or why it is refused. */
    static Checked cleaned(String typed) {
        String text = Fields.line(typed);
        if (text == null) {
            return new Checked(null, null);
        }
        var matcher = text.length() > MAX_TYPED ? null
                : TYPED.matcher(SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT));
        if (matcher == null || !matcher.matches()) {
            return new Checked(null, new Refusal(Refusal.FIELD_INVALID,
                    F_CODE.vi() + " không đúng dạng KN-XXXX-XXXX (ví dụ KN-7QX4-M2PD): " + shown(text),
                    F_CODE.en() + " is not of the shape KN-XXXX-XXXX (e.g. KN-7QX4-M2PD): " + shown(text)));
        }
        String symbols = matcher.group(1);
        return new Checked("KN-" + symbols.substring(0, 4) + "-" + symbols.substring(4), null);
    }

    /** A list of codes for a conclusion: each well shaped, none twice, at most {@link #PER_CONCLUSION}. */
    record CheckedList(List<String> codes, Refusal problem) {
    }

    static CheckedList cleaned(List<String> typed) {
        if (typed == null) {
            return new CheckedList(List.of(), null);
        }
        if (typed.size() > PER_CONCLUSION) {
            return new CheckedList(List.of(), new Refusal(Refusal.FIELD_INVALID,
                    "Một kết luận nêu tối đa " + PER_CONCLUSION + " mã kiến nghị",
                    "A conclusion names at most " + PER_CONCLUSION + " petition codes"));
        }
        var codes = new ArrayList<String>();
        for (String one : typed) {
            Checked checked = cleaned(one);
            if (checked.problem() != null) {
                return new CheckedList(List.of(), checked.problem());
            }
            if (checked.code() != null && !codes.contains(checked.code())) {
                codes.add(checked.code());
            }
        }
        return new CheckedList(List.copyOf(codes), null);
    }

    /** What was typed, within reason, for the message. */
    private static String shown(String text) {
        return "«" + (text.length() > 24 ? text.substring(0, 24) + "…" : text) + "»";
    }
}
