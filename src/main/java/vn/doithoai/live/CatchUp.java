package vn.doithoai.live;

import vn.doithoai.meeting.MeetingState;

import java.util.List;

/**
 * What a (re)connecting screen missed: the events after the sequence it last saw, or, when that
 * is too far back or unknown, a snapshot of the state at {@code seq}.
 */
public record CatchUp(long seq, List<Published> events, MeetingState snapshot) {

    public boolean isSnapshot() {
        return snapshot != null;
    }
}
