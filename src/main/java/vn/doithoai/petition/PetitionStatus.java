package vn.doithoai.petition;

/** Where a petition is in its life; the labels are the ones the tracking page shows. */
public enum PetitionStatus {
    RECEIVED("Đã tiếp nhận", "Received"),
    ASSIGNED("Đã giao cơ quan giải quyết", "Assigned to an office"),
    ANSWER_DRAFTED("Đã có dự thảo trả lời", "Answer drafted"),
    ANSWERED("Đã trả lời", "Answered"),
    CLOSED("Đã kết thúc", "Closed"),
    TRANSFERRED("Đã chuyển cấp có thẩm quyền", "Transferred to the competent level"),
    REFUSED("Không xem xét giải quyết", "Refused");

    public final String vi;
    public final String en;

    PetitionStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    /** Still in the commune's hands: it can be assigned, drafted, answered, transferred or refused. */
    public boolean open() {
        return this == RECEIVED || this == ASSIGNED || this == ANSWER_DRAFTED;
    }
}
