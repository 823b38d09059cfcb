package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;

/**
 * The checks of the minutes' sign-off (issue 17 §1): the secretary finalises the text once the
 * meeting is closed, the chair approves it, and from then on it is locked; a later correction is
 * an addendum. While the text is final or approved, nothing that is printed in it may change.
 */
final class SignOff {

    private static final Fields.Name SECRETARY_NAME = new Fields.Name("Họ tên thư ký", "Secretary's name");
    private static final Fields.Name CHAIR_NAME = new Fields.Name("Họ tên người chủ trì", "Chair's name");

    private SignOff() {
    }

    static Decision finalise(MeetingState s, String secretary) {
        if (s.status() != MeetingStatus.CLOSED) {
            return Refusals.wrongState("Chỉ hoàn thành biên bản sau khi bế mạc hội nghị",
                    "The minutes are finalised only after the meeting is closed");
        }
        if (!s.minutesSignOff().open()) {
            return alreadySigned(s.minutesSignOff());
        }
        String name = Fields.line(secretary);
        Refusal problem = Fields.required(name, SECRETARY_NAME, Fields.NAME);
        return problem != null ? Refusals.of(problem) : Decision.accept(new Event.MinutesFinalised(name));
    }

    /**
     * A final text goes back to the draft rather than being corrected as it stands: the chair who
     * reads it before approving and finds a mistake should not have to approve a wrong text and
     * add an addendum at once, and a text that changes while it waits for approval would make
     * "BẢN HOÀN THIỆN" mean nothing. The reason stays in the record.
     */
    static Decision reopen(MeetingState s, String reason) {
        MinutesSignOff signOff = s.minutesSignOff();
        if (signOff.stage() != MinutesSignOff.Stage.FINAL) {
            return signOff.stage() == MinutesSignOff.Stage.APPROVED ? approvedAlready()
                    : Refusals.wrongState("Biên bản đang là dự thảo", "The minutes are a draft already");
        }
        String clean = Fields.line(reason);
        Refusal problem = Fields.required(clean, Fields.F_REASON, Fields.REASON);
        return problem != null ? Refusals.of(problem) : Decision.accept(new Event.MinutesReopened(clean));
    }

    static Decision approve(MeetingState s, String chair) {
        MinutesSignOff signOff = s.minutesSignOff();
        if (signOff.stage() == MinutesSignOff.Stage.APPROVED) {
            return approvedAlready();
        }
        if (signOff.stage() != MinutesSignOff.Stage.FINAL) {
            return Refusals.wrongState("Thư ký chưa hoàn thành biên bản; chỉ phê duyệt bản hoàn thiện",
                    "The secretary has not finalised the minutes; only a final text is approved");
        }
        String name = Fields.line(chair);
        Refusal problem = Fields.required(name, CHAIR_NAME, Fields.NAME);
        return problem != null ? Refusals.of(problem) : Decision.accept(new Event.MinutesApproved(name));
    }

    static Decision addendum(MeetingState s, Command.Context c, String text) {
        if (s.minutesSignOff().stage() != MinutesSignOff.Stage.APPROVED) {
            return Refusals.wrongState("Phụ lục chỉ thêm sau khi biên bản được phê duyệt; trước đó hãy sửa biên bản",
                    "An addendum comes only after the minutes are approved; until then, correct the minutes");
        }
        String clean = Fields.paragraph(text);
        Refusal problem = Fields.required(clean, Fields.F_TEXT, Fields.LONG_TEXT);
        return problem != null ? Refusals.of(problem)
                : Decision.accept(new Event.MinutesAddendumAdded(s.minutesSignOff().addenda().size() + 1, clean,
                        c.actor().role()));
    }

    /**
     * Null while the minutes are a draft; else why what they print (a line, a conclusion, what a
     * speaker registered) can no longer change.
     */
    static Decision locked(MeetingState s) {
        return switch (s.minutesSignOff().stage()) {
            case DRAFT -> null;
            case FINAL -> Refusals.wrongState(
                    "Biên bản đã hoàn thành, đang chờ chủ trì phê duyệt: thư ký mở lại biên bản để sửa",
                    "The minutes are final and wait for the chair's approval: the secretary reopens them to correct");
            case APPROVED -> Refusals.wrongState(
                    "Biên bản đã được phê duyệt và khóa: hãy ghi nội dung sửa đổi vào phụ lục biên bản",
                    "The minutes are approved and locked: write the correction as an addendum");
        };
    }

    private static Decision alreadySigned(MinutesSignOff signOff) {
        return signOff.stage() == MinutesSignOff.Stage.APPROVED ? approvedAlready()
                : Refusals.wrongState("Biên bản đã hoàn thành", "The minutes are final already");
    }

    private static Decision approvedAlready() {
        return Refusals.wrongState("Biên bản đã được phê duyệt", "The minutes are approved already");
    }
}
