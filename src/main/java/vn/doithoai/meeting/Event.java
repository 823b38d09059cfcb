package vn.doithoai.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened in a meeting: the official record, one entry each. An event is never changed;
 * a correction is a new event. {@link #apply} is the only way the state changes, and it is
 * deterministic: the time it uses is the event's own recorded time.
 */
public sealed interface Event {

    MeetingState apply(MeetingState state, Instant at);

    record MeetingCreated(Setup setup) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withSetup(setup);
        }
    }

    record SetupChanged(Setup setup) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withSetup(setup);
        }
    }

    record RegistrationOpened() implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withStatus(MeetingStatus.REGISTRATION_OPEN, null, null);
        }
    }

    record MeetingStarted() implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            MeetingState started = s.withStatus(MeetingStatus.IN_PROGRESS, at, null).withStep(0);
            return AutoMinutes.meetingStarted(started, at);
        }
    }

    record StepChanged(int stepIndex) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return AutoMinutes.stepChanged(s.withStep(stepIndex), at);
        }
    }

    record ListClosed() implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withListOpen(false);
        }
    }

    record ListReopened() implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withListOpen(true);
        }
    }

    /**
     * {@code phone}, {@code note}, {@code attendeeId} and {@code petitionCode} are private (see
     * {@link Visibility}); {@code minutes}: the speaking time asked for, null for the rules' slot;
     * {@code petitionCode}: the tracking code of the petition the speaker raises, or null.
     */
    record SpeakerRegistered(int registrationId, String name, String village, String group,
                             String topic, String summary, String phone, String note,
                             Registration.Source source, String attendeeId, Integer minutes,
                             String petitionCode) implements Event {

        public MeetingState apply(MeetingState s, Instant at) {
            var registration = new Registration(registrationId, name, village, group, topic, summary,
                    phone, note, source, attendeeId, Registration.Status.WAITING, at, null, null, minutes,
                    petitionCode);
            return s.withRegistration(registration).withQueue(Queue.placeNew(s, registration));
        }
    }

    /** The chair or the secretary links a registration to a petition's tracking code (null: unlinks); private. */
    record PetitionLinked(int registrationId, String petitionCode) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withRegistration(s.registrations().get(registrationId).linked(petitionCode));
        }
    }

    record RegistrationWithdrawn(int registrationId) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            Registration r = s.registrations().get(registrationId);
            return s.withRegistration(r.withStatus(Registration.Status.WITHDRAWN))
                    .withQueue(Queue.without(s.queue(), registrationId));
        }
    }

    /** The secretary corrects what a speaker registered; {@code note} is private. */
    record RegistrationEdited(int registrationId, String topic, String summary, String note) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            Registration r = s.registrations().get(registrationId);
            return s.withRegistration(r.edited(topic, summary, note));
        }
    }

    record RegistrationMoved(int registrationId, int position) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withQueue(Queue.moved(s.queue(), registrationId, position));
        }
    }

    record RegistrationRefused(int registrationId, RefusalGround ground, String text) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            Registration r = s.registrations().get(registrationId);
            MeetingState refused = s.withRegistration(r.refused(ground.name(), text))
                    .withQueue(Queue.without(s.queue(), registrationId));
            return AutoMinutes.refused(refused, at, r, ground, text);
        }
    }

    record SpeakerCalled(int turnId, int registrationId, long allowedMs) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            Registration r = s.registrations().get(registrationId);
            Turn turn = Turn.called(turnId, Turn.Kind.SPEECH, registrationId, null, r.name(),
                    r.village(), r.topic(), allowedMs, at);
            return s.withRegistration(r.withStatus(Registration.Status.ON_FLOOR))
                    .withQueue(Queue.without(s.queue(), registrationId))
                    .withFloor(turn);
        }
    }

    record ResponderCalled(int turnId, String name, String office, Integer answersTurnId,
                           long allowedMs) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            String topic = answersTurnId == null ? null : s.turn(answersTurnId).map(Turn::topic).orElse(null);
            return s.withFloor(Turn.called(turnId, Turn.Kind.RESPONSE, null, answersTurnId, name,
                    office, topic, allowedMs, at));
        }
    }

    record SlotStarted(int turnId, Instant deadline) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withFloor(s.floor().started(at, deadline));
        }
    }

    record SlotPaused(int turnId, long remainingMs) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withFloor(s.floor().paused(at));
        }
    }

    record SlotResumed(int turnId, Instant deadline) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withFloor(s.floor().started(at, deadline));
        }
    }

    record SlotExtended(int turnId, long addedMs, Instant deadline) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withFloor(s.floor().extended(addedMs, at));
        }
    }

    /** Emitted by the server's timer when a running slot reaches its deadline. */
    record SlotTimeUp(int turnId) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withFloor(s.floor().markedTimeUp());
        }
    }

    /** A turn ends; with a ground, the chair stopped the speaker and the ground is on the record. */
    record TurnEnded(int turnId, long spokenMs, long overtimeMs, RefusalGround stopGround,
                     String stopText) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            Turn ended = s.floor().ended(at, spokenMs, overtimeMs,
                    stopGround == null ? null : stopGround.name(), stopText);
            MeetingState next = s.withFloorEnded(ended);
            if (ended.registrationId() != null) {
                Registration r = s.registrations().get(ended.registrationId());
                next = next.withRegistration(r.withStatus(statusAfter(ended)));
                next = next.withQueue(Queue.afterSpeech(next, r));
            }
            return AutoMinutes.turnEnded(next, ended);
        }

        private Registration.Status statusAfter(Turn ended) {
            if (stopGround != null) {
                return Registration.Status.STOPPED;
            }
            return ended.firstStartedAt() == null ? Registration.Status.ABSENT : Registration.Status.SPOKEN;
        }
    }

    record MinuteRecorded(int entryId, String text, Integer turnId, int stepIndex) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withMinute(new MinuteEntry(entryId, at, text, null, turnId, stepIndex, false, List.of()));
        }
    }

    record MinuteCorrected(int entryId, String text) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withMinute(s.minutes().get(entryId - 1).corrected(text));
        }
    }

    /** {@code petitionCodes}: the petitions it answers, private (see {@link Conclusion}). */
    record ConclusionRecorded(int conclusionId, String text, Outcome outcome, String office,
                              LocalDate deadline, List<Integer> turnIds, List<String> petitionCodes) implements Event {
        public ConclusionRecorded {
            turnIds = turnIds == null ? List.of() : List.copyOf(turnIds);
            petitionCodes = petitionCodes == null ? List.of() : List.copyOf(petitionCodes);
        }

        public MeetingState apply(MeetingState s, Instant at) {
            return s.withConclusion(new Conclusion(conclusionId, text, outcome, office, deadline,
                    turnIds, at, 1, petitionCodes));
        }
    }

    record ConclusionCorrected(int conclusionId, String text, Outcome outcome, String office,
                               LocalDate deadline, List<Integer> turnIds, List<String> petitionCodes) implements Event {
        public ConclusionCorrected {
            turnIds = turnIds == null ? List.of() : List.copyOf(turnIds);
            petitionCodes = petitionCodes == null ? List.of() : List.copyOf(petitionCodes);
        }

        public MeetingState apply(MeetingState s, Instant at) {
            Conclusion earlier = s.conclusion(conclusionId).orElseThrow();
            return s.withConclusion(new Conclusion(conclusionId, text, outcome, office, deadline,
                    turnIds, at, earlier.revision() + 1, petitionCodes));
        }
    }

    // ---- petitions on the agenda ---------------------------------------------------------

    /** The organiser's agenda of petitions, replacing the one before; staff only (see {@link AgendaPetition}). */
    record PetitionAgendaSet(List<AgendaPetition> items) implements Event {
        public PetitionAgendaSet {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public MeetingState apply(MeetingState s, Instant at) {
            return s.withAgenda(items);
        }
    }

    // ---- attendance ----------------------------------------------------------------------

    /** {@code name}, {@code title}, {@code office}, {@code village} and {@code code} are for staff and the door only. */
    record InvitationAdded(int invitationId, Invitation.Kind kind, String name, String title, String office,
                           String village, String code) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withInvitation(new Invitation(invitationId, kind, name, title, office, village, code,
                    false, null, null));
        }
    }

    record InvitationRemoved(int invitationId) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withInvitation(s.invitation(invitationId).orElseThrow().withRemoved());
        }
    }

    /**
     * Someone arrived, at {@code by} (the door or the desk): an invited person ({@code invitationId}),
     * or one without an invitation ({@code walkInId}, with a name and village if they gave them;
     * those are for staff and the door only). The time is the event's own.
     */
    record CheckedIn(Integer invitationId, Integer walkInId, String name, String village, Role by) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            if (invitationId != null) {
                return s.withInvitation(s.invitation(invitationId).orElseThrow().checkedIn(at, by));
            }
            return s.withWalkIn(new WalkIn(walkInId, name, village, at, by));
        }
    }

    record MeetingClosed() implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            MeetingState closed = s.withStatus(MeetingStatus.CLOSED, s.startedAt(), at).withListOpen(false);
            return AutoMinutes.meetingClosed(closed, at);
        }
    }

    /**
     * The organiser published the notice of conclusions (thông báo kết luận), or published it again:
     * the notice is dated by the latest. No private data: every screen is told, and the hall's then
     * lead to the public notice.
     */
    record NoticePublished() implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withNoticePublished(at);
        }
    }

    // ---- the minutes' sign-off -------------------------------------------------------------

    /** {@code secretary}: the name printed under THƯ KÝ. */
    record MinutesFinalised(String secretary) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withMinutesSignOff(s.minutesSignOff().finalised(secretary, at));
        }
    }

    record MinutesReopened(String reason) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withMinutesSignOff(s.minutesSignOff().reopened(reason));
        }
    }

    /** {@code chair}: the name printed under CHỦ TRÌ. */
    record MinutesApproved(String chair) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withMinutesSignOff(s.minutesSignOff().approved(chair, at));
        }
    }

    /** {@code by}: the secretary or the chair; the date is the event's own. */
    record MinutesAddendumAdded(int addendumId, String text, Role by) implements Event {
        public MeetingState apply(MeetingState s, Instant at) {
            return s.withMinutesSignOff(s.minutesSignOff().withAddendum(new MinutesSignOff.Addendum(addendumId, at, by, text)));
        }
    }

    /** The event types by their simple names, the names the log and the protocol use. */
    static List<Class<?>> types() {
        return new ArrayList<>(List.of(Event.class.getPermittedSubclasses()));
    }
}
