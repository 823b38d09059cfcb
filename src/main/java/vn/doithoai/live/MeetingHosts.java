package vn.doithoai.live;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The contexts the meetings run on; a meeting always lands on the same one. They are worker
 * contexts: each still runs one task at a time, in order (a meeting's single writer stays single),
 * but on threads of their own, so deciding and committing never wait behind the event loops'
 * writes to thousands of screens. Snapshots are written out and read back on a small pool of
 * their own: it is CPU work (most of a second for a long meeting on a cold start), so more
 * threads than cores gain nothing, and apart it never keeps a meeting's own thread waiting.
 */
public final class MeetingHosts {

    /** The snapshot pool, by name (Vert.x shares a named pool). */
    public static final String SNAPSHOT_POOL = "doithoai-snapshots";
    public static final int SNAPSHOT_THREADS = 2;

    private final List<Context> contexts;
    private final WorkerExecutor snapshotWork;

    private MeetingHosts(List<Context> contexts, WorkerExecutor snapshotWork) {
        this.contexts = List.copyOf(contexts);
        this.snapshotWork = snapshotWork;
    }

    public static Future<MeetingHosts> deploy(Vertx vertx, int count) {
        var contexts = new CopyOnWriteArrayList<Context>();
        return vertx.deployVerticle(() -> new VerticleBase() {
                    @Override
                    public Future<?> start() {
                        contexts.add(context);
                        return Future.succeededFuture();
                    }
                }, new DeploymentOptions().setInstances(count).setThreadingModel(ThreadingModel.WORKER))
                .map(id -> new MeetingHosts(contexts, vertx.createSharedWorkerExecutor(SNAPSHOT_POOL, SNAPSHOT_THREADS)));
    }

    Context contextFor(UUID meetingId) {
        return contexts.get(Math.floorMod(meetingId.hashCode(), contexts.size()));
    }

    WorkerExecutor snapshotWork() {
        return snapshotWork;
    }
}
