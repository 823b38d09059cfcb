package vn.doithoai.access;

/** What a named account does, with its name on the screens. */
public enum AccountRole {
    /** Runs the commune's office work: accounts, offices, the plan, meetings, petitions. */
    ADMIN("Quản trị", "Administrator"),
    /** Staff of one office: prepares the answers to the petitions assigned to it. */
    OFFICE_STAFF("Cán bộ cơ quan", "Office staff"),
    /** The Fatherland Front: gathers petitions, summarises them, supervises the follow-up. */
    FRONT_STAFF("Cán bộ Mặt trận", "Front staff"),
    /** The district or province: reads, changes nothing. */
    UPPER_VIEWER("Cấp trên (chỉ xem)", "Upper level (read only)");

    public final String vi;
    public final String en;

    AccountRole(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }
}
