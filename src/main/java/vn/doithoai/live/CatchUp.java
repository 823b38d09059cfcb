package vn.doithoai.live;

import vn.doithoai.meeting.MeetingState;
import vn.doithoai.store.StoredEvent;

import java.util.List;

/**
 * What a (re)connecting screen missed: the events after the sequence it last saw, or, when that
 * is too far back or unknown, a snapshot of the state at {@code seq}. Right after a restart a
 * staff screen may get the snapshot as stored ({@code storedState}, the state's JSON in UTF-8, at
 * {@code seq}) and the events stored after it ({@code storedAfter}, each with its staff patch),
 * before the server has read them back.
 */
public record CatchUp(long seq, List<Published> events, MeetingState snapshot, byte[] storedState,
                      List<StoredEvent> storedAfter) {

    public CatchUp(long seq, List<Published> events, MeetingState snapshot) {
        this(seq, events, snapshot, null, List.of());
    }

    static CatchUp storedState(long seq, byte[] stateJson, List<StoredEvent> after) {
        return new CatchUp(seq, List.of(), null, stateJson, after);
    }

    public boolean isSnapshot() {
        return snapshot != null || storedState != null;
    }
}
