package vn.doithoai.live;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The contexts the meetings run on; a meeting always lands on the same one. They are worker
 * contexts: each still runs one task at a time, in order (a meeting's single writer stays single),
 * but on threads of their own, so deciding and committing never wait behind the event loops'
 * writes to thousands of screens.
 */
public final class MeetingHosts {

    private final List<Context> contexts;

    private MeetingHosts(List<Context> contexts) {
        this.contexts = List.copyOf(contexts);
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
                .map(id -> new MeetingHosts(contexts));
    }

    Context contextFor(UUID meetingId) {
        return contexts.get(Math.floorMod(meetingId.hashCode(), contexts.size()));
    }
}
