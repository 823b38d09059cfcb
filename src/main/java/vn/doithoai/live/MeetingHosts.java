package vn.doithoai.live;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event-loop contexts the meetings run on, one per event loop; a meeting always lands on the
 * same one, so its single writer never shares a thread with itself.
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
                }, new DeploymentOptions().setInstances(count))
                .map(id -> new MeetingHosts(contexts));
    }

    Context contextFor(UUID meetingId) {
        return contexts.get(Math.floorMod(meetingId.hashCode(), contexts.size()));
    }
}
