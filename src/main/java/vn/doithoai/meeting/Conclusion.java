package vn.doithoai.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the chair concludes on one or more speeches; a correction makes a new revision. */
public record Conclusion(int id, String text, Outcome outcome, String office, LocalDate deadline,
                         List<Integer> turnIds, Instant recordedAt, int revision) {

    public Conclusion {
        turnIds = List.copyOf(turnIds);
    }
}
