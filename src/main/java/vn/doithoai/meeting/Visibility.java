package vn.doithoai.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each role may see. Staff see everything. Displays and phones see the meeting, the queue
 * as ids and the next speakers by name and village ({@link NextSpeaker}), but not other people's
 * registrations: no phone numbers, notes, topics or summaries, nor which phone registered whom.
 * An attendee sees its own registrations, with its phone number, but not the secretary's note.
 * Of attendance, displays and phones see the head count only, never who was invited or came;
 * the door sees the invitations it checks in, and of registrations what a display sees. The
 * petitions on the agenda (with the offices' prepared answers) are for staff only, and so are the
 * petitions' tracking codes: a phone sees the code of its own registration, nobody in the hall the
 * codes a conclusion answers. Of the minutes being drafted the hall sees the automatic lines only
 * ({@link #hallSeesMinute}).
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

    /**
     * Whether the hall (display and phones) may see the event a moment late: people registering,
     * withdrawing or editing, the secretary's minutes, and people arriving (the head count moves
     * once a second when a crowd comes in at the door). What the chair does to the floor, the
     * clock, the program and the list is never held back.
     */
    public static boolean hallMayWaitFor(Event event) {
        return event instanceof Event.SpeakerRegistered || event instanceof Event.RegistrationWithdrawn
                || event instanceof Event.RegistrationEdited || event instanceof Event.MinuteRecorded
                || event instanceof Event.MinuteCorrected || event instanceof Event.InvitationAdded
                || event instanceof Event.InvitationRemoved || event instanceof Event.CheckedIn
                || event instanceof Event.PetitionLinked || event instanceof Event.PetitionAgendaSet;
    }

    /** Whether an event reads differently for some viewers (so it can't be sent the same to all). */
    public static boolean hasPrivateData(Event event) {
        return event instanceof Event.SpeakerRegistered || event instanceof Event.RegistrationEdited
                || event instanceof Event.InvitationAdded || event instanceof Event.CheckedIn
                || event instanceof Event.PetitionLinked || event instanceof Event.PetitionAgendaSet
                || event instanceof Event.ConclusionRecorded r && !r.petitionCodes().isEmpty()
                || event instanceof Event.ConclusionCorrected c && !c.petitionCodes().isEmpty()
                || event instanceof Event.MinuteRecorded || event instanceof Event.MinuteCorrected;
    }

    /**
     * Whether the hall's screens (display, phones, door) may see this line of the minutes. While the
     * minutes are drafted, the lines the record wrote itself (the meeting opened, a speaker called,
     * spoke or answered, the close): the secretary's own lines, and their corrections, stay with staff
     * until the chair approves the minutes, when the hall may read them all. This is the one place the rule lives; what it reads of the state must also be named in
     * {@link #hallMinutesMayDiffer}.
     */
    public static boolean hallSeesMinute(MinuteEntry entry, MeetingState state) {
        return entry.automatic() || state.minutesSignOff().stage() == MinutesSignOff.Stage.APPROVED;
    }

    /** The lines of the minutes the hall may see, in their order (see {@link #hallSeesMinute}). */
    public static List<MinuteEntry> hallMinutes(MeetingState state) {
        List<MinuteEntry> all = state.minutes();
        int shown = 0;
        for (MinuteEntry entry : all) {
            shown += hallSeesMinute(entry, state) ? 1 : 0;
        }
        if (shown == all.size()) {
            return all;
        }
        var hall = new java.util.ArrayList<MinuteEntry>(shown);
        for (MinuteEntry entry : all) {
            if (hallSeesMinute(entry, state)) {
                hall.add(entry);
            }
        }
        return hall;
    }

    /**
     * Whether the hall's lines of the minutes may differ between two states: when the minutes did,
     * as {@link #hallSeesMinute} reads nothing else of the state. (A rule that also reads, say, the
     * minutes' approval says here that a change of it counts too: the approval shows the hall every line.)
     */
    static boolean hallMinutesMayDiffer(MeetingState before, MeetingState after) {
        return before.minutes() != after.minutes() || before.minutesSignOff().stage() != after.minutesSignOff().stage();
    }

    /**
     * The event as {@code viewer} sees it. Of someone else's registration the hall learns the
     * name and village only; an attendee sees what it wrote itself ({@code own}), never the
     * secretary's note. Of the secretary's lines of the minutes the hall learns that one was
     * written or corrected, never its text: the patch brings whatever line it may see.
     */
    public static Event event(Event event, Viewer viewer, boolean own) {
        if (viewer.role().isStaff()) {
            return event;
        }
        if (event instanceof Event.InvitationAdded i) {
            return viewer.role().seesInvitations() ? event
                    : new Event.InvitationAdded(i.invitationId(), i.kind(), null, null, null, null, null);
        }
        if (event instanceof Event.CheckedIn c) {
            return viewer.role().seesInvitations() ? event
                    : new Event.CheckedIn(c.invitationId(), c.walkInId(), null, null, c.by());
        }
        if (event instanceof Event.SpeakerRegistered r) {
            return own
                    ? new Event.SpeakerRegistered(r.registrationId(), r.name(), r.village(), r.group(), r.topic(),
                            r.summary(), r.phone(), null, r.source(), r.attendeeId(), r.minutes(), r.petitionCode())
                    : new Event.SpeakerRegistered(r.registrationId(), r.name(), r.village(), null, null,
                            null, null, null, r.source(), null, null, null);
        }
        if (event instanceof Event.RegistrationEdited e) {
            return own ? new Event.RegistrationEdited(e.registrationId(), e.topic(), e.summary(), null)
                    : new Event.RegistrationEdited(e.registrationId(), null, null, null);
        }
        if (event instanceof Event.MinuteRecorded m) {
            return new Event.MinuteRecorded(m.entryId(), null, m.turnId(), m.stepIndex());
        }
        if (event instanceof Event.MinuteCorrected m) {
            return new Event.MinuteCorrected(m.entryId(), null);
        }
        if (event instanceof Event.MinutesReopened) {
            return new Event.MinutesReopened(null); // why the draft was taken back is the secretary's, like the draft
        }
        return hallsPetitionView(event, own);
    }

    /** What the hall sees of the events about petitions: a phone its own link, nobody the agenda or a conclusion's codes. */
    private static Event hallsPetitionView(Event event, boolean own) {
        if (event instanceof Event.PetitionLinked l) {
            return own ? event : new Event.PetitionLinked(l.registrationId(), null);
        }
        if (event instanceof Event.PetitionAgendaSet) {
            return new Event.PetitionAgendaSet(List.of());
        }
        if (event instanceof Event.ConclusionRecorded r && !r.petitionCodes().isEmpty()) {
            return new Event.ConclusionRecorded(r.conclusionId(), r.text(), r.outcome(), r.office(), r.deadline(),
                    r.turnIds(), List.of());
        }
        if (event instanceof Event.ConclusionCorrected c && !c.petitionCodes().isEmpty()) {
            return new Event.ConclusionCorrected(c.conclusionId(), c.text(), c.outcome(), c.office(), c.deadline(),
                    c.turnIds(), List.of());
        }
        return event;
    }

    /** What a screen joining now is given: the whole state for staff, the public state for the others. */
    public static Object snapshot(MeetingState s, Viewer viewer) {
        return viewer.role().isStaff() ? s : publicState(s, viewer);
    }

    /**
     * The state without other people's registrations; an attendee keeps its own, without the note.
     * The invitations and walk-ins only for the door; no agenda, the conclusions without their
     * petitions' codes, and of the minutes the lines the hall may see.
     */
    public static PublicState publicState(MeetingState s, Viewer viewer) {
        boolean door = viewer.role().seesInvitations();
        return new PublicState(s.setup(), s.status(), s.stepIndex(), s.listOpen(), own(s.registrations(), viewer),
                s.queue(), NextSpeaker.of(s), s.floor(), s.turns(), hallMinutes(s), forTheHall(s.conclusions()),
                s.startedAt(), s.closedAt(), door ? s.invitations() : List.of(), door ? s.walkIns() : List.of(),
                s.headCount(), s.noticePublishedAt());
    }

    /** The conclusions as the hall sees them: without the codes of the petitions they answer. */
    static List<Conclusion> forTheHall(List<Conclusion> conclusions) {
        return conclusions.stream().anyMatch(c -> !c.petitionCodes().isEmpty())
                ? conclusions.stream().map(Conclusion::withoutPetitionCodes).toList() : conclusions;
    }

    /** Of these registrations, the viewer's own (an attendee's), as it may see them: without the note. */
    static Map<Integer, Registration> own(Map<Integer, Registration> registrations, Viewer viewer) {
        if (viewer.attendeeId() == null) {
            return Map.of();
        }
        Map<Integer, Registration> mine = null;
        for (Registration r : registrations.values()) {
            if (viewer.owns(r.attendeeId())) {
                mine = mine == null ? new LinkedHashMap<>() : mine;
                mine.put(r.id(), r.withoutNote());
            }
        }
        return mine == null ? Map.of() : mine;
    }
}
