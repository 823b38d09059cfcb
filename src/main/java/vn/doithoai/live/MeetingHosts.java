package vn.doithoai.live;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import vn.doithoai.store.EventStore;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The contexts the meetings run on; a meeting always lands on the same one. Each is an event loop
 * (of the meetings' own Vert.x, see Server) with a small pool of PostgreSQL connections of its
 * own, made on that loop: a meeting's commit is written, answered and handled on one thread, with
 * no hand-over to another thread and back. On two shared cores each hand-over waits its turn for a
 * core; the fan-out benchmark's last-screen p99 fell from 61 and 108 ms (worker contexts sharing
 * one pool) to 37 and 73 ms (alternate runs). Snapshots are written out and read back on a small
 * pool of threads of their own: it is CPU work (most of a second for a long meeting on a cold
 * start), so more threads than cores gain nothing, and apart it never holds up a loop.
 */
public final class MeetingHosts {

    /** The snapshot pool, by name (Vert.x shares a named pool). */
    public static final String SNAPSHOT_POOL = "doithoai-snapshots";
    public static final int SNAPSHOT_THREADS = 2;

    /** How many connections each loop's pool may open: one round in flight while the next is sent. */
    public static final int WRITER_CONNECTIONS = 2;

    private record Host(Context context, EventStore writer) {
    }

    private final List<Host> hosts;
    private final WorkerExecutor snapshotWork;

    private MeetingHosts(List<Host> hosts, WorkerExecutor snapshotWork) {
        this.hosts = List.copyOf(hosts);
        this.snapshotWork = snapshotWork;
    }

    /**
     * {@code count} event-loop contexts; {@code writerOnThisLoop} is called on each of them, and its
     * pool's connections are made on the loop that first asks for them, which is that one.
     */
    public static Future<MeetingHosts> deploy(Vertx vertx, int count, Supplier<EventStore> writerOnThisLoop) {
        var hosts = new CopyOnWriteArrayList<Host>();
        return vertx.deployVerticle(() -> new VerticleBase() {
                    @Override
                    public Future<?> start() {
                        hosts.add(new Host(context, writerOnThisLoop.get()));
                        return Future.succeededFuture();
                    }
                }, new DeploymentOptions().setInstances(count).setThreadingModel(ThreadingModel.EVENT_LOOP))
                .map(id -> new MeetingHosts(hosts, vertx.createSharedWorkerExecutor(SNAPSHOT_POOL, SNAPSHOT_THREADS)));
    }

    Context contextFor(UUID meetingId) {
        return hostOf(meetingId).context();
    }

    /** Where the meeting's events are appended: the pool of the loop it runs on. */
    EventStore writerFor(UUID meetingId) {
        return hostOf(meetingId).writer();
    }

    private Host hostOf(UUID meetingId) {
        return hosts.get(Math.floorMod(meetingId.hashCode(), hosts.size()));
    }

    WorkerExecutor snapshotWork() {
        return snapshotWork;
    }
}
