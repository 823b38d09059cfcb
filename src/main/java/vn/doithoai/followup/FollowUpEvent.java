package vn.doithoai.followup;

import vn.doithoai.meeting.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a conclusion after its meeting, one entry each in its own stream of the ledger
 * (kind "conclusion"). An event is never changed; each carries everything {@link #apply} needs, its
 * time included. Who acted is stored beside it.
 */
public sealed interface FollowUpEvent {

    /** The follow-up as it was before this event: null for {@link Opened} only. */
    FollowUp apply(FollowUp followUp);

    /**
     * The conclusion as the closed meeting's record has it, taken up to be followed; {@code status}
     * is where it starts (see {@link FollowUpRules#startsAs}), {@code at} the meeting's close or,
     * for a conclusion recorded later, that moment.
     */
    record Opened(UUID id, UUID communeId, UUID meetingId, String meetingTitle, int conclusionId, int revision,
                  String text, Outcome outcome, String officeName, UUID officeId, LocalDate deadline,
                  List<String> petitionCodes, FollowUpStatus status, Instant at) implements FollowUpEvent {
        public Opened {
            petitionCodes = petitionCodes == null ? List.of() : List.copyOf(petitionCodes);
        }

        public FollowUp apply(FollowUp none) {
            return FollowUp.opened(this);
        }
    }

    /** The chair or the secretary corrected the conclusion after the close; the meeting's record is the source. */
    record Revised(int revision, String text, Outcome outcome, String officeName, UUID officeId, LocalDate deadline,
                   List<String> petitionCodes, FollowUpStatus status, Instant at) implements FollowUpEvent {
        public Revised {
            petitionCodes = petitionCodes == null ? List.of() : List.copyOf(petitionCodes);
        }

        public FollowUp apply(FollowUp f) {
            return f.revised(this);
        }
    }

    record Started(String note, LocalDate on, Instant at) implements FollowUpEvent {
        public FollowUp apply(FollowUp f) {
            return f.reported(new Update(Update.Kind.STARTED, note, on, at), FollowUpStatus.IN_PROGRESS, null, null);
        }
    }

    /** A report of progress that changes no status. */
    record Noted(String note, LocalDate on, Instant at) implements FollowUpEvent {
        public FollowUp apply(FollowUp f) {
            return f.reported(new Update(Update.Kind.NOTED, note, on, at), f.status(), null, null);
        }
    }

    /** {@code result}: what was done, public on the tracking page and the notice. */
    record Done(String result, LocalDate on, Instant at) implements FollowUpEvent {
        public FollowUp apply(FollowUp f) {
            return f.reported(new Update(Update.Kind.DONE, result, on, at), FollowUpStatus.DONE, result, null);
        }
    }

    /** To the level or body whose competence it is; {@code note} internal. */
    record Transferred(String to, String note, LocalDate on, Instant at) implements FollowUpEvent {
        public FollowUp apply(FollowUp f) {
            return f.reported(new Update(Update.Kind.TRANSFERRED, note, on, at), FollowUpStatus.TRANSFERRED, null, to);
        }
    }

    /** The Front puts it in its supervision plan for {@code year} (plan 000 V.4). */
    record MarkedForSupervision(int year, Instant at) implements FollowUpEvent {
        public FollowUp apply(FollowUp f) {
            return f.markedFor(year);
        }
    }

    record SupervisionRecorded(String finding, LocalDate on, Instant at) implements FollowUpEvent {
        public FollowUp apply(FollowUp f) {
            return f.found(new Finding(finding, on, at));
        }
    }

    /** The citizen behind one of the petitions it answered, through the tracking page. */
    record RatedByCitizen(String petitionCode, boolean satisfied, String reason, Instant at) implements FollowUpEvent {
        public FollowUp apply(FollowUp f) {
            return f.rated(new Rating(petitionCode, satisfied, reason, at));
        }
    }
}
