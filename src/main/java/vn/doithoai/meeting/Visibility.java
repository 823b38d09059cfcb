package vn.doithoai.meeting;

import java.util.LinkedHashMap;

/**
 * What each role may see. Staff see everything; displays and attendees never see phone numbers,
 * private notes or which phone registered whom, except that an attendee sees its own
 * registrations' phone number and that they are its own.
 */
public final class Visibility {

    /** Someone looking at the meeting: a role, and for an attendee its id. */
    public record Viewer(Role role, String attendeeId) {
        private static final java.util.Map<Role, Viewer> BY_ROLE = new java.util.EnumMap<>(Role.class);

        static {
            for (Role role : Role.values()) {
                BY_ROLE.put(role, new Viewer(role, null));
            }
        }

        /** Shared for every role but an attendee: thousands of screens need not each hold one. */
        public static Viewer of(Actor actor) {
            return actor.attendeeId() == null ? BY_ROLE.get(actor.role()) : new Viewer(actor.role(), actor.attendeeId());
        }

        /** Whether a registration made by this attendee id is this viewer's own. */
        public boolean owns(String registrationAttendeeId) {
            return attendeeId != null && attendeeId.equals(registrationAttendeeId);
        }
    }

    private Visibility() {
    }

    /** Whether an event reads differently for some viewers (so it can't be sent the same to all). */
    public static boolean hasPrivateData(Event event) {
        return event instanceof Event.SpeakerRegistered || event instanceof Event.RegistrationEdited;
    }

    public static Event event(Event event, Viewer viewer) {
        if (viewer.role().isStaff()) {
            return event;
        }
        if (event instanceof Event.SpeakerRegistered r) {
            boolean own = viewer.owns(r.attendeeId());
            return new Event.SpeakerRegistered(r.registrationId(), r.name(), r.village(), r.group(), r.topic(),
                    r.summary(), own ? r.phone() : null, null, r.source(), own ? r.attendeeId() : null);
        }
        if (event instanceof Event.RegistrationEdited e) {
            return new Event.RegistrationEdited(e.registrationId(), e.topic(), e.summary(), null);
        }
        return event;
    }

    public static MeetingState state(MeetingState s, Viewer viewer) {
        if (viewer.role().isStaff()) {
            return s;
        }
        var shown = new LinkedHashMap<Integer, Registration>();
        s.registrations().forEach((id, r) -> shown.put(id, r.withoutPrivateData(viewer.owns(r.attendeeId()))));
        return new MeetingState(s.setup(), s.status(), s.stepIndex(), s.listOpen(), shown, s.queue(), s.floor(),
                s.turns(), s.minutes(), s.conclusions(), s.startedAt(), s.closedAt());
    }
}
