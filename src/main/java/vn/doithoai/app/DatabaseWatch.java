package vn.doithoai.app;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks PostgreSQL every second whether it answers. While it does not, the health endpoint says so
 * (a monitor, or the operator, sees it at once instead of every command failing behind an "ok"),
 * an embedded server whose process is gone is started again, and the pools reconnect to an
 * external one by themselves when it is back. Meanwhile commands are refused as not stored, so
 * nothing is acknowledged that is not in the record.
 */
public final class DatabaseWatch {

    static final long EVERY_MS = 1000;
    private static final long ANSWER_WITHIN_MS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);

    private final Vertx vertx;
    private final Pool pool;
    private final Database database;
    private volatile boolean up = true;
    private long downSince;
    private boolean asking;
    private boolean starting;
    private long timer = -1;

    DatabaseWatch(Vertx vertx, Pool pool, Database database) {
        this.vertx = vertx;
        this.pool = pool;
        this.database = database;
    }

    void start() {
        timer = vertx.setPeriodic(EVERY_MS, id -> ask());
    }

    void stop() {
        vertx.cancelTimer(timer);
    }

    /** Whether PostgreSQL answered the latest question. */
    public boolean databaseUp() {
        return up;
    }

    private void ask() {
        if (asking) {
            return; // the previous question is still out
        }
        asking = true;
        pool.query("SELECT 1").execute().timeout(ANSWER_WITHIN_MS, TimeUnit.MILLISECONDS).onComplete(answer -> {
            asking = false;
            if (answer.succeeded()) {
                back();
            } else {
                down(answer.cause());
            }
        });
    }

    private void back() {
        if (!up) {
            up = true;
            LOG.info("doithoai: PostgreSQL answers again, after {} s; commands are stored again",
                    Duration.ofNanos(System.nanoTime() - downSince).toSeconds());
        }
    }

    private void down(Throwable cause) {
        if (up) {
            up = false;
            downSince = System.nanoTime();
            LOG.error("doithoai: PostgreSQL does not answer ({}); commands are refused until it does", cause.getMessage());
        }
        if (database.embedded() && !starting) {
            starting = true;
            vertx.executeBlocking(database::startAgainIfGone, false).onComplete(done -> starting = false);
        }
    }
}
