package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doithoai.app.Config;
import vn.doithoai.app.Database;
import vn.doithoai.support.TestPostgres;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event log against a real PostgreSQL. */
class EventStoreTest {

    private Vertx vertx;
    private Pool pool;
    private Database database;
    private EventStore store;
    private Directory directory;
    private UUID meetingId;

    @BeforeEach
    void meetingWithAnEmptyLog() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig();
        database = Database.start(config);
        database.grantAppRole(); // the server does so after the migrations
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
        store = new EventStore(pool);
        directory = new Directory(pool);
        Directory.Commune commune = await(directory.createCommune("Xã Kiến Minh", null));
        meetingId = UUID.randomUUID();
        var row = new Directory.MeetingRow(meetingId, commune.id(), "ACDEFH", "SCHEDULED", "Đối thoại", null, null, null);
        await(directory.inTransaction(conn -> directory.insertMeeting(conn, row, Map.of("hash-of-chair-token", "CHAIR"))));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
        database.close();
    }

    private static EventStore.NewEvent event(long seq, String commandId) {
        return new EventStore.NewEvent(seq, "MinuteRecorded", "{\"entryId\":" + seq + ",\"text\":\"Dòng " + seq + "\"}",
                "secretary", OffsetDateTime.now(ZoneOffset.UTC), commandId, "{\"minutes\":[]}", null);
    }

    @Test
    void appendedEventsComeBackInOrderWithTheirPayloadActorAndCommandId() throws Exception {
        await(store.append(meetingId, List.of(event(1, "c-1"), event(2, "c-2"), event(3, null)), null));

        List<StoredEvent> loaded = await(store.load(meetingId, 0));
        assertThat(loaded).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(loaded.get(1).payload()).contains("Dòng 2");
        assertThat(loaded.get(1).commandId()).isEqualTo("c-2");
        assertThat(loaded.get(2).commandId()).isNull();
        assertThat(await(store.load(meetingId, 2))).extracting(StoredEvent::seq).containsExactly(3L);
    }

    @Test
    void theEventsAfterTheLatestSnapshotComeWithItsSequenceAndTheirStaffPatches() throws Exception {
        var snapshots = new SnapshotStore(pool);
        assertThat(await(store.afterLatestSnapshot(meetingId, 1))).isEqualTo(new EventStore.AfterSnapshot(0, List.of()));
        await(store.append(meetingId, List.of(event(1, "c-1"), event(2, "c-2"), event(3, null)), null));

        EventStore.AfterSnapshot whole = await(store.afterLatestSnapshot(meetingId, 1));
        assertThat(whole.snapshotSeq()).as("no snapshot: the whole log").isZero();
        assertThat(whole.events()).isEqualTo(await(store.load(meetingId, 0)));
        assertThat(whole.events().get(0).staffPatch()).isEqualTo("{\"minutes\":[]}");

        await(snapshots.save(meetingId, 2, 1, "{}"));
        await(pool.preparedQuery("INSERT INTO snapshots (meeting_id, seq, format, state) VALUES ($1, 3, 7, '{}')")
                .execute(io.vertx.sqlclient.Tuple.of(meetingId))); // of another version of the server: not this one's
        EventStore.AfterSnapshot after = await(store.afterLatestSnapshot(meetingId, 1));
        assertThat(after.snapshotSeq()).isEqualTo(2);
        assertThat(after.events()).extracting(StoredEvent::seq).containsExactly(3L);

        await(snapshots.save(meetingId, 3, 1, "{}"));
        assertThat(await(store.afterLatestSnapshot(meetingId, 1))).isEqualTo(new EventStore.AfterSnapshot(3, List.of()));
    }

    @Test
    void aSecondWriterWithTheSameExpectedSequenceFailsAndStoresNothing() throws Exception {
        await(store.append(meetingId, List.of(event(1, "c-1")), null));

        assertThatThrownBy(() -> await(store.append(meetingId, List.of(event(2, "c-2"), event(1, "c-3")), null)))
                .hasCauseInstanceOf(AppendConflict.class);
        assertThat(await(store.load(meetingId, 0))).hasSize(1);
    }

    @Test
    void aCommandIdIsRecordedOncePerMeeting() throws Exception {
        await(store.append(meetingId, List.of(event(1, "same"), event(2, "same")), null));

        assertThatThrownBy(() -> await(store.append(meetingId, List.of(event(3, "same")), null)))
                .hasCauseInstanceOf(AppendConflict.class);
        assertThat(await(store.load(meetingId, 0))).hasSize(2);
    }

    @Test
    void theRecordCannotBeChangedOrDeletedInPlace() throws Exception {
        await(store.append(meetingId, List.of(event(1, "c-1")), null));
        try (var conn = database.openJdbcConnection(); var sql = conn.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE events SET payload = '{}' WHERE seq = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM events"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void anAppendUpdatesTheMeetingsListingInTheSameTransaction() throws Exception {
        await(store.append(meetingId, List.of(event(1, null)), new MeetingSummary("IN_PROGRESS", "Đối thoại định kỳ", null, null)));

        Directory.MeetingRow row = await(directory.meeting(meetingId)).orElseThrow();
        assertThat(row.status()).isEqualTo("IN_PROGRESS");
        assertThat(row.title()).isEqualTo("Đối thoại định kỳ");
        assertThat(await(directory.liveMeetings())).extracting(Directory.MeetingRow::id).contains(meetingId);
    }

    private static <T> T await(Future<T> future) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
}
