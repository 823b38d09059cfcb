package vn.doithoai.petition;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static vn.doithoai.petition.PetitionRefusals.F_ANSWER;
import static vn.doithoai.petition.PetitionRefusals.F_HOW;
import static vn.doithoai.petition.PetitionRefusals.F_LEAD;
import static vn.doithoai.petition.PetitionRefusals.F_TRANSFER_TO;
import static vn.doithoai.petition.PetitionRefusals.cannot;
import static vn.doithoai.petition.PetitionRefusals.grouped;
import static vn.doithoai.petition.PetitionRefusals.inSentence;
import static vn.doithoai.petition.PetitionRefusals.missing;
import static vn.doithoai.petition.PetitionRefusals.of;
import static vn.doithoai.petition.PetitionRefusals.wrongState;

/**
 * What someone asks of a petition. Each command decides, from the petition alone, the events it
 * causes or why it is refused; none changes anything itself. Texts are cleaned here, once, so the
 * events hold them as they will be shown.
 */
public sealed interface PetitionCommand {

    /** The petition as it is; never null, but for {@link Receive} (see {@link PetitionRules#decide}). */
    Ruling<PetitionEvent> decide(Petition petition, Instant now);

    /**
     * A petition enters the commune's record. The service draws the ids and the tracking code
     * ({@link TrackingCode#next}); {@code receivedAt} null means now, and may be earlier for a
     * letter entered days after it came.
     */
    record Receive(UUID id, UUID communeId, String trackingCode, Citizen citizen, Instant receivedAt,
                   Channel channel, String fieldCode, Competence competence, String content)
            implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition none, Instant now) {
            if (id == null || communeId == null) {
                return Ruling.refuse(Refusal.FIELD_MISSING, "Thiếu mã kiến nghị hoặc mã xã",
                        "The petition's or the commune's id is missing");
            }
            Optional<String> code = TrackingCode.normalise(trackingCode);
            if (code.isEmpty()) {
                return Ruling.refuse(Refusal.FIELD_INVALID, "Mã theo dõi không đúng dạng KN-XXXX-XXXX",
                        "The tracking code is not of the shape KN-XXXX-XXXX");
            }
            Instant at = receivedAt == null ? now : receivedAt;
            if (at.isAfter(now)) {
                return Ruling.refuse(Refusal.FIELD_INVALID, "Thời điểm tiếp nhận không thể ở tương lai",
                        "The time of receipt cannot be in the future");
            }
            Citizen who = Citizen.cleaned(citizen);
            Classification filed = Classification.cleaned(channel, fieldCode, competence);
            String text = Fields.paragraph(content);
            Refusal problem = Fields.first(who.problem(), filed.problem(),
                    Fields.required(text, Fields.F_TEXT, Fields.LONG_TEXT));
            if (problem != null) {
                return of(problem);
            }
            return Ruling.accept(new PetitionEvent.Received(id, communeId, code.get(), at, who,
                    filed.channel(), filed.fieldCode(), filed.competence(), text));
        }
    }

    /** Corrects how the petition is filed, before an office has it; a null part is kept as it was. */
    record Reclassify(Channel channel, String fieldCode, Competence competence) implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (p.status() != PetitionStatus.RECEIVED) {
                return cannot("sửa phân loại", "be reclassified", p);
            }
            Classification was = p.classification();
            Classification next = Classification.cleaned(
                    channel != null ? channel : was.channel(),
                    fieldCode != null ? fieldCode : was.fieldCode(),
                    competence != null ? competence : was.competence());
            Refusal problem = next.problem();
            if (problem != null) {
                return of(problem);
            }
            if (next.equals(was)) {
                return wrongState("Phân loại không thay đổi", "The classification is unchanged");
            }
            return Ruling.accept(new PetitionEvent.Reclassified(next.channel(), next.fieldCode(), next.competence()));
        }
    }

    /** Gives the petition to an office, or to another one until it is answered; the due date may be left open. */
    record Assign(UUID officeId, String officeName, LocalDate dueDate) implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (!p.status().open()) {
                return cannot("giao cơ quan giải quyết", "be assigned", p);
            }
            if (p.grouped()) {
                return grouped();
            }
            String office = Fields.line(officeName);
            Refusal problem = Fields.required(office, Fields.F_OFFICE, Fields.OFFICE);
            if (problem != null) {
                return of(problem);
            }
            if (dueDate != null && dueDate.isBefore(p.receivedOn())) {
                return Ruling.refuse(Refusal.FIELD_INVALID, "Hạn giải quyết không thể trước ngày tiếp nhận",
                        "The due date cannot be before the day the petition was received");
            }
            return Ruling.accept(new PetitionEvent.Assigned(officeId, office, dueDate, now));
        }
    }

    /** The office writes, or writes again, the answer it proposes. */
    record DraftAnswer(String text) implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (p.status() == PetitionStatus.RECEIVED) {
                return wrongState("Kiến nghị chưa được giao cơ quan giải quyết",
                        "The petition has not been assigned to an office yet");
            }
            if (!p.status().open()) {
                return cannot("soạn dự thảo trả lời", "have an answer drafted", p);
            }
            if (p.grouped()) {
                return grouped();
            }
            String draft = Fields.paragraph(text);
            Refusal problem = Fields.required(draft, F_ANSWER, Fields.LONG_TEXT);
            return problem != null ? of(problem) : Ruling.accept(new PetitionEvent.AnswerDrafted(draft, now));
        }
    }

    /**
     * Gives the answer, in writing or at a named meeting (whose id is null if it was not held in
     * this system). {@code text} null gives the draft as it stands.
     */
    record Answer(String text, PublicAnswer.How how, UUID meetingId, String meetingTitle) implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (!p.status().open()) {
                return cannot("trả lời", "be answered", p);
            }
            if (p.grouped()) {
                return grouped();
            }
            String given = text != null ? Fields.paragraph(text) : p.draft() != null ? p.draft().text() : null;
            boolean atMeeting = how == PublicAnswer.How.AT_MEETING;
            String title = atMeeting ? Fields.line(meetingTitle) : null;
            Refusal problem = Fields.first(
                    Fields.required(given, F_ANSWER, Fields.LONG_TEXT),
                    how == null ? missing(F_HOW) : null,
                    atMeeting ? Fields.required(title, Fields.F_TITLE, Fields.TITLE) : null);
            if (problem != null) {
                return of(problem);
            }
            return Ruling.accept(new PetitionEvent.Answered(given, how, atMeeting ? meetingId : null, title, now));
        }
    }

    /**
     * Sent by the store, not by a person: when a lead is answered, each petition grouped under it
     * takes the same answer, because {@code apply} sees one petition and cannot look at the lead.
     */
    record ShareLeadAnswer(UUID leadId, PublicAnswer answer) implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (leadId == null || !leadId.equals(p.groupLead())) {
                return wrongState("Kiến nghị không được gộp vào kiến nghị này",
                        "The petition is not grouped under that one");
            }
            if (!p.status().open()) {
                return cannot("nhận câu trả lời của kiến nghị chính", "take its lead's answer", p);
            }
            if (answer == null || answer.text() == null || answer.how() == null || answer.at() == null) {
                return of(missing(F_ANSWER));
            }
            return Ruling.accept(new PetitionEvent.Answered(answer.text(), answer.how(), answer.meetingId(),
                    answer.meetingTitle(), answer.at()));
        }
    }

    record Close() implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (p.status() != PetitionStatus.ANSWERED) {
                return wrongState("Chỉ kết thúc được kiến nghị đã trả lời", "Only an answered petition can be closed");
            }
            return Ruling.accept(new PetitionEvent.Closed(now));
        }
    }

    /** To the level or body whose competence it is, with a note of why or how. */
    record Transfer(String to, String note) implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (!p.status().open()) {
                return cannot("chuyển cấp có thẩm quyền", "be transferred", p);
            }
            if (p.grouped()) {
                return grouped();
            }
            String where = Fields.line(to);
            String why = Fields.paragraph(note);
            Refusal problem = Fields.first(
                    Fields.required(where, F_TRANSFER_TO, Fields.OFFICE),
                    Fields.optional(why, Fields.F_NOTE, Fields.NOTE));
            return problem != null ? of(problem) : Ruling.accept(new PetitionEvent.Transferred(where, why, now));
        }
    }

    /** The commune will not settle it, and says on what ground. */
    record Refuse(String ground) implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (!p.status().open()) {
                return cannot("từ chối", "be refused", p);
            }
            if (p.grouped()) {
                return grouped();
            }
            String reason = Fields.paragraph(ground);
            Refusal problem = Fields.required(reason, Fields.F_REASON, Fields.REASON);
            return problem != null ? of(problem) : Ruling.accept(new PetitionEvent.Refused(reason, now));
        }
    }

    /**
     * Joins this petition to a lead, whose answer will serve both. The service builds the command
     * from the lead it loaded ({@link Lead#of}); a client names the lead's id only.
     */
    record Group(Lead lead) implements PetitionCommand {

        /** What the rule needs to know of the lead. */
        public record Lead(UUID id, UUID communeId, PetitionStatus status, UUID groupLead) {
            public static Lead of(Petition lead) {
                return new Lead(lead.id(), lead.communeId(), lead.status(), lead.groupLead());
            }
        }

        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (lead == null) {
                return of(missing(F_LEAD));
            }
            if (lead.id().equals(p.id())) {
                return wrongState("Không thể gộp kiến nghị vào chính nó", "A petition cannot be grouped under itself");
            }
            if (!lead.communeId().equals(p.communeId())) {
                return Ruling.refuse(Refusal.NOT_FOUND, "Không có kiến nghị chính này trong xã",
                        "No such lead petition in this commune");
            }
            if (p.grouped()) {
                return wrongState("Kiến nghị đã được gộp; hãy tách ra trước khi gộp vào kiến nghị khác",
                        "The petition is grouped already; take it out of its group first");
            }
            if (!p.status().open()) {
                return cannot("gộp", "be grouped", p);
            }
            if (!lead.status().open()) {
                return wrongState("Kiến nghị chính đang ở trạng thái «" + lead.status().vi + "», không gộp thêm được",
                        "The lead petition is " + inSentence(lead.status()) + " and takes no more petitions");
            }
            if (lead.groupLead() != null) {
                return wrongState("Kiến nghị chính cũng đã được gộp vào kiến nghị khác; hãy gộp vào kiến nghị đó",
                        "The lead is itself grouped under another petition; group under that one");
            }
            return Ruling.accept(new PetitionEvent.Grouped(lead.id()));
        }
    }

    /** Takes the petition out of its group, to be handled on its own. */
    record Ungroup() implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (!p.grouped()) {
                return wrongState("Kiến nghị không nằm trong nhóm nào", "The petition is not grouped");
            }
            if (!p.status().open()) {
                return cannot("tách khỏi nhóm", "leave its group", p);
            }
            return Ruling.accept(new PetitionEvent.Ungrouped());
        }
    }

    /** The Front flags a petition for the leaders' attention; at any point of its life. */
    record MarkSensitive() implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (p.sensitive()) {
                return wrongState("Kiến nghị đã được đánh dấu nhạy cảm", "The petition is marked sensitive already");
            }
            return Ruling.accept(new PetitionEvent.MarkedSensitive());
        }
    }

    record UnmarkSensitive() implements PetitionCommand {
        public Ruling<PetitionEvent> decide(Petition p, Instant now) {
            if (!p.sensitive()) {
                return wrongState("Kiến nghị không được đánh dấu nhạy cảm", "The petition is not marked sensitive");
            }
            return Ruling.accept(new PetitionEvent.UnmarkedSensitive());
        }
    }
}
