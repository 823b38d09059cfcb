package vn.doithoai.meeting;

import java.util.Locale;
import java.util.Objects;

/**
 * The one who sends a command. An attendee is known only by the id derived from the key its
 * phone keeps; every other role is one per meeting.
 */
public record Actor(Role role, String attendeeId) {

    public static final Actor CHAIR = new Actor(Role.CHAIR, null);
    public static final Actor SECRETARY = new Actor(Role.SECRETARY, null);
    public static final Actor DISPLAY = new Actor(Role.DISPLAY, null);
    public static final Actor ORGANISER = new Actor(Role.ORGANISER, null);
    public static final Actor SERVER = new Actor(Role.SERVER, null);
    public static final Actor DOOR = new Actor(Role.DOOR, null);

    public Actor {
        Objects.requireNonNull(role, "role");
        if ((role == Role.ATTENDEE) != (attendeeId != null)) {
            throw new IllegalArgumentException("an attendee, and only an attendee, has an attendee id");
        }
    }

    /** The one actor of each role that has no attendee id, shared by every screen of that role. */
    public static Actor of(Role role) {
        return switch (role) {
            case CHAIR -> CHAIR;
            case SECRETARY -> SECRETARY;
            case DISPLAY -> DISPLAY;
            case ORGANISER -> ORGANISER;
            case SERVER -> SERVER;
            case DOOR -> DOOR;
            case ATTENDEE -> throw new IllegalArgumentException("an attendee has an id");
        };
    }

    public static Actor attendee(String attendeeId) {
        return new Actor(Role.ATTENDEE, attendeeId);
    }

    /** The form kept in the event log's actor column, e.g. {@code chair} or {@code attendee:3f9a…}. */
    public String label() {
        String name = role.name().toLowerCase(Locale.ROOT);
        return attendeeId == null ? name : name + ":" + attendeeId;
    }

    public static Actor fromLabel(String label) {
        int colon = label.indexOf(':');
        if (colon < 0) {
            return new Actor(Role.valueOf(label.toUpperCase(Locale.ROOT)), null);
        }
        return new Actor(Role.valueOf(label.substring(0, colon).toUpperCase(Locale.ROOT)), label.substring(colon + 1));
    }
}
