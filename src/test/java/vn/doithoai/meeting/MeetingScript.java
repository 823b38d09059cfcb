package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meeting driven by hand in a test: a state, a fake clock that only moves when told to, and
 * the record of every event with the instant it was applied at. Commands go through
 * {@link MeetingRules#decide} exactly as the server would send them.
 */
final class MeetingScript {

    /** Where the fake clock starts: 08:00 in the hall (Asia/Ho_Chi_Minh is UTC+7). */
    static final Instant START = Instant.parse("2026-06-15T01:00:00Z");

    static final Actor CHAIR = Actor.CHAIR;
    static final Actor SECRETARY = Actor.SECRETARY;
    static final Actor DISPLAY = Actor.DISPLAY;
    static final Actor ORGANISER = Actor.ORGANISER;
    static final Actor SERVER = Actor.SERVER;

    private MeetingState state = MeetingState.NEW;
    private Instant now = START;
    private final List<MeetingRules.Recorded> recorded = new ArrayList<>();
    private long seq;

    // ---- making one --------------------------------------------------------------------

    static Setup setup(SpeakingRules rules) {
        return new Setup(MeetingKind.PERIODIC, "Hội nghị đối thoại năm 2026", "Đất đai, giao thông nông thôn",
                null, Instant.parse("2026-06-15T01:00:00Z"), "Hội trường UBND xã",
                List.of("Bí thư Đảng ủy", "Chủ tịch UBND xã"), "Văn phòng HĐND-UBND xã", null, rules);
    }

    /** A meeting created with the default rules (5 minute slot, cap 5 per village, first-timers first). */
    static MeetingScript created() {
        return created(SpeakingRules.DEFAULT);
    }

    static MeetingScript created(SpeakingRules rules) {
        var script = new MeetingScript();
        script.ok(ORGANISER, new Command.CreateMeeting(setup(rules)));
        return script;
    }

    static MeetingScript registrationOpen() {
        var script = created();
        script.ok(CHAIR, new Command.OpenRegistration());
        return script;
    }

    static MeetingScript started() {
        return started(SpeakingRules.DEFAULT);
    }

    static MeetingScript started(SpeakingRules rules) {
        var script = created(rules);
        script.ok(CHAIR, new Command.OpenRegistration());
        script.ok(CHAIR, new Command.StartMeeting());
        return script;
    }

    static SpeakingRules rules(int slotSeconds, int perVillageCap, boolean firstTimersFirst) {
        return new SpeakingRules(slotSeconds, Math.min(60, slotSeconds - 1), perVillageCap, firstTimersFirst, 300);
    }

    // ---- running commands --------------------------------------------------------------

    /** Decides as {@code actor} at the current instant and applies the events, if any. */
    Decision run(Actor actor, Command command) {
        Decision decision = MeetingRules.decide(state, command, new Command.Context(actor, now));
        for (Event event : decision.events()) {
            state = MeetingRules.apply(state, event, now);
            recorded.add(new MeetingRules.Recorded(++seq, now, event));
        }
        return decision;
    }

    /** Runs a command that must be accepted; returns its events. */
    List<Event> ok(Actor actor, Command command) {
        Decision decision = run(actor, command);
        assertThat(decision.refusal()).as("refusal of %s by %s", command, actor.label()).isNull();
        return decision.events();
    }

    /** Runs a command that must be refused, and checks that it changed nothing. */
    Refusal refused(Actor actor, Command command) {
        MeetingState before = state;
        int logged = recorded.size();
        Decision decision = run(actor, command);
        assertThat(decision.accepted()).as("%s by %s should be refused", command, actor.label()).isFalse();
        assertThat(decision.events()).isEmpty();
        assertThat(state).isEqualTo(before);
        assertThat(recorded).hasSize(logged);
        return decision.refusal();
    }

    /** The refusal code of a command that must be refused. */
    String refusedCode(Actor actor, Command command) {
        return refused(actor, command).code();
    }

    // ---- shortcuts ---------------------------------------------------------------------

    static Actor phone(String attendeeId) {
        return Actor.attendee(attendeeId);
    }

    /** Registers from a phone; returns the registration id. */
    int register(String attendeeId, String name, String village, String topic) {
        List<Event> events = ok(phone(attendeeId), new Command.Register(name, village, null, topic, null, null, null, null));
        return ((Event.SpeakerRegistered) events.get(0)).registrationId();
    }

    /** Registers at the desk; returns the registration id. */
    int desk(String name, String village, String topic) {
        List<Event> events = ok(SECRETARY, new Command.RegisterAtDesk(name, village, null, topic, null, null, null, null, null));
        return ((Event.SpeakerRegistered) events.get(0)).registrationId();
    }

    /** Calls the next speaker; returns the new turn's id. */
    int callNext() {
        List<Event> events = ok(CHAIR, new Command.CallNext(null));
        return ((Event.SpeakerCalled) events.get(events.size() - 1)).turnId();
    }

    /** Calls, starts the slot, lets it run and ends it. */
    void speak(int registrationId, Duration length) {
        ok(CHAIR, new Command.CallSpeaker(registrationId, null));
        ok(CHAIR, new Command.StartSlot());
        advance(length);
        ok(CHAIR, new Command.EndSlot());
    }

    // ---- the clock and the record ------------------------------------------------------

    MeetingScript advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    MeetingScript advanceSeconds(long seconds) {
        return advance(Duration.ofSeconds(seconds));
    }

    MeetingScript advanceMillis(long ms) {
        return advance(Duration.ofMillis(ms));
    }

    Instant now() {
        return now;
    }

    MeetingState state() {
        return state;
    }

    Registration registration(int id) {
        return state.registration(id).orElseThrow();
    }

    Turn floor() {
        return state.floor();
    }

    Turn turn(int id) {
        return state.turn(id).orElseThrow();
    }

    Turn lastEndedTurn() {
        return state.turns().get(state.turns().size() - 1);
    }

    MinuteEntry lastMinute() {
        return state.minutes().get(state.minutes().size() - 1);
    }

    List<MeetingRules.Recorded> recorded() {
        return List.copyOf(recorded);
    }

    List<Event> events() {
        return recorded.stream().map(MeetingRules.Recorded::event).toList();
    }
}
