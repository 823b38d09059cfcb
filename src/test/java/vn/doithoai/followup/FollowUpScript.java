package vn.doithoai.followup;

import vn.doithoai.meeting.Outcome;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One conclusion's follow-up driven by hand in a test: its state, a clock that moves only when
 * told, and its stream. Commands go through {@link FollowUpRules#decide} as the desk would send them.
 */
final class FollowUpScript {

    /** The meeting closed at 11:00 in the commune (UTC+7) on Friday 19 June 2026. */
    static final Instant CLOSED = Instant.parse("2026-06-19T04:00:00Z");
    static final LocalDate CLOSED_ON = LocalDate.of(2026, 6, 19);
    static final LocalDate DEADLINE = LocalDate.of(2026, 7, 31);
    static final UUID COMMUNE = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    static final UUID ECONOMY = UUID.fromString("00000000-0000-0000-0000-0000000000ec");
    static final String TEXT = "Giao Phòng Kinh tế sửa đường vào khu sản xuất Làng Bi trước mùa mưa.";
    static final String CODE = "KN-7QX4-M2PD";
    static final String OFFICE = "office-staff";

    private final List<FollowUpEvent> log = new ArrayList<>();
    private FollowUp followUp;
    private Instant now = CLOSED;

    static FollowUpCommand.Open open(Outcome outcome) {
        return new FollowUpCommand.Open(UUID.randomUUID(), COMMUNE, UUID.randomUUID(), "Hội nghị đối thoại tháng 6", 1, 1,
                TEXT, outcome, "Phòng Kinh tế", ECONOMY, DEADLINE, List.of(CODE), CLOSED);
    }

    /** A conclusion assigned to the economy office at the meeting's close. */
    static FollowUpScript assigned() {
        return opened(Outcome.ASSIGNED);
    }

    static FollowUpScript opened(Outcome outcome) {
        var script = new FollowUpScript();
        script.ok(open(outcome), "meeting");
        return script;
    }

    Ruling<FollowUpEvent> run(FollowUpCommand command, String actor) {
        Ruling<FollowUpEvent> ruling = FollowUpRules.decide(followUp, command, actor, now);
        for (FollowUpEvent event : ruling.events()) {
            followUp = FollowUpRules.apply(followUp, event);
            log.add(event);
        }
        return ruling;
    }

    List<FollowUpEvent> ok(FollowUpCommand command) {
        return ok(command, OFFICE);
    }

    List<FollowUpEvent> ok(FollowUpCommand command, String actor) {
        Ruling<FollowUpEvent> ruling = run(command, actor);
        assertThat(ruling.refusal()).as("refused: %s", ruling.refusal()).isNull();
        return ruling.events();
    }

    Refusal refused(FollowUpCommand command) {
        FollowUp before = followUp;
        Ruling<FollowUpEvent> ruling = run(command, OFFICE);
        assertThat(ruling.refusal()).as("accepted: %s", ruling.events()).isNotNull();
        assertThat(followUp).as("nothing changed").isSameAs(before);
        return ruling.refusal();
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    Instant now() {
        return now;
    }

    LocalDate today() {
        return FollowUpRules.today(now);
    }

    FollowUp followUp() {
        return followUp;
    }

    List<FollowUpEvent> log() {
        return List.copyOf(log);
    }
}
