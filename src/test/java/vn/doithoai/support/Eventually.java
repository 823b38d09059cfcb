package vn.doithoai.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the server does after answering (a projection, a message sent): at most 15 s, asking every 100 ms. */
public final class Eventually {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    private Eventually() {
    }

    public static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
