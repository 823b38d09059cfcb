package vn.doithoai.live;

import io.vertx.core.Context;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Visibility;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A screen on a test's event loop that keeps the welcomes and rounds it is given. */
final class RecordingScreen implements Subscriber {

    private final Visibility.Viewer viewer;
    private final Context loop;
    final List<CatchUp> welcomes = new CopyOnWriteArrayList<>();
    final List<Round> rounds = new CopyOnWriteArrayList<>();
    /** System.nanoTime when each welcome, and each round, reached the screen. */
    final List<Long> welcomedAt = new CopyOnWriteArrayList<>();
    final List<Long> deliveredAt = new CopyOnWriteArrayList<>();
    /** Told the meeting cannot be followed any more. */
    volatile boolean unavailable;

    RecordingScreen(Actor actor, Context loop) {
        this.viewer = Visibility.Viewer.of(actor);
        this.loop = loop;
    }

    List<Long> seqs() {
        return rounds.stream().flatMap(r -> r.events().stream()).map(Published::seq).toList();
    }

    @Override
    public Visibility.Viewer viewer() {
        return viewer;
    }

    @Override
    public Context context() {
        return loop;
    }

    @Override
    public void caughtUp(CatchUp catchUp) {
        welcomedAt.add(System.nanoTime());
        welcomes.add(catchUp);
    }

    @Override
    public void deliver(Round round) {
        deliveredAt.add(System.nanoTime());
        rounds.add(round);
    }

    @Override
    public void meetingUnavailable() {
        unavailable = true;
    }

    static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after 10 s").isLessThan(deadline);
            sleep(5);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
