package vn.doithoai.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doithoai.app.Database;
import vn.doithoai.codec.Json;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.MeetingStatus;
import vn.doithoai.meeting.SpeakingRules;
import vn.doithoai.meeting.Setup;
import vn.doithoai.meeting.MeetingKind;
import vn.doithoai.store.Directory;
import vn.doithoai.store.EventStore;
import vn.doithoai.store.SnapshotStore;
import vn.doithoai.store.StoredEvent;
import vn.doithoai.support.HeldSnapshotThreads;
import vn.doithoai.support.Patches;
import vn.doithoai.support.TestPostgres;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.live.RecordingScreen.sleep;
import static vn.doithoai.live.RecordingScreen.waitUntil;

/**
 * A meeting rebuilt from its latest snapshot and the events after it, against a real PostgreSQL:
 * the same state as the live one, command ids from before the snapshot still count once, and a
 * snapshot that cannot be read is ignored for the whole log.
 */
class SnapshotRecoveryTest {

    private static final int EVERY = 5;

    private Database database;
    private Vertx vertx;
    private Pool pool;
    private Directory directory;
    private UUID meetingId;

    @BeforeEach
    void database() throws Exception {
        database = Database.start(TestPostgres.freshDatabaseConfig());
        database.grantAppRole(); // the server does so after the migrations
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
        directory = new Directory(pool);
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
        database.close();
    }

    /** A fresh set of owners over the same database, as after a restart. */
    private Meetings restarted() throws Exception {
        MeetingHosts hosts = await(MeetingHosts.deploy(vertx, 2, () -> new EventStore(
                PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build())));
        return new Meetings(hosts, new EventStore(pool), new SnapshotStore(pool), EVERY, directory, Clock.systemUTC());
    }

    private MeetingOwner meetingWithMinutes(Meetings meetings, int minutes) throws Exception {
        Directory.Commune commune = await(directory.createCommune("Xã Kiến Minh", null));
        var setup = new Setup(MeetingKind.PERIODIC, "Đối thoại", "Đất đai", null, Instant.now(), "Hội trường",
                List.of("Chủ tịch UBND xã"), "Văn phòng", null, SpeakingRules.DEFAULT);
        meetingId = await(meetings.create(commune.id(), setup)).meetingId();
        MeetingOwner owner = await(meetings.get(meetingId));
        assertThat(await(owner.submit(new Command.StartMeeting(), Actor.CHAIR, "start")).accepted()).isTrue();
        for (int i = 1; i <= minutes; i++) {
            assertThat(await(owner.submit(new Command.RecordMinute("Ý kiến số " + i, null), Actor.SECRETARY, "m" + i))
                    .accepted()).isTrue();
        }
        return owner;
    }

    /** The snapshot is written beside the meeting's next rounds: wait until it is at least {@code seq}. */
    private long snapshotSeqReaching(long seq) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long found;
        while ((found = snapshotSeq()) < seq && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return found;
    }

    private long snapshotSeq() throws Exception {
        var rows = await(pool.preparedQuery("SELECT seq FROM snapshots WHERE meeting_id = $1").execute(Tuple.of(meetingId)));
        assertThat(rows.size()).as("only the latest snapshot is kept").isLessThanOrEqualTo(1);
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong("seq");
    }

    @Test
    void aRestartedMeetingIsItsSnapshotPlusTheEventsAfterIt() throws Exception {
        MeetingOwner live = meetingWithMinutes(restarted(), 12);
        CatchUp before = await(live.read());
        long snapshot = snapshotSeqReaching(before.seq() - EVERY);
        assertThat(snapshot).isGreaterThanOrEqualTo(before.seq() - EVERY).isLessThan(before.seq());

        MeetingOwner again = await(restarted().get(meetingId));
        CatchUp after = await(again.read());

        assertThat(after.seq()).isEqualTo(before.seq());
        assertThat(after.snapshot()).isEqualTo(before.snapshot());
        // A command id from before the snapshot is still answered as a repeat, not applied twice.
        CommandResult repeat = await(again.submit(new Command.RecordMinute("Ý kiến số 1", null), Actor.SECRETARY, "m1"));
        assertThat(repeat.duplicate()).isTrue();
        assertThat(await(again.read()).seq()).isEqualTo(before.seq());
        // And the meeting goes on from there.
        assertThat(await(again.submit(new Command.RecordMinute("Ý kiến sau khi khởi động lại", null), Actor.SECRETARY, "m13"))
                .firstSeq()).isEqualTo(before.seq() + 1);
    }

