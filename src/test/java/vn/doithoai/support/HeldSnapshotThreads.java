package vn.doithoai.support;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import vn.doithoai.live.MeetingHosts;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot pool's threads kept busy until closed, so a meeting's stored state waits to be
 * read back while the meetings' own threads, the event loops and the database go on: what a
 * long meeting's cold start looks like, made certain.
 */
public final class HeldSnapshotThreads implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final WorkerExecutor pool;

    public HeldSnapshotThreads(Vertx vertx) throws InterruptedException {
        pool = vertx.createSharedWorkerExecutor(MeetingHosts.SNAPSHOT_POOL, MeetingHosts.SNAPSHOT_THREADS);
        var running = new CountDownLatch(MeetingHosts.SNAPSHOT_THREADS);
        for (int i = 0; i < MeetingHosts.SNAPSHOT_THREADS; i++) {
            pool.executeBlocking(() -> {
                running.countDown();
                return release.await(60, TimeUnit.SECONDS);
            }, false);
        }
        assertThat(running.await(10, TimeUnit.SECONDS)).as("every snapshot thread held").isTrue();
    }

    @Override
    public void close() {
        release.countDown();
        pool.close();
    }
}
