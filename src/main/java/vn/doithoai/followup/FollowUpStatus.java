package vn.doithoai.followup;

/** Where a conclusion is after the meeting; the labels are the ones the pages show. */
public enum FollowUpStatus {
    ASSIGNED("Đã giao thực hiện", "Assigned"),
    IN_PROGRESS("Đang thực hiện", "In progress"),
    DONE("Đã hoàn thành", "Done"),
    TRANSFERRED("Đã chuyển cấp có thẩm quyền", "Transferred to the competent level");

    public final String vi;
    public final String en;

    FollowUpStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    /** Still to be done by its office: it can be started, noted, done or transferred. */
    public boolean open() {
        return this == ASSIGNED || this == IN_PROGRESS;
    }
}