    /**
     * Another server wrote to the same meeting: the owner's append fails on the sequence, the other
     * writer's events are replayed (off the owner's loop), and the command is decided again after
     * them and stored.
     */
    @Test
    void anotherWritersEventsAreTakenBeforeTheMeetingGoesOn() throws Exception {
        MeetingOwner live = meetingWithMinutes(restarted(), 2);
        long before = await(live.read()).seq();
        MeetingOwner elsewhere = await(restarted().get(meetingId));
        assertThat(await(elsewhere.submit(new Command.RecordMinute("Ghi ở máy chủ khác", null), Actor.SECRETARY, "o1"))
                .firstSeq()).isEqualTo(before + 1);

        CommandResult next = await(live.submit(new Command.RecordMinute("Ý kiến tiếp theo", null), Actor.SECRETARY, "m3"));
        assertThat(next.accepted()).as("decided again after the other writer's events").isTrue();
        assertThat(next.firstSeq()).isEqualTo(before + 2);
        assertThat(await(live.submit(new Command.RecordMinute("Ý kiến tiếp theo", null), Actor.SECRETARY, "m3")).duplicate())
                .isTrue();
        assertThat(await(live.submit(new Command.RecordMinute("Ghi ở máy chủ khác", null), Actor.SECRETARY, "o1")).duplicate())
                .as("the other writer's command id was taken with its events").isTrue();
        CatchUp now = await(live.read());
        assertThat(now.seq()).isEqualTo(before + 2);
        assertThat(now.snapshot().minutes().stream().map(m -> m.text()).toList())
                .containsSubsequence("Ghi ở máy chủ khác", "Ý kiến tiếp theo");
    }

    @Test
    void closingTheMeetingTakesASnapshotSoItLoadsWithoutReplaying() throws Exception {
        MeetingOwner live = meetingWithMinutes(restarted(), 2);
        assertThat(await(live.submit(new Command.CloseMeeting(), Actor.CHAIR, "close")).accepted()).isTrue();
        long closedAt = await(live.read()).seq();

        assertThat(snapshotSeqReaching(closedAt)).isEqualTo(closedAt);
        MeetingState reloaded = await(await(restarted().get(meetingId)).read()).snapshot();
        assertThat(reloaded.status()).isEqualTo(MeetingStatus.CLOSED);
    }

    @Test
    void aCleanStopSavesEveryMeetingAsItStandsSoTheNextStartReplaysNothing() throws Exception {
        Meetings meetings = restarted();
        MeetingOwner live = meetingWithMinutes(meetings, 7);
        CatchUp before = await(live.read());
        assertThat(snapshotSeqReaching(EVERY)).as("the regular snapshot is behind the last event").isLessThan(before.seq());

        assertThat(await(meetings.snapshotBeforeStop())).isEqualTo(1);

        assertThat(snapshotSeq()).isEqualTo(before.seq());
        CatchUp after = await(await(restarted().get(meetingId)).read());
        assertThat(after.seq()).isEqualTo(before.seq());
        assertThat(after.snapshot()).isEqualTo(before.snapshot());
        // Saved already: a second stop writes nothing new.
        assertThat(await(meetings.snapshotBeforeStop())).isEqualTo(1);
        assertThat(snapshotSeq()).isEqualTo(before.seq());
    }

    /** A meeting with this many minutes whose server stopped cleanly: its snapshot holds the whole log. */
    private CatchUp stoppedCleanly(int minutes) throws Exception {
        Meetings meetings = restarted();
        CatchUp before = await(meetingWithMinutes(meetings, minutes).read());
        await(meetings.snapshotBeforeStop());
        return before;
    }

    @Test
    void whileAStoppedMeetingIsReadBackStaffSeeItsStoredStateAndTheRestWaitsForIt() throws Exception {
        CatchUp before = stoppedCleanly(7);
        Meetings again = restarted();
        var chair = new RecordingScreen(Actor.CHAIR, vertx.getOrCreateContext());
        var display = new RecordingScreen(Actor.DISPLAY, vertx.getOrCreateContext());
        Future<Void> displayJoined;
        Future<CommandResult> minute;
        Future<CatchUp> read;
        try (var held = new HeldSnapshotThreads(vertx)) { // the snapshot is parsed on a worker thread: none is free
            MeetingOwner owner = await(again.get(meetingId));
            await(owner.join(chair, null));
            displayJoined = owner.join(display, null);
            read = owner.read();
            minute = owner.submit(new Command.RecordMinute("Ý kiến trong lúc đọc lại", null), Actor.SECRETARY, "m8");

            waitUntil(() -> chair.welcomes.size() == 1);
            CatchUp stored = chair.welcomes.get(0);
            assertThat(stored.seq()).isEqualTo(before.seq());
            assertThat(Json.read(stored.storedState(), MeetingState.class)).isEqualTo(before.snapshot());
            sleep(100);
            assertThat(display.welcomes).as("the hall waits for the state").isEmpty();
            assertThat(List.of(displayJoined.isComplete(), read.isComplete(), minute.isComplete())).containsOnly(false);
        }
        await(displayJoined);
        waitUntil(() -> display.welcomes.size() == 1);
        assertThat(display.welcomes.get(0).snapshot()).isEqualTo(before.snapshot());
        assertThat(await(read).seq()).as("read before the command waiting with it").isEqualTo(before.seq());
        assertThat(await(minute).firstSeq()).isEqualTo(before.seq() + 1);
        waitUntil(() -> chair.seqs().contains(before.seq() + 1) && display.seqs().contains(before.seq() + 1));
        assertThat(chair.welcomes).hasSize(1);
    }

