package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The plans PostgreSQL chooses for the report's four queries, as EXPLAIN ANALYZE prints them (docs/reports.md). */
public final class ReportPlans {

    private ReportPlans() {
    }

    public static Future<Map<String, String>> explain(Pool pool, List<UUID> communes, LocalDate from, LocalDate to, LocalDate asOf) {
        UUID[] ids = communes.toArray(UUID[]::new);
        OffsetDateTime start = from.atStartOfDay(ReportStore.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.atStartOfDay(ReportStore.ZONE).toOffsetDateTime();
        var queries = new LinkedHashMap<String, Map.Entry<String, Tuple>>();
        queries.put("held", Map.entry(ReportStore.HELD, Tuple.of(ids, start, end)));
        queries.put("planned", Map.entry(ReportStore.PLANNED, Tuple.of(ids, from.withDayOfMonth(1), to, from.getYear(), to.minusDays(1).getYear())));
        queries.put("petitions", Map.entry(ReportStore.PETITIONS, Tuple.of(ids, start, end, asOf)));
        queries.put("conclusions", Map.entry(ReportStore.CONCLUSIONS, Tuple.of(ids, start, end, asOf)));
        var plans = new LinkedHashMap<String, String>();
        Future<Void> chain = Future.succeededFuture();
        for (var q : queries.entrySet()) {
            chain = chain.compose(v -> pool.preparedQuery("EXPLAIN (ANALYZE, BUFFERS) " + q.getValue().getKey())
                    .execute(q.getValue().getValue()).map(rows -> {
                        var text = new StringBuilder();
                        for (Row r : rows) {
                            text.append(r.getString(0)).append('\n');
                        }
                        plans.put(q.getKey(), text.toString());
                        return null;
                    }));
        }
        return chain.map(v -> plans);
    }
}
