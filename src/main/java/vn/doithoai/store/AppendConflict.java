package vn.doithoai.store;

/**
 * Another writer appended to this meeting's log (or this stream of the ledger) first: nothing of
 * this append was stored. The writer must reload before it decides again.
 */
public final class AppendConflict extends RuntimeException {

    public AppendConflict(String stream, long expectedLastSeq) {
        super(stream + " has moved past sequence " + expectedLastSeq, null, false, false);
    }
}
