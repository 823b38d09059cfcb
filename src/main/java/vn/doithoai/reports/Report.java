package vn.doithoai.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A report upward (issue 17, section 4; plan 000 V.3): for the communes it covers and a period,
 * the dialogues against the target and the plan, the petitions and what became of them, the
 * conclusions and the citizens' satisfaction. Every figure was counted from the record when asked.
 *
 * @param scope    what it covers, as the documents say it ("Xã Ia Băng", "12 xã")
 * @param communes how many communes it covers
 * @param asOf     the day in Vietnam "overdue" is counted on
 */
public record Report(String scope, int communes, Period period, LocalDate asOf, Dialogues dialogues,
                     Petitions petitions, Conclusions conclusions) {

    /**
     * @param target      the direct dialogues the plans of the years the period falls in commit to
     * @param planned     the planned dialogues (not cancelled) of the months the period touches
     * @param plannedHeld of those, the ones whose meeting is closed
     * @param held        the meetings closed in the period, planned or not
     * @param attendees   check-ins at the door or the desk in those meetings
     * @param speeches    speakers called to the floor
     * @param answers     responders called to answer
     */
    public record Dialogues(int target, int planned, int plannedHeld, int cancelled, int held, int attendees,
                            int speeches, int answers, List<Kind> byKind) {
    }

    /** One kind of dialogue; {@code target} null when no plan sets one for it. */
    public record Kind(String kind, String label, Integer target, int planned, int held, int attendees, int speeches) {
    }

    /** The petitions received in the period (a group counted once, as its lead), in total and by each dimension. */
    public record Petitions(Line total, List<Line> byField, List<Line> byChannel, List<Line> byCompetence,
                            List<Line> byVillage) {
    }

    /**
     * @param answered    answered (in writing or at a meeting)
     * @param onTime      answered on or before the due date, or with none
     * @param late        answered after the due date
     * @param overdue     still in the commune's hands and past the due date on {@link Report#asOf}
     */
    public record Line(String key, String label, int received, int answered, int onTime, int late, int overdue,
                       int transferred, int refused) {
    }

    /** The conclusions of the meetings held in the period, in total and by outcome. */
    public record Conclusions(Outcome total, List<Outcome> byOutcome) {
    }

    /**
     * @param doneOnTime  done on or before the deadline, or with none
     * @param overdue     still open and past the deadline on {@link Report#asOf}
     * @param satisfied   citizens' ratings "satisfied" of these conclusions
     */
    public record Outcome(String key, String label, int total, int doneOnTime, int doneLate, int transferred,
                          int open, int overdue, int satisfied, int notSatisfied) {
    }
}
