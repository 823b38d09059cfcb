package vn.doithoai.plan;

/**
 * The three kinds of dialogue plan 000 (II.1) names; the same names as a meeting's kind, which a
 * meeting set up from a planned dialogue takes. Its own enum: the plan does not depend on the
 * meeting's rules.
 */
public enum DialogueKind {
    /** Định kỳ: the yearly report and open questions. */
    PERIODIC,
    /** Chuyên đề: one policy or project, or one group of people. */
    THEMATIC,
    /** Đột xuất: an urgent case; planned only when foreseen. */
    EXTRAORDINARY
}
