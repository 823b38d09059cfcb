package vn.doithoai.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Everything a petition (kiến nghị) is at one point of its record. Immutable: each event returns a
 * new petition, so replaying the same events always builds the same one.
 *
 * @param citizen    private: never public, never printed in a summary
 * @param sensitive  flagged by the Front for the leaders' attention before a meeting
 * @param assignment the office that settles it, or null
 * @param draft      the office's answer not yet given, or null; internal
 * @param answer     the answer given, or null; public
 * @param referral   where it was transferred, or null
 * @param rejection  why the commune will not settle it, or null
 * @param groupLead  the petition whose answer serves this one too, or null
 */
public record Petition(UUID id, UUID communeId, String trackingCode, Instant receivedAt, Citizen citizen,
                       String content, Classification classification, boolean sensitive, PetitionStatus status,
                       Assignment assignment, Draft draft, PublicAnswer answer, Referral referral,
                       Rejection rejection, UUID groupLead, Instant closedAt) {

    /** The communes' clock: a due date or a day of receipt is a day in Vietnam, wherever the server runs. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public LocalDate receivedOn() {
        return receivedAt.atZone(ZONE).toLocalDate();
    }

    public boolean grouped() {
        return groupLead != null;
    }

    static Petition received(UUID id, UUID communeId, String trackingCode, Instant receivedAt, Citizen citizen,
                             String content, Classification classification) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification, false,
                PetitionStatus.RECEIVED, null, null, null, null, null, null, null);
    }

    Petition withClassification(Classification newClassification) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, newClassification,
                sensitive, status, assignment, draft, answer, referral, rejection, groupLead, closedAt);
    }

    Petition withSensitive(boolean newSensitive) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                newSensitive, status, assignment, draft, answer, referral, rejection, groupLead, closedAt);
    }

    /** A new office starts from the draft there is, if any, and drafts again. */
    Petition withAssignment(Assignment newAssignment) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                sensitive, PetitionStatus.ASSIGNED, newAssignment, draft, answer, referral, rejection, groupLead,
                closedAt);
    }

    Petition withDraft(Draft newDraft) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                sensitive, PetitionStatus.ANSWER_DRAFTED, assignment, newDraft, answer, referral, rejection,
                groupLead, closedAt);
    }

    Petition withAnswer(PublicAnswer newAnswer) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                sensitive, PetitionStatus.ANSWERED, assignment, draft, newAnswer, referral, rejection, groupLead,
                closedAt);
    }

    Petition withReferral(Referral newReferral) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                sensitive, PetitionStatus.TRANSFERRED, assignment, draft, answer, newReferral, rejection, groupLead,
                closedAt);
    }

    Petition withRejection(Rejection newRejection) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                sensitive, PetitionStatus.REFUSED, assignment, draft, answer, referral, newRejection, groupLead,
                closedAt);
    }

    Petition withGroupLead(UUID newGroupLead) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                sensitive, status, assignment, draft, answer, referral, rejection, newGroupLead, closedAt);
    }

    Petition withClosed(Instant at) {
        return new Petition(id, communeId, trackingCode, receivedAt, citizen, content, classification,
                sensitive, PetitionStatus.CLOSED, assignment, draft, answer, referral, rejection, groupLead, at);
    }
}
