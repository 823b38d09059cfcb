package vn.doithoai.meeting;

/** What became of a petition raised at the meeting. */
public enum Outcome {
    ANSWERED("Đã trả lời tại hội nghị", "Answered at the meeting"),
    ASSIGNED("Giao cơ quan giải quyết", "Assigned to an office"),
    EXPLAINED("Giải thích, làm rõ", "Explained"),
    FORWARDED("Chuyển cấp trên", "Forwarded upward");

    public final String vi;
    public final String en;

    Outcome(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }
}
