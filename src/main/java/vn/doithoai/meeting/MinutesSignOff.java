package vn.doithoai.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the minutes stand after the meeting: a draft the secretary still writes, the final text the
 * secretary handed over (with the name signed under THƯ KÝ), or the text the chair approved (with
 * the name under CHỦ TRÌ). Approved minutes are locked; what is found later goes in an addendum
 * with its own date, printed after the approved text.
 *
 * @param reopenedBecause why the secretary took a final text back to the draft, the last time; null
 *                        if never
 */
public record MinutesSignOff(Stage stage, String secretary, Instant finalisedAt, String chair, Instant approvedAt,
                             String reopenedBecause, List<Addendum> addenda) {

    public enum Stage { DRAFT, FINAL, APPROVED }

    /** A correction after the approval, by the secretary or the chair ({@code by}), dated by its event. */
    public record Addendum(int id, Instant at, Role by, String text) {
    }

    public static final MinutesSignOff DRAFT = new MinutesSignOff(Stage.DRAFT, null, null, null, null, null, List.of());

    public MinutesSignOff {
        addenda = addenda == null ? List.of() : List.copyOf(addenda);
    }

    /** Whether the text of the minutes (lines, conclusions, what speakers registered) may still change. */
    public boolean open() {
        return stage == Stage.DRAFT;
    }

    MinutesSignOff finalised(String secretaryName, Instant at) {
        return new MinutesSignOff(Stage.FINAL, secretaryName, at, null, null, reopenedBecause, addenda);
    }

    /** Back to the draft; the secretary's name stays for the signature block until it is signed again. */
    MinutesSignOff reopened(String reason) {
        return new MinutesSignOff(Stage.DRAFT, secretary, null, null, null, reason, addenda);
    }

    MinutesSignOff approved(String chairName, Instant at) {
        return new MinutesSignOff(Stage.APPROVED, secretary, finalisedAt, chairName, at, reopenedBecause, addenda);
    }

    MinutesSignOff withAddendum(Addendum addendum) {
        var more = new ArrayList<>(addenda);
        more.add(addendum);
        return new MinutesSignOff(stage, secretary, finalisedAt, chair, approvedAt, reopenedBecause, more);
    }
}
