package vn.doithoai.meeting;

/** Who acts in a meeting. The server itself acts too: its timer marks a slot's time-up. */
public enum Role {
    ORGANISER, CHAIR, SECRETARY, DISPLAY, ATTENDEE, SERVER;

    /** Staff see the whole record, phone numbers and private notes included. */
    public boolean isStaff() {
        return this == ORGANISER || this == CHAIR || this == SECRETARY || this == SERVER;
    }
}
