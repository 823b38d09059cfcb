package vn.doithoai.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the chair concludes on one or more speeches; a correction makes a new revision.
 *
 * @param petitionCodes the tracking codes of the petitions it answers: when the meeting closes,
 *                      each is answered with this text. Staff only: a code is what its citizen
 *                      follows the petition with, so the hall sees the conclusion without them
 */
public record Conclusion(int id, String text, Outcome outcome, String office, LocalDate deadline,
                         List<Integer> turnIds, Instant recordedAt, int revision, List<String> petitionCodes) {

    public Conclusion {
        turnIds = List.copyOf(turnIds);
        petitionCodes = petitionCodes == null ? List.of() : List.copyOf(petitionCodes);
    }

    /** As the hall sees it. */
    Conclusion withoutPetitionCodes() {
        return petitionCodes.isEmpty() ? this
                : new Conclusion(id, text, outcome, office, deadline, turnIds, recordedAt, revision, List.of());
    }
}