    @Test
    void afterACrashStaffSeeTheSnapshotWithTheEventsAfterItBeforeTheyAreReplayed() throws Exception {
        CatchUp before = await(meetingWithMinutes(restarted(), 12).read()); // never stopped: as after a crash
        long snapshot = snapshotSeqReaching(before.seq() - EVERY);
        assertThat(snapshot).isLessThan(before.seq());
        Meetings again = restarted();
        var chair = new RecordingScreen(Actor.CHAIR, vertx.getOrCreateContext());
        var display = new RecordingScreen(Actor.DISPLAY, vertx.getOrCreateContext());
        Future<Void> displayJoined;
        try (var held = new HeldSnapshotThreads(vertx)) {
            MeetingOwner owner = await(again.get(meetingId));
            await(owner.join(chair, null));
            displayJoined = owner.join(display, null);

            waitUntil(() -> chair.welcomes.size() == 1);
            CatchUp stored = chair.welcomes.get(0);
            assertThat(stored.seq()).as("the welcome's seq is the stored state's").isEqualTo(snapshot);
            assertThat(stored.storedAfter()).extracting(StoredEvent::seq)
                    .isEqualTo(LongStream.rangeClosed(snapshot + 1, before.seq()).boxed().toList());
            // The chair's screen applies their patches to the stored state: the meeting as it stood.
            var frames = new ArrayList<JsonNode>();
            for (StoredEvent e : stored.storedAfter()) {
                frames.add(Json.object().set("patch", Json.MAPPER.readTree(e.staffPatch())));
            }
            assertThat(Patches.apply(Json.MAPPER.readTree(stored.storedState()), frames))
                    .isEqualTo(Json.MAPPER.readTree(Json.write(before.snapshot())));
            sleep(100);
            assertThat(display.welcomes).as("the hall waits for the state").isEmpty();
        }
        await(displayJoined);
        waitUntil(() -> display.welcomes.size() == 1);
        assertThat(display.welcomes.get(0).seq()).isEqualTo(before.seq());
        assertThat(chair.welcomes).as("no second welcome: the first was right").hasSize(1);
    }

    @Test
    void aStopWhileACrashedMeetingIsReadBackSavesItOnceItIsRead() throws Exception {
        CatchUp before = await(meetingWithMinutes(restarted(), 12).read());
        assertThat(snapshotSeqReaching(before.seq() - EVERY)).isLessThan(before.seq());
        Meetings again = restarted();
        Future<Integer> stopped;
        try (var held = new HeldSnapshotThreads(vertx)) {
            await(again.get(meetingId));
            stopped = again.snapshotBeforeStop();
            sleep(100);
            assertThat(stopped.isComplete()).as("waits for the events after the snapshot to be replayed").isFalse();
        }
        assertThat(await(stopped)).isEqualTo(1);
        assertThat(snapshotSeq()).isEqualTo(before.seq());
    }

    @Test
    void eventsStoredWithoutTheirStaffPatchAreReplayedBeforeTheMeetingIsShown() throws Exception {
        CatchUp before = await(meetingWithMinutes(restarted(), 12).read());
        long snapshot = snapshotSeqReaching(before.seq() - EVERY);
        asOwner("ALTER TABLE events DISABLE TRIGGER events_are_append_only",
                "UPDATE events SET staff_patch = NULL WHERE seq = " + (snapshot + 1));
        Future<MeetingOwner> loading;
        try (var held = new HeldSnapshotThreads(vertx)) {
            loading = restarted().get(meetingId);
            sleep(200);
            assertThat(loading.isComplete()).as("not handed out before the state is read").isFalse();
        }
        var chair = new RecordingScreen(Actor.CHAIR, vertx.getOrCreateContext());
        await(await(loading).join(chair, null));
        waitUntil(() -> chair.welcomes.size() == 1);
        assertThat(chair.welcomes.get(0).seq()).isEqualTo(before.seq());
        assertThat(chair.welcomes.get(0).snapshot()).isEqualTo(before.snapshot());
    }

