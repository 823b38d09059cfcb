package vn.doithoai.followup;

import vn.doithoai.meeting.Outcome;
import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static vn.doithoai.followup.FollowUpRefusals.F_FINDING;
import static vn.doithoai.followup.FollowUpRefusals.F_RESULT;
import static vn.doithoai.followup.FollowUpRefusals.F_SATISFIED;
import static vn.doithoai.followup.FollowUpRefusals.F_TRANSFER_TO;
import static vn.doithoai.followup.FollowUpRefusals.F_YEAR;
import static vn.doithoai.followup.FollowUpRefusals.badDay;
import static vn.doithoai.followup.FollowUpRefusals.cannot;
import static vn.doithoai.followup.FollowUpRefusals.missing;
import static vn.doithoai.followup.FollowUpRefusals.of;
import static vn.doithoai.followup.FollowUpRefusals.wrongState;

/**
 * What someone asks of a conclusion's follow-up. Each command decides, from the follow-up alone and
 * the time, the events it causes or why it is refused. Texts are cleaned here, once. {@code on} is
 * the day an update tells of; null means today (in Vietnam).
 */
public sealed interface FollowUpCommand {

    /** @param f the follow-up as it is; never null but for {@link Open} (see {@link FollowUpRules#decide}) */
    Ruling<FollowUpEvent> decide(FollowUp f, Instant now);

