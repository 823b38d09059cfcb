package vn.doithoai.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.Decision;
import vn.doithoai.meeting.Event;
import vn.doithoai.meeting.MeetingKind;
import vn.doithoai.meeting.MeetingRules;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.Setup;
import vn.doithoai.meeting.SpeakingRules;
import vn.doithoai.meeting.StatePatch;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.live.RecordingScreen.sleep;
import static vn.doithoai.live.RecordingScreen.waitUntil;

/**
 * The hall's feed holds back what may wait (registrations, minutes) and lets anything else through
 * at once, taking what waits with it; a staff feed holds nothing back. On a real event loop.
 */
class ScreenFeedTest {

    private static final Instant NOW = Instant.parse("2026-06-15T01:00:00Z");

    private Vertx vertx;
    private Context loop;
    private MeetingState state;
    private long seq;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        loop = vertx.getOrCreateContext();
        Setup setup = new Setup(MeetingKind.PERIODIC, "Hội nghị đối thoại", "Đất đai", null, NOW, "Hội trường",
                List.of("Chủ tịch UBND xã"), "Văn phòng", null, SpeakingRules.DEFAULT);
        state = MeetingState.NEW;
        decide(Actor.ORGANISER, new Command.CreateMeeting(setup));
        decide(Actor.CHAIR, new Command.OpenRegistration());
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void theHallGetsRegistrationsMergedAndPacedButTheChairsActionAtOnce() {
        ScreenFeed hall = ScreenFeed.forHall(loop);
        var display = new RecordingScreen(Actor.DISPLAY, loop);
        hall.join(display, new CatchUp(seq, List.of(), state));
        waitUntil(() -> !display.welcomes.isEmpty());

        hall.publish(registration("Nguyễn Văn An"));
        hall.publish(registration("Trần Thị Bình"));
        sleep(200);
        assertThat(display.rounds).as("held back within the pace after the welcome").isEmpty();
        waitUntil(() -> display.rounds.size() == 1);
        // Times taken by the screen itself; the pace runs from the drain that carried the welcome,
        // a few microseconds before the welcome reached the screen, hence the small allowance.
        assertThat(display.deliveredAt.get(0) - display.welcomedAt.get(0))
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(ScreenFeed.HALL_PACE_MS - 5));
        assertThat(display.rounds.get(0).events()).as("two rounds merged into one").hasSize(2);

        long drained = System.nanoTime();
        hall.publish(registration("Lê Văn Cường"));
        hall.publish(round(Actor.CHAIR, new Command.StartMeeting()));
        waitUntil(() -> display.rounds.size() == 2);
        assertThat(System.nanoTime() - drained).as("the chair's action does not wait for the pace")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(ScreenFeed.HALL_PACE_MS));
        assertThat(display.rounds.get(1).events()).extracting(p -> p.event().getClass().getSimpleName())
                .containsExactly("SpeakerRegistered", "MeetingStarted");
        assertThat(display.seqs()).isEqualTo(List.of(3L, 4L, 5L, 6L));
    }

    @Test
    void staffScreensGetEveryRoundAsItComes() {
        ScreenFeed staff = ScreenFeed.forStaff(loop);
        var secretary = new RecordingScreen(Actor.SECRETARY, loop);
        staff.join(secretary, new CatchUp(seq, List.of(), state));
        for (String name : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")) {
            staff.publish(registration(name));
            long published = seq;
            waitUntil(() -> secretary.seqs().contains(published));
        }
        assertThat(secretary.rounds).hasSize(3);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Round registration(String name) {
        return round(Actor.SECRETARY, new Command.RegisterAtDesk(name, "Thôn Đông", null, "Đường liên thôn", null, null, null, null, null));
    }

    /** Decides a command and wraps its events as one committed round, as the owner does. */
    private Round round(Actor actor, Command command) {
        MeetingState before = state;
        List<Published> published = decide(actor, command);
        return new Round(published, before, state);
    }

    private List<Published> decide(Actor actor, Command command) {
        Decision decision = MeetingRules.decide(state, command, new Command.Context(actor, NOW));
        assertThat(decision.accepted()).as(command + " accepted").isTrue();
        var published = new java.util.ArrayList<Published>();
        for (Event event : decision.events()) {
            MeetingState before = state;
            state = event.apply(state, NOW);
            published.add(new Published(++seq, NOW, actor, event, "{}", StatePatch.between(before, state), null));
        }
        return published;
    }
}
