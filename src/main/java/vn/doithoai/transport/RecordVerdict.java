package vn.doithoai.transport;

import java.util.Map;
import vn.doithoai.store.RecordChain;

/**
 * A meeting's record check as the organiser reads it: intact or not, where it breaks, and the
 * chain's head (the one at the close is printed on the minutes, to be compared with the paper).
 */
record RecordVerdict(boolean intact, long events, Long firstBrokenSeq, String head, String headAtClose,
                     Map<String, String> message) {

    static RecordVerdict of(RecordChain.Result r) {
        Map<String, String> message;
        if (r.firstBroken() != null) {
            message = Map.of("vi", "Biên bản gốc đã bị sửa: sự kiện số " + r.firstBroken() + " không còn khớp",
                    "en", "The record was altered: event " + r.firstBroken() + " no longer matches");
        } else if (!r.intact()) {
            message = Map.of("vi", "Biên bản gốc thiếu các sự kiện sau số " + r.events() + " (đã xác nhận đến số " + r.acknowledgedUpTo() + ")",
                    "en", "The record lacks the events after " + r.events() + " (acknowledged up to " + r.acknowledgedUpTo() + ")");
        } else {
            message = Map.of("vi", "Biên bản gốc nguyên vẹn (" + r.events() + " sự kiện)",
                    "en", "The record is intact (" + r.events() + " events)");
        }
        return new RecordVerdict(r.intact(), r.events(), r.firstBroken(), r.head(), r.headAtClose(), message);
    }
}
