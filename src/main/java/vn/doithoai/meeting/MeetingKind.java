package vn.doithoai.meeting;

/** The three kinds of dialogue the plans name (plan 000, II.1). */
public enum MeetingKind {
    /** Định kỳ: the yearly report and open questions. */
    PERIODIC,
    /** Chuyên đề: one policy or project, or one group of people. */
    THEMATIC,
    /** Đột xuất: an urgent, complex or many-party case. */
    EXTRAORDINARY
}
