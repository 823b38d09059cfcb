package vn.doithoai.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a meeting is at one point of its record. Immutable: {@link Event#apply} returns a
 * new state, so replaying the same events always builds the same state.
 *
 * @param queue  ids of the waiting registrations, in speaking order
 * @param floor  the turn that holds the floor now, or null
 * @param turns  the turns that have ended, in order
 * @param invitations the people invited, by id (1, 2, 3…), those taken back included
 * @param walkIns     the people counted in without an invitation, in order
 * @param headCount   who is present, as numbers: what the hall may see of attendance
 * @param agenda      the petitions the organiser put on the agenda, with the offices' prepared
 *                    answers: for the chair and the secretary only
 * @param noticePublishedAt when the organiser last published the notice of conclusions, or null
 *                    before it is published: every screen may know it, the phones and the display
 *                    then lead to the public notice
 * @param minutesSignOff whether the minutes are a draft, final or approved, by whom and when, and
 *                    the addenda after the approval
 */
public record MeetingState(Setup setup, MeetingStatus status, int stepIndex, boolean listOpen,
                           Map<Integer, Registration> registrations, List<Integer> queue, Turn floor,
                           List<Turn> turns, List<MinuteEntry> minutes, List<Conclusion> conclusions,
                           Instant startedAt, Instant closedAt, List<Invitation> invitations, List<WalkIn> walkIns,
                           HeadCount headCount, List<AgendaPetition> agenda, Instant noticePublishedAt,
                           MinutesSignOff minutesSignOff) {

    public static final MeetingState NEW = new MeetingState(null, MeetingStatus.SCHEDULED, -1, true,
            Map.of(), List.of(), null, List.of(), List.of(), List.of(), null, null, List.of(), List.of(), HeadCount.NONE, List.of(), null,
            MinutesSignOff.DRAFT);

    public MeetingState {
        // Every event makes a new state: the registrations are copied only when they change, and
        // then as an array of references (see RegistrationTable).
        registrations = RegistrationTable.of(registrations);
        queue = List.copyOf(queue);
        turns = List.copyOf(turns);
        minutes = List.copyOf(minutes);
        conclusions = List.copyOf(conclusions);
        // A snapshot from before attendance was recorded has none.
        invitations = invitations == null ? List.of() : List.copyOf(invitations);
        walkIns = walkIns == null ? List.of() : List.copyOf(walkIns);
        headCount = headCount == null ? HeadCount.of(invitations, walkIns.size()) : headCount;
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
        minutesSignOff = minutesSignOff == null ? MinutesSignOff.DRAFT : minutesSignOff;
    }

    public Optional<Registration> registration(int id) {
        return Optional.ofNullable(registrations.get(id));
    }

    /** A turn by id, the one on the floor included. */
    public Optional<Turn> turn(int id) {
        if (floor != null && floor.id() == id) {
            return Optional.of(floor);
        }
        return turns.stream().filter(t -> t.id() == id).findFirst();
    }

    public Optional<Conclusion> conclusion(int id) {
        return conclusions.stream().filter(c -> c.id() == id).findFirst();
    }

    public boolean hasActiveTurn() {
        return floor != null && floor.isActive();
    }

    int nextRegistrationId() {
        return registrations.size() + 1;
    }

    int nextTurnId() {
        return turns.size() + (floor == null ? 0 : 1) + 1;
    }

    int nextMinuteId() {
        return minutes.size() + 1;
    }

    int nextInvitationId() {
        return invitations.size() + 1;
    }

    int nextWalkInId() {
        return walkIns.size() + 1;
    }

    public Optional<Invitation> invitation(int id) {
        return id >= 1 && id <= invitations.size() ? Optional.of(invitations.get(id - 1)) : Optional.empty();
    }

    /** The invitation with this personal code (normalized), taken back or not. */
    Optional<Invitation> invitationByCode(String code) {
        return invitations.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    int nextConclusionId() {
        return conclusions.size() + 1;
    }

    /** The people who have already held the floor in this meeting (see {@link Registration#personKey}). */
    Set<String> peopleWhoSpoke() {
        if (turns.isEmpty()) {
            return Set.of(); // nobody has finished a turn yet: no need to look at everyone
        }
        var spoke = new HashSet<String>();
        for (Registration r : registrations.values()) {
            if (r.status() == Registration.Status.SPOKEN || r.status() == Registration.Status.STOPPED) {
                spoke.add(r.personKey());
            }
        }
        return spoke;
    }

    MeetingState withSetup(Setup newSetup) {
        return new MeetingState(newSetup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withStatus(MeetingStatus newStatus, Instant newStartedAt, Instant newClosedAt) {
        return new MeetingState(setup, newStatus, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, newStartedAt, newClosedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withStep(int newStepIndex) {
        return new MeetingState(setup, status, newStepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withListOpen(boolean open) {
        return new MeetingState(setup, status, stepIndex, open, registrations, queue, floor, turns,
                minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withRegistration(Registration registration) {
        var changed = ((RegistrationTable) registrations).with(registration);
        return new MeetingState(setup, status, stepIndex, listOpen, changed, queue, floor, turns,
                minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withQueue(List<Integer> newQueue) {
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, newQueue, floor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withFloor(Turn newFloor) {
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, newFloor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    /** The floor's turn ends and joins the history. */
    MeetingState withFloorEnded(Turn ended) {
        var history = new ArrayList<>(turns);
        history.add(ended);
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, null,
                history, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withMinute(MinuteEntry entry) {
        var changed = new ArrayList<>(minutes);
        if (entry.id() <= changed.size()) {
            changed.set(entry.id() - 1, entry);
        } else {
            changed.add(entry);
        }
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, changed, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withConclusion(Conclusion conclusion) {
        var changed = new ArrayList<>(conclusions);
        if (conclusion.id() <= changed.size()) {
            changed.set(conclusion.id() - 1, conclusion);
        } else {
            changed.add(conclusion);
        }
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, changed, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt,
                minutesSignOff);
    }

    /** An invitation added or changed; the head count follows. */
    MeetingState withInvitation(Invitation invitation) {
        var changed = new ArrayList<>(invitations);
        if (invitation.id() <= changed.size()) {
            changed.set(invitation.id() - 1, invitation);
        } else {
            changed.add(invitation);
        }
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, startedAt, closedAt, changed, walkIns, HeadCount.of(changed, walkIns.size()), agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withWalkIn(WalkIn walkIn) {
        var more = new ArrayList<>(walkIns);
        more.add(walkIn);
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, more, HeadCount.of(invitations, more.size()), agenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withAgenda(List<AgendaPetition> newAgenda) {
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, newAgenda, noticePublishedAt,
                minutesSignOff);
    }

    MeetingState withNoticePublished(Instant at) {
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, at, minutesSignOff);
    }

    MeetingState withMinutesSignOff(MinutesSignOff signOff) {
        return new MeetingState(setup, status, stepIndex, listOpen, registrations, queue, floor,
                turns, minutes, conclusions, startedAt, closedAt, invitations, walkIns, headCount, agenda, noticePublishedAt, signOff);
    }

    /** An automatic line of the minutes, tied to the current step. */
    MeetingState withAutomaticMinute(Instant at, Integer turnId, String vi, String en) {
        return withMinute(new MinuteEntry(nextMinuteId(), at, vi, en, turnId, stepIndex, true, List.of()));
    }
}
