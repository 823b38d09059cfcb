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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The minutes of a long meeting as a .docx (issue 17: a four-hour meeting with 300 speeches and
 * 2,000 events in ≤ 500 ms), in process: the meeting's record is made by the rules, replayed into a
 * state as the server holds it, and each run builds the minutes from that state and writes the
 * .docx, as GET /api/meetings/:id/minutes.docx does after reading the state and the chain's head.
 * No server and no database: what is measured is the document's own work.
 */
final class MinutesScenario {

    private MinutesScenario() {
    }

    /**
     * In a JVM of its own with the server's options (-Xmx, the full JIT), as the server would run it:
     * the benchmark's own JVM compiles with C1 only, to leave the cores to a server under load.
     */
    static ObjectNode forked(String xmx, int speeches, int runs, int warmups) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx" + xmx, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                MinutesScenario.class.getName(), Integer.toString(speeches), Integer.toString(runs), Integer.toString(warmups))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the minutes run failed (exit " + p.exitValue() + ")");
        }
        return (ObjectNode) Json.MAPPER.readTree(lines[lines.length - 1]);
    }

    /** {@code speeches runs warmups}: prints the figures as one line of JSON. */
    public static void main(String[] args) throws Exception {
        System.out.println(Json.write(run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]))));
    }

    static ObjectNode run(int speeches, int runs, int warmups) throws Exception {
        List<MeetingRules.Recorded> record = MinutesMeetings.fourHours(speeches);
        long replayStart = System.nanoTime();
        MeetingState state = MeetingRules.replay(record);
        double replayMs = (System.nanoTime() - replayStart) / 1e6;
        String head = "3b8e0c5d".repeat(8);

        // The CPU time of the thread beside the wall time: on a machine shared with other work the
        // wall time also counts the waits for a core, the CPU time only the document's own work.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Lat cold = new Lat();
        Lat lat = new Lat();
        Lat cpu = new Lat();
        int bytes = 0;
        for (int i = 0; i < warmups + runs; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Minutes minutes = MinutesOfMeeting.from(state, "Xã Ia Băng", head);
            var out = new ByteArrayOutputStream(256 * 1024);
            MinutesDocx.write(minutes, out);
            (i < warmups ? cold : lat).recordNanos(System.nanoTime() - start);
            if (i >= warmups) {
                cpu.recordNanos(threads.getCurrentThreadCpuTime() - cpuStart);
            }
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
        r.set("cpu", cpu.json());
        return r;
    }
}
