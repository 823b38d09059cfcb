package vn.doithoai.store;

/**
 * Another writer appended to this meeting's log first: nothing of this append was stored.
 * The writer must reload the meeting before it decides again.
 */
public final class AppendConflict extends RuntimeException {

    public AppendConflict(String meetingId, long expectedLastSeq) {
        super("meeting " + meetingId + " has moved past sequence " + expectedLastSeq, null, false, false);
    }
}