    /**
     * Sent by the projection of closed meetings, not by a person: the conclusion as the record has it,
     * the office already looked up in the commune's directory ({@code officeId}, or null).
     */
    record Open(UUID id, UUID communeId, UUID meetingId, String meetingTitle, int conclusionId, int revision,
                String text, Outcome outcome, String officeName, UUID officeId, LocalDate deadline,
                List<String> petitionCodes, Instant at) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp none, Instant now) {
            if (id == null || communeId == null || meetingId == null || text == null || outcome == null || at == null) {
                return Ruling.refuse(Refusal.FIELD_MISSING, "Kết luận thiếu dữ liệu để theo dõi",
                        "The conclusion lacks what a follow-up needs");
            }
            return Ruling.accept(new FollowUpEvent.Opened(id, communeId, meetingId, meetingTitle, conclusionId, revision,
                    text, outcome, officeName, officeId, deadline, petitionCodes, FollowUpRules.startsAs(outcome), at));
        }
    }

    /**
     * Sent by the projection when the meeting's record has a newer revision of the conclusion. Its
     * status follows the new outcome while the office has reported nothing yet; after that, what
     * the office did stands.
     */
    record Revise(int revision, String text, Outcome outcome, String officeName, UUID officeId, LocalDate deadline,
                  List<String> petitionCodes, Instant at) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (revision <= f.revision()) {
                return wrongState("Kết luận đã được theo dõi theo lần sửa này", "The follow-up has this revision already");
            }
            if (text == null || outcome == null || at == null) {
                return Ruling.refuse(Refusal.FIELD_MISSING, "Kết luận thiếu dữ liệu để theo dõi",
                        "The conclusion lacks what a follow-up needs");
            }
            FollowUpStatus status = f.updates().isEmpty() ? FollowUpRules.startsAs(outcome) : f.status();
            return Ruling.accept(new FollowUpEvent.Revised(revision, text, outcome, officeName, officeId, deadline,
                    petitionCodes, status, at));
        }
    }

    /** The office begins the work. */
    record Start(String note, LocalDate on) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (f.status() != FollowUpStatus.ASSIGNED) {
                return cannot("bắt đầu thực hiện", "be started", f);
            }
            LocalDate day = FollowUpRules.dayOr(on, now);
            String clean = Fields.paragraph(note);
            Refusal problem = Fields.first(Fields.optional(clean, Fields.F_NOTE, Fields.NOTE), badDay(day, f, FollowUpRules.today(now)));
            return problem != null ? of(problem) : Ruling.accept(new FollowUpEvent.Started(clean, day, now));
        }
    }

    /** A report of progress, the status unchanged. */
    record Note(String note, LocalDate on) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (!f.status().open()) {
                return cannot("cập nhật tiến độ", "take a progress note", f);
            }
            LocalDate day = FollowUpRules.dayOr(on, now);
            String clean = Fields.paragraph(note);
            Refusal problem = Fields.first(Fields.required(clean, Fields.F_NOTE, Fields.NOTE), badDay(day, f, FollowUpRules.today(now)));
            return problem != null ? of(problem) : Ruling.accept(new FollowUpEvent.Noted(clean, day, now));
        }
    }

    /** The office did it; {@code result} says what, publicly. */
    record Finish(String result, LocalDate on) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (!f.status().open()) {
                return cannot("ghi hoàn thành", "be marked done", f);
            }
            LocalDate day = FollowUpRules.dayOr(on, now);
            String clean = Fields.paragraph(result);
            Refusal problem = Fields.first(Fields.required(clean, F_RESULT, Fields.LONG_TEXT), badDay(day, f, FollowUpRules.today(now)));
            return problem != null ? of(problem) : Ruling.accept(new FollowUpEvent.Done(clean, day, now));
        }
    }

    /** Beyond the commune's competence: sent to {@code to}, with an internal note. */
    record Transfer(String to, String note, LocalDate on) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (!f.status().open()) {
                return cannot("chuyển cấp có thẩm quyền", "be transferred", f);
            }
            LocalDate day = FollowUpRules.dayOr(on, now);
            String where = Fields.line(to);
            String why = Fields.paragraph(note);
            Refusal problem = Fields.first(Fields.required(where, F_TRANSFER_TO, Fields.OFFICE),
                    Fields.optional(why, Fields.F_NOTE, Fields.NOTE), badDay(day, f, FollowUpRules.today(now)));
            return problem != null ? of(problem) : Ruling.accept(new FollowUpEvent.Transferred(where, why, day, now));
        }
    }

    /**
     * The Front puts the conclusion in a year's supervision plan, at any status (a conclusion done
     * is supervised too): from the year it was made to next year's plan, once a year.
     */
    record MarkForSupervision(Integer year) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (year == null) {
                return of(missing(F_YEAR));
            }
            int first = f.openedOn().getYear();
            int last = FollowUpRules.today(now).getYear() + 1;
            if (year < first || year > last) {
                return Ruling.refuse(Refusal.FIELD_INVALID, "Năm giám sát phải từ " + first + " đến " + last,
                        "The supervision year must be from " + first + " to " + last);
            }
            if (f.supervisionYears().contains(year)) {
                return wrongState("Kết luận đã có trong kế hoạch giám sát năm " + year,
                        "The conclusion is in the supervision plan of " + year + " already");
            }
            return Ruling.accept(new FollowUpEvent.MarkedForSupervision(year, now));
        }
    }

    /** What the Front's supervision found; only for a conclusion in one of its plans. */
    record RecordSupervision(String finding, LocalDate on) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (f.supervisionYears().isEmpty()) {
                return wrongState("Kết luận chưa có trong kế hoạch giám sát; hãy đưa vào kế hoạch trước",
                        "The conclusion is in no supervision plan; put it in one first");
            }
            LocalDate day = FollowUpRules.dayOr(on, now);
            String clean = Fields.paragraph(finding);
            Refusal problem = Fields.first(Fields.required(clean, F_FINDING, Fields.LONG_TEXT), badDay(day, f, FollowUpRules.today(now)));
            return problem != null ? of(problem) : Ruling.accept(new FollowUpEvent.SupervisionRecorded(clean, day, now));
        }
    }

    /**
     * A citizen rates what the conclusion gave, through a petition it answered: once the office has
     * settled it (done or transferred; at once for one answered at the meeting), once per petition,
     * with a reason when not satisfied.
     */
    record Rate(String petitionCode, Boolean satisfied, String reason) implements FollowUpCommand {
        public Ruling<FollowUpEvent> decide(FollowUp f, Instant now) {
            if (petitionCode == null || !f.petitionCodes().contains(petitionCode)) {
                return Ruling.refuse(Refusal.NOT_FOUND, "Kết luận này không trả lời kiến nghị đó",
                        "This conclusion does not answer that petition");
            }
            if (f.status().open()) {
                return wrongState("Chưa thể đánh giá: kết luận đang ở trạng thái «" + f.status().vi + "»",
                        "Not yet to be rated: the conclusion is " + f.status().en.toLowerCase(java.util.Locale.ROOT));
            }
            if (f.ratingOf(petitionCode).isPresent()) {
                return wrongState("Kiến nghị này đã được đánh giá", "This petition has been rated already");
            }
            if (satisfied == null) {
                return of(missing(F_SATISFIED));
            }
            String clean = Fields.paragraph(reason);
            Refusal problem = satisfied ? Fields.optional(clean, Fields.F_REASON, Fields.REASON)
                    : Fields.required(clean, Fields.F_REASON, Fields.REASON);
            return problem != null ? of(problem)
                    : Ruling.accept(new FollowUpEvent.RatedByCitizen(petitionCode, satisfied, clean, now));
        }
    }
}