    @Test
    void aStoredStateThatCannotBeReadIsReplayedAndStaffScreensAreWelcomedAgain() throws Exception {
        CatchUp before = stoppedCleanly(7);
        await(pool.preparedQuery("UPDATE snapshots SET state = $2 WHERE meeting_id = $1")
                .execute(Tuple.of(meetingId, "{\"not\":\"a state\"}")));
        Meetings again = restarted();
        var chair = new RecordingScreen(Actor.CHAIR, vertx.getOrCreateContext());
        try (var held = new HeldSnapshotThreads(vertx)) {
            await(await(again.get(meetingId)).join(chair, null));
            waitUntil(() -> chair.welcomes.size() == 1);
            assertThat(new String(chair.welcomes.get(0).storedState(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"not\":\"a state\"}");
        }
        waitUntil(() -> chair.welcomes.size() == 2);
        assertThat(chair.welcomes.get(1).seq()).isEqualTo(before.seq());
        assertThat(chair.welcomes.get(1).snapshot()).isEqualTo(before.snapshot());
    }

    @Test
    void aMeetingHandedOutWhoseLogThenCannotBeReadRefusesCommandsLetsItsScreensGoAndIsLoadedAfresh() throws Exception {
        stoppedCleanly(3);
        await(pool.query("UPDATE snapshots SET state = '{\"not\":\"a state\"}'").execute());
        asOwner("ALTER TABLE events DISABLE TRIGGER events_are_append_only",
                "UPDATE events SET type = 'NoSuchEvent' WHERE seq = 3");
        Meetings again = restarted();
        MeetingOwner owner;
        Future<CommandResult> minute;
        var chair = new RecordingScreen(Actor.CHAIR, vertx.getOrCreateContext());
        try (var held = new HeldSnapshotThreads(vertx)) {
            owner = await(again.get(meetingId));
            await(owner.join(chair, null));
            waitUntil(() -> chair.welcomes.size() == 1); // the state as saved
            minute = owner.submit(new Command.RecordMinute("Ý kiến", null), Actor.SECRETARY, "m4");
        }
        assertThat(minute.toCompletionStage().toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS)
                .withThrowableThat().withMessageContaining("cannot be read");
        waitUntil(() -> chair.unavailable); // let go, not left waiting for events that never come
        var display = new RecordingScreen(Actor.DISPLAY, vertx.getOrCreateContext());
        assertThat(owner.join(display, null).toCompletionStage().toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS);
        waitUntil(() -> again.loadedCount() == 0); // let go: the next screen loads it afresh
        MeetingOwner afresh = await(again.get(meetingId));
        assertThat(afresh).isNotSameAs(owner);
        assertThat(afresh.stateRead().toCompletionStage().toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS);
    }

    @Test
    void aSnapshotThatCannotBeReadIsIgnoredAndTheWholeLogIsReplayed() throws Exception {
        MeetingOwner live = meetingWithMinutes(restarted(), 12);
        CatchUp before = await(live.read());
        assertThat(snapshotSeqReaching(before.seq() - EVERY)).isPositive();
        await(pool.preparedQuery("UPDATE snapshots SET state = $2 WHERE meeting_id = $1")
                .execute(Tuple.of(meetingId, "{\"not\":\"a state\"}")));

        CatchUp after = await(await(restarted().get(meetingId)).read());

        assertThat(after.seq()).isEqualTo(before.seq());
        assertThat(after.snapshot()).isEqualTo(before.snapshot());
        // The unreadable snapshot is replaced by a good one as of the last event.
        assertThat(snapshotSeqReaching(before.seq())).isEqualTo(before.seq());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String state;
        do {
            Thread.sleep(20);
            state = await(pool.preparedQuery("SELECT state FROM snapshots WHERE meeting_id = $1").execute(Tuple.of(meetingId)))
                    .iterator().next().getString("state");
        } while (!state.startsWith("{\"setup\"") && System.nanoTime() < deadline);
        assertThat(Json.read(state, MeetingState.class)).isEqualTo(before.snapshot());
    }

    /** As the schema's owner, behind the server's back: its own role may not touch the record. */
    private void asOwner(String... statements) throws java.sql.SQLException {
        try (var c = database.openJdbcConnection(); var sql = c.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
