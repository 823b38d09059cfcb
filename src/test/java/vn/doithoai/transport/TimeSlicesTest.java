package vn.doithoai.transport;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The server time goes to a loop's screens a slice at a time, every screen once per cycle. */
class TimeSlicesTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void eachTickSendsTheTimeToOneSliceAndEveryScreenGetsItOncePerCycle() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
        // What each of six screens got; written on the loop's thread, read here after the loop is done with them.
        List<List<SharedText>> got = new ArrayList<>();
        var removeFirst = new CompletableFuture<Runnable>();
        vertx.runOnContext(v -> {
            var time = new TimeSlices(vertx, clock, 600, 3); // a tick every 200 ms
            for (int i = 0; i < 6; i++) {
                List<SharedText> frames = Collections.synchronizedList(new ArrayList<>());
                got.add(frames);
                Runnable remove = time.add(frames::add);
                if (i == 0) {
                    removeFirst.complete(remove);
                }
            }
        });
        Runnable removeScreen0 = removeFirst.get(5, TimeUnit.SECONDS);
        awaitTrue(() -> got.stream().allMatch(frames -> frames.size() >= 2)); // two cycles

        // Screens joined in turn: 0 and 3 share a slice, 1 and 4, 2 and 5.
        for (List<SharedText> frames : got) {
            assertThat(frames.get(0)).hasToString(Frames.time(clock.millis()));
        }
        Map<SharedText, Integer> screensPerFrame = new IdentityHashMap<>();
        got.forEach(frames -> new ArrayList<>(frames).forEach(f -> screensPerFrame.merge(f, 1, Integer::sum)));
        assertThat(screensPerFrame.values()).as("each tick's frame goes to one slice: two of the six screens")
                .allMatch(n -> n == 2);
        assertThat(got.get(0).get(0)).isSameAs(got.get(3).get(0));
        assertThat(got.get(0).get(0)).isNotSameAs(got.get(1).get(0));

        CompletableFuture<Integer> before = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            removeScreen0.run();
            before.complete(got.get(0).size());
        });
        int framesAtRemoval = before.get(5, TimeUnit.SECONDS);
        int slice3Before = got.get(3).size();
        awaitTrue(() -> got.get(3).size() >= slice3Before + 2); // two more cycles
        assertThat(got.get(0)).as("a screen taken out gets no more").hasSize(framesAtRemoval);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
