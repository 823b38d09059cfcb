package vn.doithoai.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.doithoai.codec.Json;
import vn.doithoai.documents.Minutes;
import vn.doithoai.documents.MinutesDocx;
import vn.doithoai.documents.MinutesOfMeeting;
import vn.doithoai.meeting.MeetingRules;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.MinutesMeetings;
import vn.doithoai.meeting.Turn;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

/**
 * The minutes of a long meeting as a .docx (issue 17: a four-hour meeting with 300 speeches and
 * 2,000 events in ≤ 500 ms), in process: the meeting's record is made by the rules, replayed into a
 * state as the server holds it, and each run builds the minutes from that state and writes the
 * .docx, as GET /api/meetings/:id/minutes.docx does after reading the state and the chain's head.
 */
final class MinutesScenario {

    private MinutesScenario() {
    }

    static ObjectNode run(int speeches, int runs, int warmups) throws Exception {
        List<MeetingRules.Recorded> record = MinutesMeetings.fourHours(speeches);
        long replayStart = System.nanoTime();
        MeetingState state = MeetingRules.replay(record);
        double replayMs = (System.nanoTime() - replayStart) / 1e6;
        String head = "3b8e0c5d".repeat(8);

        Lat cold = new Lat();
        Lat lat = new Lat();
        int bytes = 0;
        for (int i = 0; i < warmups + runs; i++) {
            long start = System.nanoTime();
            Minutes minutes = MinutesOfMeeting.from(state, "Xã Ia Băng", head);
            var out = new ByteArrayOutputStream(256 * 1024);
            MinutesDocx.write(minutes, out);
            (i < warmups ? cold : lat).recordNanos(System.nanoTime() - start);
            bytes = out.size();
        }
        ObjectNode r = Json.object();
        r.put("speeches", state.turns().stream().filter(t -> t.kind() == Turn.Kind.SPEECH).count());
        r.put("answers", state.turns().stream().filter(t -> t.kind() == Turn.Kind.RESPONSE).count());
        r.put("events", record.size());
        r.put("hours", Duration.between(state.startedAt(), state.closedAt()).toMinutes() / 60.0);
        r.put("docxBytes", bytes);
        r.put("replayMs", replayMs);
        r.put("runs", runs);
        r.put("warmups", warmups);
        r.set("latency", lat.json());
        r.set("coldLatency", cold.json());
        return r;
    }
}
