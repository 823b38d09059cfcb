package vn.doithoai.transport;

import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends the server time to the screens of one event loop, a slice of them at each tick, so that
 * 20,000 screens never get it at once and a tick touches only the screens of its slice. Used on
 * the loop's own thread only (its sockets' handlers and its timer run there), hence plain sets.
 */
final class TimeSlices {

    private final List<Set<Consumer<SharedText>>> slices = new ArrayList<>();
    private int nextSlice;
    private int nextToJoin;

    /** Starts the ticks; called on the loop's thread, so the timer fires there. */
    TimeSlices(Vertx vertx, Clock clock, long cycleMs, int sliceCount) {
        for (int i = 0; i < sliceCount; i++) {
            slices.add(new HashSet<>());
        }
        vertx.setPeriodic(cycleMs / sliceCount, id -> {
            Set<Consumer<SharedText>> slice = slices.get(nextSlice);
            nextSlice = (nextSlice + 1) % sliceCount;
            if (!slice.isEmpty()) {
                SharedText time = new SharedText(Frames.time(clock.millis()));
                slice.forEach(screen -> screen.accept(time));
            }
        });
    }

    /** Adds a screen (what sends it the time) to a slice in turn; the returned action takes it out again. */
    Runnable add(Consumer<SharedText> screen) {
        Set<Consumer<SharedText>> slice = slices.get(nextToJoin);
        nextToJoin = (nextToJoin + 1) % slices.size();
        slice.add(screen);
        return () -> slice.remove(screen);
    }
}
