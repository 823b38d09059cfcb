package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import vn.doithoai.rules.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static vn.doithoai.meeting.Role.ATTENDEE;
import static vn.doithoai.meeting.Role.CHAIR;
import static vn.doithoai.meeting.Role.DOOR;
import static vn.doithoai.meeting.Role.ORGANISER;
import static vn.doithoai.meeting.Role.SECRETARY;
import static vn.doithoai.meeting.Role.SERVER;

/**
 * What someone asks of a meeting. Each command says who may send it and decides, from the state
 * alone, the events it causes or why it is refused. No command changes anything itself.
 */
public sealed interface Command {

    /** Who acts and when: the server's clock, never the client's. */
    record Context(Actor actor, Instant now) {
    }

    Set<Role> roles();

    Decision decide(MeetingState s, Context c);

    // ---- setup and lifecycle -------------------------------------------------------------

    record CreateMeeting(Setup setup) implements Command {
        public Set<Role> roles() {
            return Set.of(ORGANISER);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.setup() != null) {
                return Refusals.wrongState("Hội nghị đã được tạo", "The meeting exists already");
            }
            Setup cleaned = SetupCheck.cleaned(setup);
            Refusal problem = SetupCheck.problem(cleaned);
            return problem != null ? Refusals.of(problem) : Decision.accept(new Event.MeetingCreated(cleaned));
        }
    }

    record ChangeSetup(Setup setup) implements Command {
        public Set<Role> roles() {
            return Set.of(ORGANISER);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            Setup cleaned = SetupCheck.cleaned(setup);
            Refusal problem = SetupCheck.problem(cleaned);
            if (problem != null) {
                return Refusals.of(problem);
            }
            if (cleaned.steps().size() <= s.stepIndex()) {
                return Refusals.wrongState("Không thể bỏ bước chương trình đang diễn ra",
                        "The program step under way cannot be removed");
            }
            return Decision.accept(new Event.SetupChanged(cleaned));
        }
    }

    record OpenRegistration() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR, ORGANISER);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.SCHEDULED) {
                return Refusals.wrongState("Chỉ mở đăng ký khi hội nghị chưa bắt đầu",
                        "Registration opens only before the meeting starts");
            }
            return Decision.accept(new Event.RegistrationOpened());
        }
    }

    record StartMeeting() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.IN_PROGRESS || s.status() == MeetingStatus.CLOSED) {
                return Refusals.wrongState("Hội nghị đã bắt đầu", "The meeting has already started");
            }
            return Decision.accept(new Event.MeetingStarted());
        }
    }

    /** To the next step, or to the given step (0-based). */
    record AdvanceStep(Integer toStep) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.IN_PROGRESS) {
                return Refusals.notInProgress();
            }
            int target = toStep == null ? s.stepIndex() + 1 : toStep;
            if (target < 0 || target >= s.setup().steps().size()) {
                return Refusals.wrongState("Không có bước chương trình số " + (target + 1),
                        "There is no program step " + (target + 1));
            }
            if (target == s.stepIndex()) {
                return Refusals.wrongState("Hội nghị đang ở bước này", "The meeting is at this step already");
            }
            return Decision.accept(new Event.StepChanged(target));
        }
    }

    record CloseList() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            return s.listOpen() ? Decision.accept(new Event.ListClosed())
                    : Refusals.wrongState("Danh sách đăng ký đã đóng", "The list is closed already");
        }
    }

    record ReopenList() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            return !s.listOpen() ? Decision.accept(new Event.ListReopened())
                    : Refusals.wrongState("Danh sách đăng ký đang mở", "The list is open already");
        }
    }

    record CloseMeeting() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.IN_PROGRESS) {
                return Refusals.notInProgress();
            }
            var events = new ArrayList<Event>();
            if (s.hasActiveTurn()) {
                events.add(Turns.end(s.floor(), c.now(), null, null));
            }
            events.add(new Event.MeetingClosed());
            return Decision.accept(events);
        }
    }

    // ---- registrations -------------------------------------------------------------------

    /**
     * From an attendee's phone; {@code minutes}: the speaking time asked for, null for the rules' slot;
     * {@code petitionCode}: the tracking code of a petition the speaker raises, if any.
     */
    record Register(String name, String village, String group, String topic, String summary,
                    String phone, Integer minutes, String petitionCode) implements Command {
        /** How many waiting registrations one phone may hold at once. */
        static final int PER_PHONE = 3;

        public Set<Role> roles() {
            return Set.of(ATTENDEE);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.REGISTRATION_OPEN && s.status() != MeetingStatus.IN_PROGRESS) {
                return Decision.refuse(Refusal.LIST_CLOSED, "Chưa mở hoặc đã hết thời gian đăng ký phát biểu",
                        "Registration to speak is not open");
            }
            if (!s.listOpen()) {
                return Decision.refuse(Refusal.LIST_CLOSED, "Chủ trì đã đóng danh sách đăng ký phát biểu",
                        "The chair has closed the list of speakers");
            }
            int waiting = ((RegistrationTable) s.registrations()).waitingFrom(c.actor().attendeeId());
            if (waiting >= PER_PHONE) {
                return Decision.refuse(Refusal.PHONE_CAP_REACHED,
                        "Mỗi điện thoại có tối đa " + PER_PHONE + " đăng ký đang chờ",
                        "One phone may hold at most " + PER_PHONE + " waiting registrations");
            }
            return Registrations.register(s, name, village, group, topic, summary, phone, null, minutes,
                    petitionCode, Registration.Source.PHONE, c.actor().attendeeId());
        }
    }

    /** The secretary registers someone without a phone; the chair's closing of the list binds phones only. */
    record RegisterAtDesk(String name, String village, String group, String topic, String summary,
                          String phone, String note, Integer minutes, String petitionCode) implements Command {
        public Set<Role> roles() {
            return Set.of(SECRETARY, CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            return Registrations.register(s, name, village, group, topic, summary, phone, note, minutes,
                    petitionCode, Registration.Source.DESK, null);
        }
    }

    /** Links a registration to a petition's tracking code, or unlinks it (a null code). */
    record LinkPetition(int registrationId, String petitionCode) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR, SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            Registration r = s.registrations().get(registrationId);
            if (r == null) {
                return Refusals.noRegistration(registrationId);
            }
            PetitionCodes.Checked code = PetitionCodes.cleaned(petitionCode);
            if (code.problem() != null) {
                return Refusals.of(code.problem());
            }
            if (java.util.Objects.equals(code.code(), r.petitionCode())) {
                return Refusals.wrongState(code.code() == null ? "Đăng ký chưa gắn với kiến nghị nào"
                                : "Đăng ký đã gắn với kiến nghị " + code.code(),
                        code.code() == null ? "The registration is linked to no petition"
                                : "The registration is linked to petition " + code.code() + " already");
            }
            return Decision.accept(new Event.PetitionLinked(registrationId, code.code()));
        }
    }

    record Withdraw(int registrationId) implements Command {
        public Set<Role> roles() {
            return Set.of(ATTENDEE, SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            Registration r = s.registrations().get(registrationId);
            if (r == null) {
                return Refusals.noRegistration(registrationId);
            }
            if (c.actor().role() == ATTENDEE && !c.actor().attendeeId().equals(r.attendeeId())) {
                return Decision.refuse(Refusal.NOT_YOURS, "Bạn chỉ có thể rút đăng ký của mình",
                        "You can withdraw only your own registration");
            }
            if (r.status() != Registration.Status.WAITING) {
                return Refusals.notWaiting(r);
            }
            return Decision.accept(new Event.RegistrationWithdrawn(registrationId));
        }
    }

    /** A null field is kept as it was. */
    record EditRegistration(int registrationId, String topic, String summary, String note) implements Command {
        public Set<Role> roles() {
            return Set.of(SECRETARY, CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            Registration r = s.registrations().get(registrationId);
            if (r == null) {
                return Refusals.noRegistration(registrationId);
            }
            Decision locked = SignOff.locked(s); // the minutes print each speech's topic and summary
            if (locked != null) {
                return locked;
            }
            String newTopic = topic == null ? r.topic() : Fields.line(topic);
            String newSummary = summary == null ? r.summary() : Fields.paragraph(summary);
            String newNote = note == null ? r.note() : Fields.paragraph(note);
            Refusal problem = Fields.first(
                    Fields.required(newTopic, Fields.F_TOPIC, Fields.TOPIC),
                    Fields.optional(newSummary, Fields.F_SUMMARY, Fields.SUMMARY),
                    Fields.optional(newNote, Fields.F_NOTE, Fields.NOTE));
            if (problem != null) {
                return Refusals.of(problem);
            }
            return Decision.accept(new Event.RegistrationEdited(registrationId, newTopic, newSummary, newNote));
        }
    }

    /** To a 0-based place in the queue; a place past either end means that end. */
    record MoveRegistration(int registrationId, int position) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            Registration r = s.registrations().get(registrationId);
            if (r == null) {
                return Refusals.noRegistration(registrationId);
            }
            int from = s.queue().indexOf(registrationId);
            if (from < 0) {
                return Refusals.notWaiting(r);
            }
            int to = Math.max(0, Math.min(position, s.queue().size() - 1));
            if (to == from) {
                return Refusals.wrongState("Đăng ký đã ở vị trí này", "The registration is at that place already");
            }
            return Decision.accept(new Event.RegistrationMoved(registrationId, to));
        }
    }

    record RefuseRegistration(int registrationId, RefusalGround ground, String text) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            Registration r = s.registrations().get(registrationId);
            if (r == null) {
                return Refusals.noRegistration(registrationId);
            }
            if (r.status() != Registration.Status.WAITING) {
                return Refusals.notWaiting(r);
            }
            String reason = Fields.line(text);
            Refusal problem = Turns.reasonProblem(ground, reason);
            return problem != null ? Refusals.of(problem)
                    : Decision.accept(new Event.RegistrationRefused(registrationId, ground, reason));
        }
    }

    // ---- the floor -----------------------------------------------------------------------

    /**
     * Calls the first in the queue; seconds null means the time the speaker asked for, or the
     * rules' slot, else a slot for this speaker.
     */
    record CallNext(Integer seconds) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.IN_PROGRESS) {
                return Refusals.notInProgress();
            }
            if (s.queue().isEmpty()) {
                return Decision.refuse(Refusal.QUEUE_EMPTY, "Không còn ai trong danh sách chờ phát biểu",
                        "Nobody is waiting to speak");
            }
            Refusal problem = Turns.secondsProblem(seconds);
            if (problem != null) {
                return Refusals.of(problem);
            }
            // The turn on the floor ends first, and that may reorder the queue (first timers first).
            MeetingState after = s.hasActiveTurn() ? Turns.end(s.floor(), c.now(), null, null).apply(s, c.now()) : s;
            return Turns.call(s, c, after.queue().get(0), seconds);
        }
    }

    record CallSpeaker(int registrationId, Integer seconds) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.IN_PROGRESS) {
                return Refusals.notInProgress();
            }
            Registration r = s.registrations().get(registrationId);
            if (r == null) {
                return Refusals.noRegistration(registrationId);
            }
            if (r.status() != Registration.Status.WAITING) {
                return Refusals.notWaiting(r);
            }
            Refusal problem = Turns.secondsProblem(seconds);
            return problem != null ? Refusals.of(problem) : Turns.call(s, c, registrationId, seconds);
        }
    }

    /** An office head answers; seconds null means the rules' response slot. */
    record CallResponder(String name, String office, Integer answersTurnId, Integer seconds) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.IN_PROGRESS) {
                return Refusals.notInProgress();
            }
            String cleanName = Fields.line(name);
            String cleanOffice = Fields.line(office);
            Refusal problem = Fields.first(
                    Fields.required(cleanName, Fields.F_NAME, Fields.NAME),
                    Fields.optional(cleanOffice, Fields.F_OFFICE, Fields.OFFICE),
                    Turns.secondsProblem(seconds));
            if (problem != null) {
                return Refusals.of(problem);
            }
            if (answersTurnId != null && s.turn(answersTurnId).filter(t -> t.kind() == Turn.Kind.SPEECH).isEmpty()) {
                return Refusals.noTurnNumber(answersTurnId);
            }
            var events = new ArrayList<Event>();
            if (s.hasActiveTurn()) {
                events.add(Turns.end(s.floor(), c.now(), null, null));
            }
            long allowed = 1000L * (seconds == null ? s.setup().rules().responseSeconds() : seconds);
            events.add(new Event.ResponderCalled(s.nextTurnId(), cleanName, cleanOffice, answersTurnId, allowed));
            return Decision.accept(events);
        }
    }

    record StartSlot() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (!s.hasActiveTurn()) {
                return Refusals.noTurn();
            }
            if (s.floor().phase() != Turn.Phase.CALLED) {
                return Refusals.wrongState("Đã bắt đầu tính giờ", "The slot has started already");
            }
            return Decision.accept(new Event.SlotStarted(s.floor().id(), c.now().plusMillis(s.floor().allowedMs())));
        }
    }

    record PauseSlot() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (!s.hasActiveTurn()) {
                return Refusals.noTurn();
            }
            if (s.floor().phase() != Turn.Phase.RUNNING) {
                return Refusals.wrongState("Đồng hồ không chạy", "The clock is not running");
            }
            return Decision.accept(new Event.SlotPaused(s.floor().id(), s.floor().remainingAt(c.now())));
        }
    }

    record ResumeSlot() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (!s.hasActiveTurn()) {
                return Refusals.noTurn();
            }
            if (s.floor().phase() != Turn.Phase.PAUSED) {
                return Refusals.wrongState("Đồng hồ không tạm dừng", "The clock is not paused");
            }
            return Decision.accept(new Event.SlotResumed(s.floor().id(), c.now().plusMillis(s.floor().remainingAt(c.now()))));
        }
    }

    /** More time for the one on the floor; seconds null means one minute. */
    record ExtendSlot(Integer seconds) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (!s.hasActiveTurn()) {
                return Refusals.noTurn();
            }
            Refusal problem = Turns.secondsProblem(seconds);
            if (problem != null) {
                return Refusals.of(problem);
            }
            long added = 1000L * (seconds == null ? 60 : seconds);
            Turn t = s.floor();
            Instant deadline = t.deadline() == null ? null : t.deadline().plusMillis(added);
            return Decision.accept(new Event.SlotExtended(t.id(), added, deadline));
        }
    }

    record EndSlot() implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            return s.hasActiveTurn() ? Decision.accept(Turns.end(s.floor(), c.now(), null, null)) : Refusals.noTurn();
        }
    }

    /** The chair stops the one on the floor; the ground goes on the record. */
    record StopSpeaker(RefusalGround ground, String text) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            if (!s.hasActiveTurn()) {
                return Refusals.noTurn();
            }
            String reason = Fields.line(text);
            Refusal problem = Turns.reasonProblem(ground, reason);
            return problem != null ? Refusals.of(problem)
                    : Decision.accept(Turns.end(s.floor(), c.now(), ground, reason));
        }
    }

    /** Sent by the server's own timer, never by a client. */
    record MarkTimeUp(int turnId) implements Command {
        public Set<Role> roles() {
            return Set.of(SERVER);
        }

        public Decision decide(MeetingState s, Context c) {
            Turn t = s.floor();
            if (t == null || t.id() != turnId || t.phase() != Turn.Phase.RUNNING || t.timeUp()
                    || c.now().isBefore(t.deadline())) {
                return Refusals.wrongState("Chưa hết giờ", "The time is not up");
            }
            return Decision.accept(new Event.SlotTimeUp(turnId));
        }
    }

    // ---- petitions on the agenda ---------------------------------------------------------

    /**
     * The organiser's agenda of petitions, built by the server from the petitions it names
     * (docs/api.md); replaces the one before, so saving it again brings the offices' prepared
     * answers up to date.
     */
    record SetPetitionAgenda(List<AgendaPetition> items) implements Command {
        /** More petitions than a meeting can take up; a list this long is a mistake. */
        public static final int MAX_ITEMS = 200;

        public Set<Role> roles() {
            return Set.of(ORGANISER);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() == MeetingStatus.CLOSED) {
                return Refusals.closed();
            }
            return Agenda.check(items);
        }
    }

    // ---- attendance ----------------------------------------------------------------------

    /**
     * The organiser invites someone: a delegate (name, title, office) or a person of a village
     * (name, village). {@code code} is the personal code printed on the invitation; the server makes
     * it (random, so the rules cannot), and the rules refuse one already given in this meeting.
     */
    record AddInvitation(Invitation.Kind kind, String name, String title, String office, String village,
                         String code) implements Command {
        public Set<Role> roles() {
            return Set.of(ORGANISER);
        }

        public Decision decide(MeetingState s, Context c) {
            return Attendance.invite(s, kind, name, title, office, village, code);
        }
    }

    /** The organiser takes an invitation back; one already checked in stays. */
    record RemoveInvitation(int invitationId) implements Command {
        public Set<Role> roles() {
            return Set.of(ORGANISER);
        }

        public Decision decide(MeetingState s, Context c) {
            return Attendance.remove(s, invitationId);
        }
    }

    /** An invited person arrives: at the door by the personal code, at the desk by code or by the invitation found by name. */
    record CheckIn(String code, Integer invitationId) implements Command {
        public Set<Role> roles() {
            return Set.of(DOOR, SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            return Attendance.checkIn(s, c, code, invitationId);
        }
    }

    /** Someone without an invitation is counted in; the name and village only if they give them. */
    record CheckInWalkIn(String name, String village) implements Command {
        public Set<Role> roles() {
            return Set.of(DOOR, SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            return Attendance.walkIn(s, c, name, village);
        }
    }

    // ---- minutes and conclusions ---------------------------------------------------------

    /** Tied to the given turn, else to the one on the floor, else to the current step only. */
    record RecordMinute(String text, Integer turnId) implements Command {
        public Set<Role> roles() {
            return Set.of(SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.IN_PROGRESS && s.status() != MeetingStatus.CLOSED) {
                return Refusals.notInProgress();
            }
            Decision locked = SignOff.locked(s);
            if (locked != null) {
                return locked;
            }
            String clean = Fields.paragraph(text);
            Refusal problem = Fields.required(clean, Fields.F_TEXT, Fields.LONG_TEXT);
            if (problem != null) {
                return Refusals.of(problem);
            }
            if (turnId != null && s.turn(turnId).isEmpty()) {
                return Refusals.noTurnNumber(turnId);
            }
            Integer tiedTo = turnId != null ? turnId : s.hasActiveTurn() ? s.floor().id() : null;
            return Decision.accept(new Event.MinuteRecorded(s.nextMinuteId(), clean, tiedTo, s.stepIndex()));
        }
    }

    record CorrectMinute(int entryId, String text) implements Command {
        public Set<Role> roles() {
            return Set.of(SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            if (entryId < 1 || entryId > s.minutes().size() || s.minutes().get(entryId - 1).automatic()) {
                return Decision.refuse(Refusal.NOT_FOUND, "Không có dòng biên bản số " + entryId + " do thư ký ghi",
                        "No minutes entry " + entryId + " written by the secretary");
            }
            Decision locked = SignOff.locked(s);
            if (locked != null) {
                return locked;
            }
            String clean = Fields.paragraph(text);
            Refusal problem = Fields.required(clean, Fields.F_TEXT, Fields.LONG_TEXT);
            return problem != null ? Refusals.of(problem) : Decision.accept(new Event.MinuteCorrected(entryId, clean));
        }
    }

    /** {@code petitionCodes}: the petitions it answers, each answered with its text when the meeting closes. */
    record RecordConclusion(String text, Outcome outcome, String office, LocalDate deadline,
                            List<Integer> turnIds, List<String> petitionCodes) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR, SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.IN_PROGRESS && s.status() != MeetingStatus.CLOSED) {
                return Refusals.notInProgress();
            }
            Decision locked = SignOff.locked(s);
            if (locked != null) {
                return locked;
            }
            return Conclusions.check(s, text, outcome, office, deadline, turnIds, petitionCodes, (t, o, off, ids, codes) ->
                    new Event.ConclusionRecorded(s.nextConclusionId(), t, o, off, deadline, ids, codes));
        }
    }

    record CorrectConclusion(int conclusionId, String text, Outcome outcome, String office,
                             LocalDate deadline, List<Integer> turnIds, List<String> petitionCodes) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR, SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.conclusion(conclusionId).isEmpty()) {
                return Decision.refuse(Refusal.NOT_FOUND, "Không có kết luận số " + conclusionId,
                        "No conclusion number " + conclusionId);
            }
            Decision locked = SignOff.locked(s);
            if (locked != null) {
                return locked;
            }
            return Conclusions.check(s, text, outcome, office, deadline, turnIds, petitionCodes, (t, o, off, ids, codes) ->
                    new Event.ConclusionCorrected(conclusionId, t, o, off, deadline, ids, codes));
        }
    }

    // ---- after the close -----------------------------------------------------------------

    /**
     * The organiser publishes the notice of conclusions once the meeting is closed; publishing it
     * again (after a conclusion was corrected) dates it anew.
     */
    record PublishNotice() implements Command {
        public Set<Role> roles() {
            return Set.of(ORGANISER);
        }

        public Decision decide(MeetingState s, Context c) {
            if (s.status() != MeetingStatus.CLOSED) {
                return Refusals.wrongState("Chỉ công bố thông báo kết luận sau khi hội nghị kết thúc",
                        "The notice of conclusions is published only once the meeting has closed");
            }
            return Decision.accept(new Event.NoticePublished());
        }
    }

    // ---- the minutes' sign-off -------------------------------------------------------------

    /** The secretary hands over the final text once the meeting is closed; {@code secretary}: the name signed under it. */
    record FinaliseMinutes(String secretary) implements Command {
        public Set<Role> roles() {
            return Set.of(SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            return SignOff.finalise(s, secretary);
        }
    }

    /** The secretary takes a final text, not yet approved, back to the draft, saying why. */
    record ReopenMinutes(String reason) implements Command {
        public Set<Role> roles() {
            return Set.of(SECRETARY);
        }

        public Decision decide(MeetingState s, Context c) {
            return SignOff.reopen(s, reason);
        }
    }

    /** The chair approves the final text; {@code chair}: the name signed under it. The minutes are then locked. */
    record ApproveMinutes(String chair) implements Command {
        public Set<Role> roles() {
            return Set.of(CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            return SignOff.approve(s, chair);
        }
    }

    /** A correction to approved minutes, printed after them with its own date. */
    record AddMinutesAddendum(String text) implements Command {
        public Set<Role> roles() {
            return Set.of(SECRETARY, CHAIR);
        }

        public Decision decide(MeetingState s, Context c) {
            return SignOff.addendum(s, c, text);
        }
    }
}
