package vn.doithoai.followup;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.time.LocalDate;
import java.util.Locale;

/** The refusals several follow-up commands share, worded once, and the names of the fields they speak of. */
final class FollowUpRefusals {

    static final Fields.Name F_RESULT = new Fields.Name("Kết quả thực hiện", "Result");
    static final Fields.Name F_TRANSFER_TO = new Fields.Name("Nơi chuyển đến", "Transferred to");
    static final Fields.Name F_YEAR = new Fields.Name("Năm giám sát", "Supervision year");
    static final Fields.Name F_FINDING = new Fields.Name("Kết quả giám sát", "Finding");
    static final Fields.Name F_SATISFIED = new Fields.Name("Mức độ hài lòng", "Satisfaction");

    private FollowUpRefusals() {
    }

    static Ruling<FollowUpEvent> of(Refusal refusal) {
        return Ruling.refuse(refusal);
    }

    static Ruling<FollowUpEvent> wrongState(String vi, String en) {
        return Ruling.refuse(Refusal.WRONG_STATE, vi, en);
    }

    /** "Cannot be started: the conclusion is done." */
    static Ruling<FollowUpEvent> cannot(String doVi, String doEn, FollowUp f) {
        return wrongState("Không thể " + doVi + ": kết luận đang ở trạng thái «" + f.status().vi + "»",
                "Cannot " + doEn + ": the conclusion is " + f.status().en.toLowerCase(Locale.ROOT));
    }

    static Refusal missing(Fields.Name field) {
        return new Refusal(Refusal.FIELD_MISSING, "Chưa nhập: " + field.vi(), "Missing: " + field.en());
    }

    /**
     * The day an update tells of: today when none is given; never in the future, nor before the
     * meeting that made the conclusion was closed. Null when fine, else the refusal.
     */
    static Refusal badDay(LocalDate on, FollowUp f, LocalDate today) {
        if (on.isAfter(today)) {
            return new Refusal(Refusal.FIELD_INVALID, "Ngày cập nhật không thể ở tương lai", "The date cannot be in the future");
        }
        if (on.isBefore(f.openedOn())) {
            return new Refusal(Refusal.FIELD_INVALID, "Ngày cập nhật không thể trước ngày kết thúc hội nghị",
                    "The date cannot be before the meeting was closed");
        }
        return null;
    }
}
