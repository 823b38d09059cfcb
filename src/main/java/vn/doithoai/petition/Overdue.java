package vn.doithoai.petition;

import java.time.LocalDate;

/** Which petitions have outrun their due date: the follow-up list and the reports ask this. */
public final class Overdue {

    private Overdue() {
    }

    /**
     * True when the petition has a due date, is still in the commune's hands (not answered,
     * closed, transferred nor refused), and {@code today} is past that date; the due day itself is
     * still in time.
     *
     * @param today the day in Vietnam ({@link Petition#ZONE}), given so that this stays pure
     */
    public static boolean isOverdue(Petition petition, LocalDate today) {
        Assignment assignment = petition.assignment();
        return assignment != null && assignment.dueDate() != null
                && petition.status().open()
                && today.isAfter(assignment.dueDate());
    }
}
