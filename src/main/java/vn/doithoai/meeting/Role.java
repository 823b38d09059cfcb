package vn.doithoai.meeting;

/**
 * Who acts in a meeting. The server itself acts too: its timer marks a slot's time-up. The door
 * is the staff phone that checks invited people in as they arrive.
 */
public enum Role {
    ORGANISER, CHAIR, SECRETARY, DISPLAY, ATTENDEE, SERVER, DOOR;

    /** Staff see the whole record, phone numbers and private notes included. */
    public boolean isStaff() {
        return this == ORGANISER || this == CHAIR || this == SECRETARY || this == SERVER;
    }

    /**
     * Who may see the list of invited people (names, villages, personal codes): staff, and the door,
     * which checks them in. The door sees nothing else private: it is a phone at the entrance, often
     * in a volunteer's hand, and needs no speaker's phone number.
     */
    public boolean seesInvitations() {
        return isStaff() || this == DOOR;
    }
}
