package vn.doithoai.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import vn.doithoai.codec.Json;

/** A latency histogram in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes). */
final class Lat {

    private final Histogram h = new Histogram(600_000_000L, 3);

    void recordMicros(long micros) {
        h.recordValue(Math.max(0, Math.min(micros, h.getHighestTrackableValue())));
    }

    void recordNanos(long nanos) {
        recordMicros(nanos / 1000);
    }

    long count() {
        return h.getTotalCount();
    }

    /** In milliseconds. */
    double p(double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    double max() {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
    }

    double mean() {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMean() / 1000.0;
    }

    ObjectNode json() {
        return Json.object().put("count", count()).put("p50Ms", p(50)).put("p95Ms", p(95)).put("p99Ms", p(99)).put("p999Ms", p(99.9))
                .put("maxMs", max()).put("meanMs", mean());
    }

    /** "p50 p99 p99.9 max" for a table row. */
    String row() {
        return String.format("%8.2f %8.2f %8.2f %8.2f %9d", p(50), p(99), p(99.9), max(), count());
    }

    static String header() {
        return String.format("%8s %8s %8s %8s %9s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "samples");
    }
}
