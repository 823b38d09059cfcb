package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.offices.Office;
import vn.doithoai.offices.OfficeEvent;
import vn.doithoai.offices.OfficeRules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The office directory of each commune: events in the ledger, the current offices in {@code offices}. */
public final class OfficeStore {

    public static final String KIND = "office";
    private static final TypeNames<OfficeEvent> NAMES = TypeNames.of(OfficeEvent.class);

    private static final String COLUMNS = "SELECT id, commune_id, seq, name, head_name, head_title, position, retired_at FROM offices ";
    private static final String BY_ID = COLUMNS + "WHERE id = $1";
    private static final String OF_COMMUNE = COLUMNS + "WHERE commune_id = $1 ORDER BY position, name";
    private static final String NEXT_POSITION = "SELECT coalesce(max(position), 0) + 1 AS next FROM offices WHERE commune_id = $1";
    private static final String UPSERT = """
            INSERT INTO offices (id, commune_id, seq, name, head_name, head_title, position, retired_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, name = EXCLUDED.name, head_name = EXCLUDED.head_name,
                head_title = EXCLUDED.head_title, retired_at = coalesce(offices.retired_at, EXCLUDED.retired_at)""";

    private final Pool pool;
    private final Ledger ledger;

    public OfficeStore(Pool pool, Ledger ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    public Future<Optional<Office>> byId(UUID id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(office(it.next())) : Optional.empty();
        });
    }

    /** A commune's offices in their order, the retired ones too (marked). */
    public Future<List<Office>> of(UUID communeId) {
        return pool.preparedQuery(OF_COMMUNE).execute(Tuple.of(communeId)).map(OfficeStore::offices);
    }

    /** Where a new office goes in the commune's list: last. */
    public Future<Integer> nextPosition(UUID communeId) {
        return pool.preparedQuery(NEXT_POSITION).execute(Tuple.of(communeId)).map(rows -> rows.iterator().next().getInteger("next"));
    }

    public Future<Office> record(Office before, UUID id, List<OfficeEvent> events, String actor, Instant at) {
        return pool.withTransaction(tx -> record(tx, before, id, events, actor, at));
    }

    /** The same inside the caller's transaction (a new commune and its first offices together). */
    public Future<Office> record(SqlClient tx, Office before, UUID id, List<OfficeEvent> events, String actor, Instant at) {
        Office after = before;
        long seq = before == null ? 0 : before.seq();
        for (OfficeEvent event : events) {
            after = OfficeRules.apply(after, id, ++seq, event);
        }
        Office result = after;
        var stream = new Ledger.Stream(KIND, id, result.communeId());
        Tuple row = Tuple.tuple().addValue(id).addValue(result.communeId()).addValue(result.seq()).addValue(result.name())
                .addValue(result.headName()).addValue(result.headTitle()).addValue(result.position())
                .addValue(result.retired() ? at.atOffset(ZoneOffset.UTC) : null);
        return ledger.append(tx, stream, before == null ? 0 : before.seq(), events, NAMES, actor, at)
                .compose(last -> tx.preparedQuery(UPSERT).execute(row))
                .map(done -> result);
    }

    private static List<Office> offices(RowSet<Row> rows) {
        List<Office> offices = new ArrayList<>();
        rows.forEach(row -> offices.add(office(row)));
        return offices;
    }

    private static Office office(Row r) {
        return new Office(r.getUUID("id"), r.getUUID("commune_id"), r.getLong("seq"), r.getString("name"),
                r.getString("head_name"), r.getString("head_title"), r.getInteger("position"), r.getOffsetDateTime("retired_at") != null);
    }
}
