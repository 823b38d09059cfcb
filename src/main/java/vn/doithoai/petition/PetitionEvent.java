package vn.doithoai.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to a petition, one entry each in its own log. An event is never changed; a
 * correction is a new event. Each carries everything {@link #apply} needs, its time included, so
 * the state never depends on when it is rebuilt. Who acted is stored beside the event.
 */
public sealed interface PetitionEvent {

    /** The petition as it was before this event: null for {@link Received} only. */
    Petition apply(Petition petition);

    /** {@code citizen} is private (see {@link PublicView}). */
    record Received(UUID id, UUID communeId, String trackingCode, Instant receivedAt, Citizen citizen,
                    Channel channel, String fieldCode, Competence competence, String content)
            implements PetitionEvent {
        public Petition apply(Petition p) {
            return Petition.received(id, communeId, trackingCode, receivedAt, citizen, content,
                    new Classification(channel, fieldCode, competence));
        }
    }

    /** A slip at the desk, put right before an office is given the petition. */
    record Reclassified(Channel channel, String fieldCode, Competence competence) implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withClassification(new Classification(channel, fieldCode, competence));
        }
    }

    record Assigned(UUID officeId, String officeName, LocalDate dueDate, Instant at) implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withAssignment(new Assignment(officeId, officeName, dueDate, at));
        }
    }

    /** {@code text} is internal until it is given as the answer. */
    record AnswerDrafted(String text, Instant at) implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withDraft(new Draft(text, at));
        }
    }

    /** Also copied, unchanged, from a group's lead to each petition grouped under it. */
    record Answered(String text, PublicAnswer.How how, UUID meetingId, String meetingTitle, Instant at)
            implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withAnswer(new PublicAnswer(text, how, meetingId, meetingTitle, at));
        }
    }

    record Closed(Instant at) implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withClosed(at);
        }
    }

    record Transferred(String to, String note, Instant at) implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withReferral(new Referral(to, note, at));
        }
    }

    record Refused(String ground, Instant at) implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withRejection(new Rejection(ground, at));
        }
    }

    /** This petition will be answered with {@code leadId}'s answer. */
    record Grouped(UUID leadId) implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withGroupLead(leadId);
        }
    }

    record Ungrouped() implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withGroupLead(null);
        }
    }

    record MarkedSensitive() implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withSensitive(true);
        }
    }

    record UnmarkedSensitive() implements PetitionEvent {
        public Petition apply(Petition p) {
            return p.withSensitive(false);
        }
    }
}
