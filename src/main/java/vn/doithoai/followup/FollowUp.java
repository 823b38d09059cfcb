package vn.doithoai.followup;

import vn.doithoai.meeting.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A meeting's conclusion after the close, as its follow-up record stands: what the meeting
 * concluded (as its record last said), which office carries it out and by when, where it is, what
 * the office reported, the Front's supervision and the citizens' ratings. Immutable: each event
 * returns a new one, so replaying the same events always builds the same follow-up.
 *
 * @param conclusionId   the conclusion's number within its meeting
 * @param revision       the conclusion's revision this follow-up took from the meeting's record
 * @param officeName     the office as the chair named it (free text), or null
 * @param officeId       the office of the commune's directory with that name, or null (a level
 *                       above the commune, or a name the directory does not have)
 * @param settledOn      the day it was done or transferred, or null while open
 * @param result         what was done (public), or null
 * @param transferredTo  the competent level it went to (public), or null
 * @param updates        the office's reports in order; their notes are internal
 * @param supervisionYears the years whose supervision plan of the Front includes it
 * @param findings       what the Front's supervision found, in order; internal
 * @param ratings        the citizens' ratings, one per petition; reasons internal
 */
public record FollowUp(UUID id, UUID communeId, UUID meetingId, String meetingTitle, int conclusionId, int revision,
                       String text, Outcome outcome, String officeName, UUID officeId, LocalDate deadline,
                       List<String> petitionCodes, FollowUpStatus status, Instant openedAt, LocalDate settledOn,
                       String result, String transferredTo, List<Update> updates, List<Integer> supervisionYears,
                       List<Finding> findings, List<Rating> ratings) {

    /** The communes' clock: a deadline or the day of an update is a day in Vietnam, wherever the server runs. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public FollowUp {
        petitionCodes = List.copyOf(petitionCodes);
        updates = List.copyOf(updates);
        supervisionYears = List.copyOf(supervisionYears);
        findings = List.copyOf(findings);
        ratings = List.copyOf(ratings);
    }

    public LocalDate openedOn() {
        return openedAt.atZone(ZONE).toLocalDate();
    }

    /**
     * Still in its office's hands with a deadline, and {@code today} (in Vietnam, given so this
     * stays pure) is past it; the deadline's own day is still in time.
     */
    public boolean overdueOn(LocalDate today) {
        return status.open() && deadline != null && today.isAfter(deadline);
    }

    /** Settled after its deadline (null while open or without a deadline). */
    public Boolean settledLate() {
        return settledOn == null || deadline == null ? null : settledOn.isAfter(deadline);
    }

    public Optional<Rating> ratingOf(String petitionCode) {
        return ratings.stream().filter(r -> r.petitionCode().equals(petitionCode)).findFirst();
    }

    static FollowUp opened(FollowUpEvent.Opened o) {
        return new FollowUp(o.id(), o.communeId(), o.meetingId(), o.meetingTitle(), o.conclusionId(), o.revision(),
                o.text(), o.outcome(), o.officeName(), o.officeId(), o.deadline(), o.petitionCodes(), o.status(), o.at(),
                o.status().open() ? null : o.at().atZone(ZONE).toLocalDate(), null, null, List.of(), List.of(),
                List.of(), List.of());
    }

    /** The meeting's record corrected the conclusion; the status is the rules' to say. */
    FollowUp revised(FollowUpEvent.Revised r) {
        LocalDate settled = r.status().open() ? null : settledOn != null ? settledOn : r.at().atZone(ZONE).toLocalDate();
        return new FollowUp(id, communeId, meetingId, meetingTitle, conclusionId, r.revision(), r.text(), r.outcome(),
                r.officeName(), r.officeId(), r.deadline(), r.petitionCodes(), r.status(), openedAt, settled, result,
                transferredTo, updates, supervisionYears, findings, ratings);
    }

    /** One more report of the office, moving it to {@code next}; {@code result} and {@code to} kept when null. */
    FollowUp reported(Update update, FollowUpStatus next, String newResult, String newTransferredTo) {
        var all = new ArrayList<>(updates);
        all.add(update);
        LocalDate settled = next.open() ? null : update.on();
        return new FollowUp(id, communeId, meetingId, meetingTitle, conclusionId, revision, text, outcome, officeName,
                officeId, deadline, petitionCodes, next, openedAt, settled,
                newResult != null ? newResult : result, newTransferredTo != null ? newTransferredTo : transferredTo,
                all, supervisionYears, findings, ratings);
    }

    FollowUp markedFor(int year) {
        var years = new ArrayList<>(supervisionYears);
        years.add(year);
        years.sort(null);
        return new FollowUp(id, communeId, meetingId, meetingTitle, conclusionId, revision, text, outcome, officeName,
                officeId, deadline, petitionCodes, status, openedAt, settledOn, result, transferredTo, updates, years,
                findings, ratings);
    }

    FollowUp found(Finding finding) {
        var all = new ArrayList<>(findings);
        all.add(finding);
        return new FollowUp(id, communeId, meetingId, meetingTitle, conclusionId, revision, text, outcome, officeName,
                officeId, deadline, petitionCodes, status, openedAt, settledOn, result, transferredTo, updates,
                supervisionYears, all, ratings);
    }

    FollowUp rated(Rating rating) {
        var all = new ArrayList<>(ratings);
        all.add(rating);
        return new FollowUp(id, communeId, meetingId, meetingTitle, conclusionId, revision, text, outcome, officeName,
                officeId, deadline, petitionCodes, status, openedAt, settledOn, result, transferredTo, updates,
                supervisionYears, findings, all);
    }
}
