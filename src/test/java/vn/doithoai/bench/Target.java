package vn.doithoai.bench;

import io.vertx.pgclient.PgConnectOptions;

/**
 * The server under test: a forked {@code java -jar target/doithoai.jar} for the benchmark
 * ({@link ForkedServer}), or an in-process one for the smoke test ({@link InProcessServer}).
 */
interface Target extends AutoCloseable {

    int httpPort();

    /** Its PostgreSQL (the embedded one for a forked server), for reading back and for raw INSERTs. */
    PgConnectOptions pg();

    String adminSecret();

    /** The process id, or -1 in process (heap and RSS are then not the server's own). */
    long pid();

    /** Stops the server cleanly (SIGTERM for a forked one) and starts it again on the same data; returns the nanoTime just before the start. */
    long restart() throws Exception;

    /** Whether {@link #crashAndRestart} can be done (a forked server). */
    default boolean canCrash() {
        return false;
    }

    /**
     * Kills the server without warning (SIGKILL: no snapshot taken at the stop, its PostgreSQL
     * left running, as after the JVM crashed) and starts it again; returns the nanoTime just before the start.
     */
    default long crashAndRestart() throws Exception {
        throw new UnsupportedOperationException("only a forked server can crash");
    }

    /** Waits until /api/health answers; returns the nanoTime it first did. */
    long awaitHealthy(long timeoutMs) throws Exception;

    @Override
    void close();
}
