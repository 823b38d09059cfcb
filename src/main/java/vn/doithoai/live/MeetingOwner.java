package vn.doithoai.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.Decision;
import vn.doithoai.meeting.Event;
import vn.doithoai.meeting.MeetingRules;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.MeetingStatus;
import vn.doithoai.meeting.StatePatch;
import vn.doithoai.meeting.Turn;
import vn.doithoai.store.AppendConflict;
import vn.doithoai.store.EventStore;
import vn.doithoai.store.MeetingSummary;
import vn.doithoai.store.SnapshotStore;
import vn.doithoai.store.StoredEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of one meeting. Everything it does runs on its own Vert.x context, one thing
 * at a time, so it needs no locks. Commands wait in a queue; each round decides all waiting
 * commands against the state, appends their events in one transaction, and only when that is
 * committed applies them, publishes them to every screen and acknowledges the commands.
 * It also runs the meeting's clock: a timer set from the deadline in the state marks time-up.
 */
public final class MeetingOwner {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingOwner.class);
    /** How many recent events a reconnecting screen can catch up on before it gets a snapshot. */
    static final int RECENT_EVENTS = 1000;
    /** The most commands decided and committed together in one round. */
    static final int ROUND_SIZE = 500;
    /** How many events apart the state is saved as a snapshot, so a restart replays at most that many. */
    public static final int SNAPSHOT_EVERY = 1000;
    /**
     * The shape of a snapshot: raise it whenever {@code MeetingState}'s JSON, what an event does
     * to the state, or the shape of a state patch changes, and the old snapshots are ignored (the
     * log is replayed instead). Staff patches stored with the events are shown after a snapshot
     * only, so an old one never reaches a screen that expects the new shape.
     */
    static final int SNAPSHOT_FORMAT = 5;

    /**
     * {@code commandId}: the sender's own id with the sender's label before it, so that an id
     * counts once per sender; {@code fingerprint}: of the command's name and arguments.
     */
    private record Pending(Command command, Actor actor, String commandId, String fingerprint, Promise<CommandResult> answer) {
    }

    private record FeedKey(io.netty.channel.EventLoop loop, boolean staff) {
        static FeedKey of(Subscriber screen) {
            return new FeedKey(screen.loop(), screen.viewer().role().isStaff());
        }
    }

    private record Decided(long seq, Event event, Actor actor, String commandId, String payload, StatePatch patch,
                           String staffPatch, String fingerprint) {
    }

    private final UUID id;
    private final Context context;
    /** The store on this context's own connections: appends are made and answered on its thread. */
    private final EventStore writer;
    private final Vertx vertx;
    private final WorkerExecutor snapshotWork;
    private final EventStore store;
    private final SnapshotStore snapshots;
    private final int snapshotEvery;
    private final Clock clock;
    private final ClosedMeetingListener afterClose;

    private MeetingState state = MeetingState.NEW;
    private long lastSeq;
    private long snapshotSeq;
    /** The latest snapshot's save, which a stop waits for. */
    private Future<Void> snapshotSaved = Future.succeededFuture();
    private final Map<String, CommandResult> answered = new HashMap<>();
    /** The fingerprint of each answered command, where it is known (not for those stored before fingerprints). */
    private final Map<String, String> fingerprints = new HashMap<>();
    private final ArrayDeque<Published> recent = new ArrayDeque<>();
    /** The last round published, whose renderings the screens may still be reading. */
    private List<Published> lastRound = List.of();
    /**
     * Screens by the event loop they live on, staff apart from the hall: one feed each, merging
     * rounds when it is behind; the hall's feed is also paced (see {@link ScreenFeed#HALL_PACE_MS}).
     */
    private final Map<FeedKey, ScreenFeed> feeds = new HashMap<>();
    private int screenCount;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    /** How long a round's commit may take before its commands are answered as not confirmed. */
    static final long APPEND_WITHIN_MS = 5000;
    /**
     * Set while the state is read back from a snapshot that holds the whole log: its text, which
     * staff screens are sent as it is, and what waits for the state. Null once the state is in memory.
     */
    private Restoring restoring;
    /** Why the state could not be read after the owner was handed out; then every caller is told. */
    private Throwable broken;
    private boolean writing;
    private long timeUpTimer = -1;

    private MeetingOwner(UUID id, MeetingHosts hosts, EventStore store, SnapshotStore snapshots, int snapshotEvery,
                         Clock clock, ClosedMeetingListener afterClose) {
        this.id = id;
        this.context = hosts.contextFor(id);
        this.writer = hosts.writerFor(id);
        this.vertx = context.owner();
        this.snapshotWork = hosts.snapshotWork();
        this.store = store;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.clock = clock;
        this.afterClose = afterClose;
    }

    /**
     * A state being read back: the latest snapshot as stored and the events after it, each with
     * the patch staff screens were sent for it, which is what staff screens are sent meanwhile.
     */
    private static final class Restoring {
        /** The state's JSON as stored (UTF-8), as of {@link #snapshotSeq}. */
        final byte[] storedState;
        final long snapshotSeq;
        final List<StoredEvent> after;
        final Promise<Void> stateInMemory = Promise.promise();
        /** The text could not be parsed and the log was replayed instead: staff screens are welcomed again. */
        boolean storedStateUnreadable;

        Restoring(byte[] storedState, long snapshotSeq, List<StoredEvent> after) {
            this.storedState = storedState;
            this.snapshotSeq = snapshotSeq;
            this.after = after;
        }

        long logEnd() {
            return after.isEmpty() ? snapshotSeq : after.get(after.size() - 1).seq();
        }
    }

    /**
     * Rebuilds a meeting from its latest snapshot and the events after it; it then runs on
     * {@code context}. The owner is handed out as soon as the events after the snapshot are read,
     * before the state is parsed and they are replayed, which on a cold start takes a second for
     * a long meeting: staff screens get the snapshot's text and those events with the patches
     * they were sent, and commands, reads and the hall's screens wait for the state. After a
     * clean stop the snapshot holds the whole log; after a crash, up to {@link #SNAPSHOT_EVERY}
     * events follow it. Events stored without their staff patch (by an older version) are
     * replayed first.
     */
    static Future<MeetingOwner> load(UUID id, MeetingHosts hosts, EventStore store, SnapshotStore snapshots,
                                     int snapshotEvery, Clock clock, ClosedMeetingListener afterClose) {
        var owner = new MeetingOwner(id, hosts, store, snapshots, snapshotEvery, clock, afterClose);
        Promise<MeetingOwner> handedOut = Promise.promise();
        owner.context.runOnContext(v -> owner.rebuild(() -> handedOut.tryComplete(owner)).onComplete(done -> {
            if (done.succeeded()) {
                handedOut.tryComplete(owner);
            } else if (!handedOut.tryFail(done.cause())) {
                owner.couldNotRestore(done.cause());
            }
        }));
        return handedOut.future();
    }

    private Future<Void> rebuild(Runnable presentable) {
        long started = System.nanoTime();
        // Read while the snapshot comes: the events after it, or the whole log if there is none.
        Future<EventStore.AfterSnapshot> afterLatest = store.afterLatestSnapshot(id, SNAPSHOT_FORMAT);
        Future<Map<String, String>> storedFingerprints = store.fingerprints(id);
        return snapshots.latest(id, SNAPSHOT_FORMAT)
                .compose(latest -> {
                    long seq = latest.map(SnapshotStore.Snapshot::seq).orElse(0L);
                    // Another snapshot may have landed between the two reads (the meeting's last
                    // owner saving one as it was let go): then the events after the one read.
                    Future<List<StoredEvent>> after = afterLatest.compose(a -> a.snapshotSeq() == seq
                            ? Future.succeededFuture(a.events()) : store.load(id, seq));
                    return latest.isEmpty() ? after : fromSnapshot(latest.get(), after, presentable);
                })
                .compose(tail -> {
                    long read = System.nanoTime();
                    return replay(tail).transform(replayed -> {
                        if (replayed.failed()) {
                            return Future.failedFuture(new IllegalStateException("the log of meeting " + id
                                    + " cannot be read: " + replayed.cause().getMessage()));
                        }
                        scheduleTimeUp();
                        LOG.info("Meeting {} loaded: {} event(s), {} ({}, read in {} ms, {} event(s) replayed in {} ms)",
                                id, lastSeq, state.status(), snapshotSeq > 0 ? "from the snapshot at event " + snapshotSeq : "no snapshot",
                                (read - started) / 1_000_000, tail.size(), (System.nanoTime() - read) / 1_000_000);
                        snapshotIfDue(false);
                        return storedFingerprints.map(stored -> {
                            fingerprints.putAll(stored);
                            stateInMemory();
                            return (Void) null;
                        });
                    });
                });
    }

    /**
     * The state from the snapshot, and the events after it still to replay (the whole log if the
     * snapshot cannot be read). Once those events are read, the owner is presentable while the state is parsed.
     */
    private Future<List<StoredEvent>> fromSnapshot(SnapshotStore.Snapshot snapshot, Future<List<StoredEvent>> after,
                                                   Runnable presentable) {
        // Parsed on another thread while the events after it and the command ids it covers are read.
        Future<MeetingState> parsed = snapshotWork.executeBlocking(() -> Json.read(snapshot.state(), MeetingState.class), false);
        Future<List<EventStore.AnsweredCommand>> commands = store.answered(id, snapshot.seq());
        lastSeq = snapshot.seq(); // until the text proves unreadable
        snapshotSeq = snapshot.seq();
        return after.compose(tail -> {
            if (tail.stream().allMatch(e -> e.staffPatch() != null)) {
                restoring = new Restoring(snapshot.state(), snapshot.seq(), tail);
                presentable.run();
            }
            return parsed.transform(read -> {
                if (read.failed()) {
                    LOG.warn("Meeting {}: its snapshot at event {} cannot be read ({}); replaying the whole log", id,
                            snapshot.seq(), firstLine(read.cause().getMessage()));
                    lastSeq = 0;
                    snapshotSeq = 0;
                    if (restoring != null) {
                        restoring.storedStateUnreadable = true;
                    }
                    return store.load(id, 0);
                }
                state = read.result();
                return commands.map(stored -> {
                    stored.forEach(c -> answered.put(c.commandId(), CommandResult.stored(c.firstSeq(), c.lastSeq())));
                    return tail;
                });
            });
        });
    }

    /** Jackson's messages go on with where in the input, on lines of their own: one line for the log. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The screens, reads and commands that waited for the state go on, in the order they came. */
    private void stateInMemory() {
        Restoring was = restoring;
        if (was == null) {
            return;
        }
        restoring = null;
        if (was.storedStateUnreadable) {
            CatchUp asReplayed = new CatchUp(lastSeq, List.of(), state);
            feeds.forEach((key, feed) -> {
                if (key.staff()) {
                    feed.welcomeAgain(asReplayed);
                }
            });
        }
        was.stateInMemory.complete();
        decideWaiting();
    }

    /** Handed out, but its state could not be read after all: what waits is told, and so is every later caller. */
    private void couldNotRestore(Throwable cause) {
        LOG.error("Meeting {} could not be rebuilt from its log: {}", id, cause.getMessage());
        broken = cause;
        Restoring was = restoring;
        restoring = null;
        if (was != null) {
            was.stateInMemory.fail(cause);
        }
        waiting.forEach(p -> p.answer().fail(cause));
        waiting.clear();
        // Staff screens were welcomed with the state as saved; they would wait for events that never come.
        feeds.values().forEach(ScreenFeed::meetingUnavailable);
        feeds.clear();
        screenCount = 0;
    }

    /** Completes when the state is in memory; fails if it could not be read. */
    Future<Void> stateRead() {
        Promise<Void> read = Promise.promise();
        context.runOnContext(v -> whenStateInMemory().onComplete(read));
        return read.future();
    }

    /** On the owner's context. */
    private Future<Void> whenStateInMemory() {
        if (broken != null) {
            return Future.failedFuture(broken);
        }
        return restoring == null ? Future.succeededFuture() : restoring.stateInMemory.future();
    }

    /**
     * Every {@link #snapshotEvery} events, and when the meeting has just closed, the state is
     * saved as a snapshot. The state is immutable, so it is written out on another thread while
     * the next rounds are decided (a few thousand registrations take tens of milliseconds that
     * the owner would otherwise stand still). If the save fails, the next one is taken
     * {@link #snapshotEvery} events later and nothing else changes.
     */
    private void snapshotIfDue(boolean justClosed) {
        if (lastSeq - snapshotSeq >= snapshotEvery || (justClosed && lastSeq != snapshotSeq)) {
            takeSnapshot();
        }
    }

    /**
     * On a clean stop: the state as committed, so the next start reads it instead of replaying
     * up to {@link #snapshotEvery} events, and can show it to staff screens as it is stored.
     */
    Future<Void> snapshotBeforeStop() {
        Promise<Void> saved = Promise.promise();
        context.runOnContext(v -> {
            if (restoring != null && restoring.after.isEmpty()) {
                saved.complete(); // being read back from a snapshot of the whole log: nothing new to save
                return;
            }
            // After a crash, the events after the snapshot are saved once replayed. The latest
            // snapshot may still be on its way, or have failed (then it is taken again).
            whenStateInMemory().compose(x -> lastSeq == snapshotSeq ? snapshotSaved.recover(e -> takeSnapshot())
                    : takeSnapshot()).onComplete(saved);
        });
        return saved.future();
    }

    private Future<Void> takeSnapshot() {
        long seq = lastSeq;
        snapshotSeq = seq;
        MeetingState taken = state;
        // After the one before it, so an older snapshot never lands after a newer one.
        snapshotSaved = snapshotSaved.transform(before -> snapshotWork.executeBlocking(() -> Json.write(taken), false))
                .compose(text -> snapshots.save(id, seq, SNAPSHOT_FORMAT, text)).onFailure(e ->
                LOG.warn("Meeting {}: the snapshot at event {} was not saved: {}", id, seq, e.getMessage()));
        return snapshotSaved;
    }

    /** Now, as the log keeps it: PostgreSQL stores microseconds, and the live state must be what a replay builds. */
    static Instant recordedNow(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    /** Decides, stores and publishes; the answer comes after the events are durably stored. */
    public Future<CommandResult> submit(Command command, Actor actor, String commandId) {
        Promise<CommandResult> answer = Promise.promise();
        context.runOnContext(v -> {
            if (broken != null) {
                answer.fail(broken);
                return;
            }
            waiting.add(commandId == null ? new Pending(command, actor, null, null, answer)
                    : new Pending(command, actor, actor.label() + "|" + commandId, CommandFingerprint.of(command), answer));
            decideWaiting();
        });
        return answer.future();
    }

    /** Adds a screen: it first gets what it missed since {@code lastSeen} (null: everything). */
    public Future<Void> join(Subscriber subscriber, Long lastSeen) {
        Promise<Void> joined = Promise.promise();
        context.runOnContext(v -> {
            Future<Void> ready = answerableNow(subscriber, lastSeen) ? Future.succeededFuture() : whenStateInMemory();
            ready.onSuccess(x -> addScreen(subscriber, lastSeen)).onComplete(joined);
        });
        return joined.future();
    }

    /** While the state is read back, a staff screen gets it as stored, and one that saw it all needs none of it. */
    private boolean answerableNow(Subscriber subscriber, Long lastSeen) {
        return broken == null
                && (restoring == null || subscriber.viewer().role().isStaff() || Objects.equals(lastSeen, restoring.logEnd()));
    }

    private void addScreen(Subscriber subscriber, Long lastSeen) {
        // Through the same feed as later events: the welcome comes first.
        feeds.computeIfAbsent(FeedKey.of(subscriber), key -> key.staff() ? ScreenFeed.forStaff(subscriber.context())
                        : ScreenFeed.forHall(subscriber.context()))
                .join(subscriber, catchUp(lastSeen));
        screenCount++;
    }

    public void leave(Subscriber subscriber) {
        context.runOnContext(v -> {
            FeedKey key = FeedKey.of(subscriber);
            ScreenFeed feed = feeds.get(key);
            if (feed != null && feed.leave(subscriber)) {
                screenCount--;
                if (feed.isEmpty()) {
                    feeds.remove(key);
                }
            }
        });
    }

    /** The state as committed now, with its sequence. */
    public Future<CatchUp> read() {
        Promise<CatchUp> read = Promise.promise();
        context.runOnContext(v -> whenStateInMemory().map(x -> new CatchUp(lastSeq, List.of(), state)).onComplete(read));
        return read.future();
    }

    /** Whether this closed meeting can leave memory: nobody follows it and nothing is under way. */
    Future<Boolean> isIdleAndClosed() {
        Promise<Boolean> idle = Promise.promise();
        context.runOnContext(v -> idle.complete(restoring == null && state.status() == MeetingStatus.CLOSED
                && screenCount == 0 && waiting.isEmpty() && !writing));
        return idle.future();
    }

    private CatchUp catchUp(Long lastSeen) {
        if (restoring != null) { // only what answerableNow lets through
            return Objects.equals(lastSeen, restoring.logEnd()) ? new CatchUp(restoring.logEnd(), List.of(), null)
                    : CatchUp.storedState(restoring.snapshotSeq, restoring.storedState, restoring.after);
        }
        long oldestKept = recent.isEmpty() ? lastSeq + 1 : recent.peekFirst().seq();
        if (lastSeen == null || lastSeen > lastSeq || lastSeen + 1 < oldestKept) {
            return new CatchUp(lastSeq, List.of(), state);
        }
        var missed = new ArrayList<Published>();
        for (Published p : recent) {
            if (p.seq() > lastSeen) {
                missed.add(p);
            }
        }
        return new CatchUp(lastSeq, missed, null);
    }

    // ---- one round: decide, store, then apply and publish ------------------------------------

    private void decideWaiting() {
        if (writing || restoring != null || waiting.isEmpty()) {
            return;
        }
        Instant now = recordedNow(clock);
        MeetingState next = state;
        long seq = lastSeq;
        var round = new ArrayList<Pending>();
        var results = new ArrayList<CommandResult>();
        var decided = new ArrayList<Decided>();
        var answeredThisRound = new HashMap<String, CommandResult>();
        var fingerprintsThisRound = new HashMap<String, String>();
        while (!waiting.isEmpty() && round.size() < ROUND_SIZE) {
            Pending p = waiting.poll();
            round.add(p);
            if (p.commandId() != null && (answered.containsKey(p.commandId()) || answeredThisRound.containsKey(p.commandId()))) {
                String first = fingerprints.getOrDefault(p.commandId(), fingerprintsThisRound.get(p.commandId()));
                results.add(first == null || first.equals(p.fingerprint()) ? null : CommandResult.idReused());
                continue;
            }
            Applied its;
            try {
                Decision decision = MeetingRules.decide(next, p.command(), new Command.Context(p.actor(), now));
                if (!decision.accepted()) {
                    results.add(CommandResult.refused(decision.refusal()));
                    continue;
                }
                its = applied(next, seq, decision.events(), p, now);
            } catch (RuntimeException e) {
                // A rule that throws is a bug, but it is this command's alone: the others of the
                // round are decided and answered as if it had never come.
                LOG.error("Meeting {}: {} from {} failed in the rules and was refused: {}", id,
                        p.command().getClass().getSimpleName(), p.actor().label(), e.toString());
                results.add(CommandResult.failedInRules());
                continue;
            }
            long first = seq + 1;
            decided.addAll(its.events());
            seq += its.events().size();
            next = its.after();
            CommandResult stored = CommandResult.stored(first, seq);
            results.add(stored);
            if (p.commandId() != null) {
                answeredThisRound.put(p.commandId(), stored);
                fingerprintsThisRound.put(p.commandId(), p.fingerprint());
            }
        }
        if (decided.isEmpty()) {
            answer(round, results, answeredThisRound);
            scheduleTimeUp();
            decideWaiting();
            return;
        }
        writing = true;
        MeetingState decidedState = next;
        // Bounded: a PostgreSQL that stops answering (paused, a dead link) must not hold the meeting's commands.
        writer.append(id, rows(decided, now), summaryIfChanged(state, decidedState))
                .timeout(APPEND_WITHIN_MS, TimeUnit.MILLISECONDS).onComplete(appended -> {
            writing = false;
            if (appended.succeeded()) {
                committed(state, decidedState, decided, now);
                answer(round, results, answeredThisRound);
                scheduleTimeUp();
                decideWaiting();
            } else {
                notCommitted(appended.cause(), round, results);
            }
        });
    }

    private record Applied(List<Decided> events, MeetingState after) {
    }

    /** One command's events applied in turn from {@code state}; throws if a rule does (nothing is kept then). */
    private static Applied applied(MeetingState state, long seq, List<Event> events, Pending p, Instant now) {
        var out = new ArrayList<Decided>(events.size());
        MeetingState next = state;
        for (Event event : events) {
            MeetingState before = next;
            next = event.apply(next, now);
            StatePatch patch = StatePatch.between(before, next);
            out.add(new Decided(++seq, event, p.actor(), p.commandId(), Json.write(event), patch,
                    Published.staffPatchJson(patch), p.fingerprint()));
        }
        return new Applied(out, next);
    }

    private void committed(MeetingState before, MeetingState decidedState, List<Decided> decided, Instant now) {
        state = decidedState;
        lastSeq = decided.get(decided.size() - 1).seq();
        var published = new ArrayList<Published>(decided.size());
        for (Decided d : decided) {
            Published p = new Published(d.seq(), now, d.actor(), d.event(), d.payload(), d.patch(), d.staffPatch());
            remember(p);
            published.add(p);
        }
        published.forEach(this::logMilestone);
        // The round before drops its renderings (the text and bytes per audience, several KB an
        // event): kept in `recent` they outlived young collections, 100 events a second in the
        // fan-out benchmark, and copying them made most of a young pause. A screen still behind,
        // or one catching up, renders them again.
        lastRound.forEach(Published::forgetRenderings);
        lastRound = published;
        var round = new Round(published, before, decidedState);
        feeds.values().forEach(feed -> feed.publish(round));
        snapshotIfDue(before.status() != MeetingStatus.CLOSED && state.status() == MeetingStatus.CLOSED);
        if (state.status() == MeetingStatus.CLOSED) {
            tellAfterClose();
        }
    }

    private void tellAfterClose() {
        try {
            afterClose.recordedAfterClose(id);
        } catch (RuntimeException e) {
            LOG.error("Meeting {}: what follows its close could not be started: {}", id, e.toString());
        }
    }

    /** The moments an operator wants in the log; the rest is in the record. */
    private void logMilestone(Published p) {
        Event e = p.event();
        if (e instanceof Event.RegistrationOpened || e instanceof Event.MeetingStarted
                || e instanceof Event.MeetingClosed || e instanceof Event.SetupChanged) {
            LOG.info("Meeting {} «{}»: {} (event {}, by {})", id, state.setup().title(),
                    TypeNames.EVENTS.nameOf(e), p.seq(), p.actor().role().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The round's events are not known to be stored. A conflict means the log moved on without us
     * (another writer, or a commit of ours whose answer was lost on the way): what is stored is read
     * back and the round decided again, so that a command already in the log is answered as it was
     * stored. Otherwise the round's commands are told: not stored when PostgreSQL refused the
     * statement, not confirmed when its answer never came (the same command resent is applied once).
     */
    private void notCommitted(Throwable cause, List<Pending> round, List<CommandResult> results) {
        if (cause instanceof AppendConflict) {
            LOG.warn("Meeting {}: the log has events this owner did not know of; reading them and deciding {} command(s) again",
                    id, round.size());
            for (int i = round.size() - 1; i >= 0; i--) {
                waiting.addFirst(round.get(i));
            }
            writing = true;
            store.load(id, lastSeq).compose(this::replayAndPublish).onComplete(reloaded -> {
                writing = false;
                if (reloaded.failed()) {
                    LOG.error("Meeting {}: its log cannot be read: {}", id, reloaded.cause().getMessage());
                }
                decideWaiting();
            });
            return;
        }
        boolean refusedByDatabase = EventStore.isRefusedByDatabase(cause);
        CommandResult failure = refusedByDatabase ? CommandResult.notStored() : CommandResult.notConfirmed();
        var failed = new ArrayList<CommandResult>(results.size());
        for (CommandResult r : results) {
            failed.add(r != null && r.accepted() ? failure : r);
        }
        answer(round, failed, Map.of());
        LOG.warn("Meeting {}: {} command(s) {}: {}", id, round.size(),
                refusedByDatabase ? "not stored, nothing changed" : "not confirmed stored", cause.getMessage());
        decideWaiting();
    }

    private void answer(List<Pending> round, List<CommandResult> results, Map<String, CommandResult> thisRound) {
        for (int i = 0; i < round.size(); i++) {
            Pending p = round.get(i);
            CommandResult result = results.get(i);
            if (result == null) {
                CommandResult first = Objects.requireNonNullElse(answered.get(p.commandId()), thisRound.get(p.commandId()));
                result = first == null ? CommandResult.notStored() : first.asDuplicate();
            } else if (result.accepted() && p.commandId() != null) {
                answered.put(p.commandId(), result);
                if (p.fingerprint() != null) {
                    fingerprints.put(p.commandId(), p.fingerprint());
                }
            }
            p.answer().complete(result);
        }
    }

    // ---- the clock --------------------------------------------------------------------------

    /** One timer at most, for the running slot's deadline; a restarted server sets it again. */
    private void scheduleTimeUp() {
        if (timeUpTimer >= 0) {
            vertx.cancelTimer(timeUpTimer);
            timeUpTimer = -1;
        }
        Turn t = state.floor();
        if (t == null || t.phase() != Turn.Phase.RUNNING || t.timeUp()) {
            return;
        }
        long delay = Math.max(1, Duration.between(clock.instant(), t.deadline()).toMillis() + 1);
        int turnId = t.id();
        timeUpTimer = vertx.setTimer(delay, timer -> {
            timeUpTimer = -1;
            waiting.add(new Pending(new Command.MarkTimeUp(turnId), Actor.SERVER, null, null, Promise.promise()));
            decideWaiting();
        });
    }

    // ---- the log ----------------------------------------------------------------------------

    /**
     * The events applied to the state on the snapshot pool, then taken on this context; nothing
     * changes if one cannot be read. Nothing else may change the state meanwhile: the owner is not
     * handed out yet, or its state is being restored, or it is writing.
     */
    private Future<Void> replay(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture();
        }
        MeetingState from = state;
        long fromSeq = lastSeq;
        return snapshotWork.executeBlocking(() -> Replay.of(from, fromSeq, events, RECENT_EVENTS), false)
                .map(replayed -> {
                    state = replayed.state();
                    lastSeq = replayed.lastSeq();
                    replayed.recent().forEach(this::remember);
                    replayed.answered().forEach((commandId, span) -> answered.merge(commandId, span,
                            (earlier, later) -> CommandResult.stored(earlier.firstSeq(), later.lastSeq())));
                    return null;
                });
    }

    /** Events stored while this owner did not know of them: taken into the state, and sent to the screens like a round. */
    private Future<Void> replayAndPublish(List<StoredEvent> events) {
        MeetingState before = state;
        return replay(events).map(v -> {
            List<Published> found = new ArrayList<>(recent).subList(Math.max(0, recent.size() - events.size()), recent.size());
            if (!found.isEmpty() && found.size() == events.size()) {
                var round = new Round(found, before, state);
                feeds.values().forEach(feed -> feed.publish(round));
            }
            return null;
        });
    }

    private void remember(Published p) {
        recent.addLast(p);
        if (recent.size() > RECENT_EVENTS) {
            recent.removeFirst();
        }
    }

    private static List<EventStore.NewEvent> rows(List<Decided> decided, Instant now) {
        var rows = new ArrayList<EventStore.NewEvent>(decided.size());
        for (Decided d : decided) {
            rows.add(new EventStore.NewEvent(d.seq(), TypeNames.EVENTS.nameOf(d.event()), d.payload(),
                    d.actor().label(), now.atOffset(ZoneOffset.UTC), d.commandId(), d.staffPatch(), d.fingerprint()));
        }
        return rows;
    }

    static MeetingSummary summary(MeetingState s) {
        return new MeetingSummary(s.status().name(), s.setup().title(), s.setup().scheduledAt(), s.closedAt());
    }

    private static MeetingSummary summaryIfChanged(MeetingState before, MeetingState after) {
        MeetingSummary next = summary(after);
        return before.setup() != null && next.equals(summary(before)) ? null : next;
    }
}
