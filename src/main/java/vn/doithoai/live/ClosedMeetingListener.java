package vn.doithoai.live;

import java.util.UUID;

/**
 * Told when a meeting's record grows after its close: the round that closed it, and any later one
 * (a conclusion recorded afterwards). What follows from a closed meeting in other rooms (the
 * petitions its conclusions answer) hangs here, so that the live meeting knows nothing of them.
 * Called on the meeting's own thread, after the round is committed and published: it must return
 * at once and may not fail the meeting (its own failures are its own). It is not the only way
 * such work is found: a server that stops before the work is done must find it again at start.
 */
@FunctionalInterface
public interface ClosedMeetingListener {

    ClosedMeetingListener NONE = meetingId -> { };

    void recordedAfterClose(UUID meetingId);
}
