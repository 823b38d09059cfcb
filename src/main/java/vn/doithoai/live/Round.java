package vn.doithoai.live;

import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.StatePatch;
import vn.doithoai.meeting.Visibility;

import java.util.List;
import java.util.function.Supplier;

/**
 * The events one commit made public, in order, with what they changed together. A burst (two
 * thousand phones registering) commits hundreds of events at once; a screen that needs only the
 * state can take them as one patch instead of hundreds of frames.
 */
public final class Round {

    private final List<Published> events;
    private final MeetingState before;
    private final MeetingState after;
    private final StatePatch patch;
    private final Renderings renderings = new Renderings();
    private final boolean hallMayWait;

    Round(List<Published> events, MeetingState before, MeetingState after) {
        this.events = List.copyOf(events);
        this.before = before;
        this.after = after;
        this.patch = events.size() == 1 ? events.get(0).patch()
                : StatePatch.ofRound(before, after, this.events.stream().map(Published::patch).toList());
        this.hallMayWait = this.events.stream().allMatch(p -> Visibility.hallMayWaitFor(p.event()));
    }

    /** Consecutive rounds as one: their events in order, the state before the first to after the last. */
    static Round merge(List<Round> rounds) {
        var events = new java.util.ArrayList<Published>();
        rounds.forEach(r -> events.addAll(r.events));
        return new Round(events, rounds.get(0).before, rounds.get(rounds.size() - 1).after);
    }

    public List<Published> events() {
        return events;
    }

    /** The state before the first event to the state after the last. */
    public StatePatch patch() {
        return patch;
    }

    /** True when every event in it is one the hall may see a moment late ({@link Visibility#hallMayWaitFor}). */
    boolean hallMayWait() {
        return hallMayWait;
    }

    public long firstSeq() {
        return events.get(0).seq();
    }

    public long lastSeq() {
        return events.get(events.size() - 1).seq();
    }

    /** The rendering kept under {@code key}, made on first use (by any of the screens' loops). */
    public <T> T rendered(String key, Supplier<T> render) {
        return renderings.get(key, render);
    }
}
