package vn.doithoai.live;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.Secrets;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.Decision;
import vn.doithoai.meeting.Event;
import vn.doithoai.meeting.MeetingRules;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.Role;
import vn.doithoai.meeting.Setup;
import vn.doithoai.meeting.StatePatch;
import vn.doithoai.store.Directory;
import vn.doithoai.store.EventStore;
import vn.doithoai.store.MeetingSummary;
import vn.doithoai.store.SnapshotStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every meeting this server runs: creates them, loads each on first use (one owner per meeting,
 * however many screens ask at once) and rebuilds the live ones at start.
 */
public final class Meetings {

    private static final Logger LOG = LoggerFactory.getLogger(Meetings.class);
    /** The roles that get a secret link; attendees join with the join code. */
    public static final List<Role> LINKED_ROLES = List.of(Role.CHAIR, Role.SECRETARY, Role.DISPLAY, Role.DOOR);

    /** A new meeting: its id, join code and the role tokens, shown once and never stored. */
    public record Created(UUID meetingId, String joinCode, Map<Role, String> tokens) {
    }

    /** A refusal from the rules, carried through a failed future. */
    public static final class Refused extends RuntimeException {
        public final vn.doithoai.rules.Refusal refusal;

        Refused(vn.doithoai.rules.Refusal refusal) {
            super(refusal.en(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final MeetingHosts hosts;
    private final EventStore store;
    private final SnapshotStore snapshots;
    private final int snapshotEvery;
    private final Directory directory;
    private final Clock clock;
    private final Map<UUID, Future<MeetingOwner>> owners = new ConcurrentHashMap<>();
    private volatile ClosedMeetingListener afterClose = ClosedMeetingListener.NONE;

    public Meetings(MeetingHosts hosts, EventStore store, SnapshotStore snapshots, Directory directory, Clock clock) {
        this(hosts, store, snapshots, MeetingOwner.SNAPSHOT_EVERY, directory, clock);
    }

    /** With snapshots every {@code snapshotEvery} events (tests take them sooner). */
    public Meetings(MeetingHosts hosts, EventStore store, SnapshotStore snapshots, int snapshotEvery, Directory directory,
                    Clock clock) {
        this.hosts = hosts;
        this.store = store;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Lets closed meetings that nobody follows leave memory, so a server for a whole province
     * holds only the meetings in use; a later visit loads one again from its log.
     */
    public Future<Integer> evictIdleClosed() {
        List<Future<Boolean>> checks = owners.entrySet().stream()
                .filter(e -> e.getValue().succeeded())
                .map(e -> e.getValue().result().isIdleAndClosed()
                        .map(idle -> idle && owners.remove(e.getKey(), e.getValue())))
                .toList();
        return Future.join(checks).map(all -> {
            int evicted = (int) checks.stream().filter(Future::result).count();
            if (evicted > 0) {
                LOG.info("{} closed meeting(s) nobody follows released from memory; {} loaded", evicted, owners.size());
            }
            return evicted;
        });
    }

    /** On a clean stop: every loaded meeting saves its state, so the next start has nothing to replay. */
    public Future<Integer> snapshotBeforeStop() {
        List<Future<Void>> saves = owners.values().stream().filter(Future::succeeded)
                .map(owner -> owner.result().snapshotBeforeStop()).toList();
        return Future.join(saves).map(all -> saves.size());
    }

    /** Who is told when a meeting's record grows after its close (set once, as the server starts). */
    public void afterClose(ClosedMeetingListener listener) {
        this.afterClose = listener;
    }

    public int loadedCount() {
        return owners.size();
    }

    public Future<MeetingOwner> get(UUID meetingId) {
        Future<MeetingOwner> owner = owners.computeIfAbsent(meetingId, this::load);
        return owner.onFailure(e -> owners.remove(meetingId, owner));
    }

    private Future<MeetingOwner> load(UUID meetingId) {
        Future<MeetingOwner> owner = MeetingOwner.load(meetingId, hosts, store, snapshots, snapshotEvery, clock,
                closed -> afterClose.recordedAfterClose(closed));
        // An owner handed out before its state was read is let go if reading it fails: the next screen tries again.
        owner.onSuccess(o -> o.stateRead().onFailure(e -> owners.remove(meetingId, owner)));
        return owner;
    }

    /** Rebuilds the meetings that were open or in progress when the server stopped. */
    public Future<Integer> recoverLive() {
        return directory.liveMeetings().compose(rows -> {
            List<Future<MeetingOwner>> loads = rows.stream().map(row -> get(row.id())).toList();
            return Future.join(loads).map(all -> loads.size());
        });
    }

    public Future<Created> create(UUID communeId, Setup setup) {
        Instant now = MeetingOwner.recordedNow(clock);
        Decision decision = MeetingRules.decide(MeetingState.NEW, new Command.CreateMeeting(setup),
                new Command.Context(Actor.ORGANISER, now));
        if (!decision.accepted()) {
            return Future.failedFuture(new Refused(decision.refusal()));
        }
        Event created = decision.events().get(0);
        MeetingState state = created.apply(MeetingState.NEW, now);
        return insert(communeId, created, state, now, 5);
    }

    private Future<Created> insert(UUID communeId, Event created, MeetingState state, Instant now, int triesLeft) {
        UUID meetingId = UUID.randomUUID();
        String joinCode = Secrets.newJoinCode();
        Map<Role, String> tokens = newTokens();
        MeetingSummary summary = MeetingOwner.summary(state);
        var row = new Directory.MeetingRow(meetingId, communeId, joinCode, summary.status(), summary.title(),
                summary.scheduledAt(), now, null);
        var first = new EventStore.NewEvent(1, TypeNames.EVENTS.nameOf(created), Json.write(created),
                Actor.ORGANISER.label(), now.atOffset(ZoneOffset.UTC), null,
                Published.staffPatchJson(StatePatch.between(MeetingState.NEW, state)), null);
        return directory.inTransaction(conn -> directory.insertMeeting(conn, row, hashed(tokens))
                        .compose(v -> store.append(conn, meetingId, List.of(first), null)))
                .map(v -> new Created(meetingId, joinCode, tokens))
                .recover(failure -> {
                    if (triesLeft > 1 && failure.getMessage() != null && failure.getMessage().contains("join_code")) {
                        return insert(communeId, created, state, now, triesLeft - 1);
                    }
                    return Future.failedFuture(failure);
                })
                .onSuccess(c -> LOG.info("Meeting {} created: «{}», join code {}", c.meetingId(), summary.title(), c.joinCode()));
    }

    /** New secret links for the chair, the secretary, the display and the door; the old ones stop working. */
    public Future<Map<Role, String>> replaceLinks(UUID meetingId) {
        Map<Role, String> tokens = newTokens();
        return directory.replaceTokens(meetingId, hashed(tokens)).map(v -> tokens);
    }

    private static Map<Role, String> newTokens() {
        var tokens = new EnumMap<Role, String>(Role.class);
        LINKED_ROLES.forEach(role -> tokens.put(role, Secrets.newToken()));
        return tokens;
    }

    private static Map<String, String> hashed(Map<Role, String> tokens) {
        var byHash = new LinkedHashMap<String, String>();
        tokens.forEach((role, token) -> byHash.put(Secrets.hash(token), role.name()));
        return byHash;
    }
}
