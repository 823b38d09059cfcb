package vn.doithoai.store;

import vn.doithoai.plan.DialogueKind;
import vn.doithoai.plan.Target;

import java.util.List;

/**
 * How a commune's year goes against its plan, counted when asked (PlanStore.progress): per month
 * of the plan, the dialogues planned (not cancelled), set up as meetings and held (their meeting
 * closed); beside them, the meetings of the commune closed that month that no plan names.
 */
public record PlanProgress(int year, Target target, List<Month> months, Month totals, List<Kind> byKind) {

    /** {@code month} 0 in the totals. */
    public record Month(int month, int planned, int setUp, int held, int cancelled, int heldOutsidePlan) {
    }

    /** {@code target}: null when the plan sets none for this kind. */
    public record Kind(DialogueKind kind, Integer target, int planned, int setUp, int held) {
    }
}
