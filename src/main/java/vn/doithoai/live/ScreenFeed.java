package vn.doithoai.live;

import io.vertx.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one meeting sends to the screens on one event loop, in order: welcomes and rounds of
 * events. When the loop is behind, the rounds waiting for it are merged into one before they
 * go out, so a burst costs each screen a frame per loop turn, not a frame per event — the load
 * adapts itself. The owner adds (its own thread); the loop drains (its thread).
 */
final class ScreenFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenFeed.class);

    private record Welcome(Subscriber screen, CatchUp catchUp) {
    }

    private record Delivery(Round round, List<Subscriber> screens) {
    }

    /** The context of the first screen on this loop; the drain runs there, on the loop's thread. */
    private final Context loop;
    private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Replaced, never changed: a delivery keeps the list of the screens it was meant for. */
    private List<Subscriber> screens = List.of();

    ScreenFeed(Context loop) {
        this.loop = loop;
    }

    // ---- the owner's side ------------------------------------------------------------------

    void join(Subscriber screen, CatchUp catchUp) {
        var more = new ArrayList<>(screens);
        more.add(screen);
        screens = List.copyOf(more);
        offer(new Welcome(screen, catchUp));
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
            offer(new Delivery(round, screens));
        }
    }

    private void offer(Object item) {
        items.add(item);
        if (scheduled.compareAndSet(false, true)) {
            loop.runOnContext(v -> drain());
        }
    }

    // ---- the loop's side -------------------------------------------------------------------

    private void drain() {
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
        scheduled.set(false);
        if (!items.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.runOnContext(v -> drain());
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
