package vn.doithoai.petition;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.util.Locale;

/** The refusals several petition commands share, worded once, and the names of the fields they speak of. */
final class PetitionRefusals {

    static final Fields.Name F_ANSWER = new Fields.Name("Nội dung trả lời", "Answer");
    static final Fields.Name F_HOW = new Fields.Name("Hình thức trả lời", "How it is answered");
    static final Fields.Name F_TRANSFER_TO = new Fields.Name("Nơi chuyển đến", "Transferred to");
    static final Fields.Name F_LEAD = new Fields.Name("Kiến nghị chính", "Lead petition");

    private PetitionRefusals() {
    }

    static Ruling<PetitionEvent> of(Refusal refusal) {
        return Ruling.refuse(refusal);
    }

    static Ruling<PetitionEvent> wrongState(String vi, String en) {
        return Ruling.refuse(Refusal.WRONG_STATE, vi, en);
    }

    /** "Cannot be assigned: the petition is Answered." */
    static Ruling<PetitionEvent> cannot(String doVi, String doEn, Petition p) {
        return wrongState("Không thể " + doVi + ": kiến nghị đang ở trạng thái «" + p.status().vi + "»",
                "Cannot " + doEn + ": the petition is " + inSentence(p.status()));
    }

    /** "answered", for "the petition is answered". */
    static String inSentence(PetitionStatus status) {
        return status.en.toLowerCase(Locale.ROOT);
    }

    /** A grouped petition is answered through its lead; it leaves the group to be handled alone. */
    static Ruling<PetitionEvent> grouped() {
        return wrongState("Kiến nghị đã được gộp và sẽ được trả lời cùng kiến nghị chính; hãy tách ra trước",
                "The petition is grouped and is answered with its lead; take it out of the group first");
    }

    static Refusal missing(Fields.Name field) {
        return new Refusal(Refusal.FIELD_MISSING, "Chưa nhập: " + field.vi(), "Missing: " + field.en());
    }
}
