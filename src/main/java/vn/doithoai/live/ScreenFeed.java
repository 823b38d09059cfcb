package vn.doithoai.live;

import io.vertx.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one meeting sends to the screens on one event loop, in order: welcomes and rounds of
 * events. When the loop is behind, the rounds waiting for it are merged into one before they
 * go out, so a burst costs each screen a frame per loop turn, not a frame per event — the load
 * adapts itself. The owner adds (its own thread); the loop drains (its thread).
 *
 * <p>The hall's screens (the display and the phones) are also paced for what they may see a
 * moment late ({@link Round#hallMayWait}): people registering, the secretary's minutes. Such
 * rounds wait until {@link #HALL_PACE_MS} after the feed's last drain, then go out merged. When two
 * thousand phones register within a second, each phone gets one or two frames of the queue
 * instead of one per commit; on a cheap phone and a weak network that is the difference
 * between keeping up and falling behind. Anything else (the chair gives the floor, the clock
 * starts, a new screen's welcome) goes out at once and takes what waits with it, in order.
 * Staff screens are never paced.
 */
final class ScreenFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenFeed.class);
    /** How long the hall may wait for registrations and minutes: the queue on the wall moves once a second. */
    static final long HALL_PACE_MS = 1000;

    private record Welcome(Subscriber screen, CatchUp catchUp) {
    }

    private record Delivery(Round round, List<Subscriber> screens) {
    }

    private record Unavailable(List<Subscriber> screens) {
    }

    /** The context of the first screen on this loop; the drain runs there, on the loop's thread. */
    private final Context loop;
    private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
    /** A check of the items is queued on the loop (set by the owner, cleared by the loop). */
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    /** Something that must not wait was added since the last drain. */
    private volatile boolean urgent;
    /** Replaced, never changed: a delivery keeps the list of the screens it was meant for. */
    private List<Subscriber> screens = List.of();
    private final long paceNanos;
    // The loop's own fields, read and written on its thread only.
    /** When the last drain began (System.nanoTime); a new feed counts as drained a pace ago. */
    private long lastDrain;
    private long pacedTimer = -1;

    private ScreenFeed(Context loop, long paceMs) {
        this.loop = loop;
        this.paceNanos = TimeUnit.MILLISECONDS.toNanos(paceMs);
        this.lastDrain = System.nanoTime() - paceNanos;
    }

    static ScreenFeed forStaff(Context loop) {
        return new ScreenFeed(loop, 0);
    }

    static ScreenFeed forHall(Context loop) {
        return new ScreenFeed(loop, HALL_PACE_MS);
    }

    // ---- the owner's side ------------------------------------------------------------------

    void join(Subscriber screen, CatchUp catchUp) {
        var more = new ArrayList<>(screens);
        more.add(screen);
        screens = List.copyOf(more);
        offer(new Welcome(screen, catchUp), true);
    }

    /** Every screen on this feed gets a new welcome, after what it was sent so far. */
    void welcomeAgain(CatchUp catchUp) {
        screens.forEach(screen -> offer(new Welcome(screen, catchUp), true));
    }

    /** Every screen on this feed is told the meeting cannot be followed, after what it was sent so far. */
    void meetingUnavailable() {
        offer(new Unavailable(screens), true);
        screens = List.of();
    }

    /** True when the screen was on this feed. */
    boolean leave(Subscriber screen) {
        var fewer = new ArrayList<>(screens);
        boolean removed = fewer.remove(screen);
        screens = List.copyOf(fewer);
        return removed;
    }

    boolean isEmpty() {
        return screens.isEmpty();
    }

    void publish(Round round) {
        if (!screens.isEmpty()) {
            offer(new Delivery(round, screens), !round.hallMayWait());
        }
    }

    private void offer(Object item, boolean mustNotWait) {
        items.add(item);
        if (mustNotWait) {
            urgent = true;
        }
        if (checkQueued.compareAndSet(false, true)) {
            loop.runOnContext(v -> check());
        }
    }

    // ---- the loop's side -------------------------------------------------------------------

    /** Drains now, or once the pace allows if everything waiting may wait. */
    private void check() {
        checkQueued.set(false);
        if (items.isEmpty()) {
            return;
        }
        long wait = urgent ? 0 : lastDrain + paceNanos - System.nanoTime();
        if (wait <= 0) {
            if (pacedTimer >= 0) {
                loop.owner().cancelTimer(pacedTimer);
                pacedTimer = -1;
            }
            drain();
        } else if (pacedTimer < 0) {
            pacedTimer = loop.owner().setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait) + 1), timer -> {
                pacedTimer = -1;
                check();
            });
        }
    }

    private void drain() {
        // Cleared before taking the items: whatever comes after this line is checked again.
        urgent = false;
        lastDrain = System.nanoTime();
        var taken = new ArrayList<>();
        for (Object item = items.poll(); item != null; item = items.poll()) {
            taken.add(item);
        }
        int i = 0;
        while (i < taken.size()) {
            if (taken.get(i) instanceof Welcome w) {
                w.screen().caughtUp(w.catchUp());
                i++;
                continue;
            }
            if (taken.get(i) instanceof Unavailable u) {
                u.screens().forEach(Subscriber::meetingUnavailable);
                i++;
                continue;
            }
            Delivery first = (Delivery) taken.get(i);
            var rounds = new ArrayList<Round>();
            rounds.add(first.round());
            int j = i + 1;
            while (j < taken.size() && taken.get(j) instanceof Delivery next && next.screens() == first.screens()) {
                rounds.add(next.round());
                j++;
            }
            Round round = rounds.size() == 1 ? first.round() : Round.merge(rounds);
            for (Subscriber screen : first.screens()) {
                deliver(screen, round);
            }
            i = j;
        }
    }

    /** A screen that fails to take an event must not keep it from the others. */
    private static void deliver(Subscriber screen, Round round) {
        try {
            screen.deliver(round);
        } catch (RuntimeException e) {
            LOG.error("An event could not be sent to a {} screen", screen.viewer().role(), e);
        }
    }
}
