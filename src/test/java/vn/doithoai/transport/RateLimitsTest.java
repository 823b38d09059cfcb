package vn.doithoai.transport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import vn.doithoai.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The buckets: a burst, then a steady refill, per kind and address; this machine is never counted. */
class RateLimitsTest {

    @Test
    void twentyGuessesThenOneEverySixSecondsAndOtherAddressesAreNotTouched() {
        var clock = new MovableClock("2026-10-15T01:00:00Z");
        var limits = new RateLimits(clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limits.take(RateLimits.Kind.JOIN_GUESS, "203.0.113.7")).isZero();
        }
        assertThat(limits.take(RateLimits.Kind.JOIN_GUESS, "203.0.113.7")).isEqualTo(6);
        assertThat(limits.waitSeconds(RateLimits.Kind.JOIN_GUESS, "203.0.113.7")).isEqualTo(6);
        assertThat(limits.take(RateLimits.Kind.JOIN_GUESS, "203.0.113.8")).isZero();
        assertThat(limits.take(RateLimits.Kind.REGISTRATION, "203.0.113.7")).as("another kind").isZero();

        clock.advance(Duration.ofSeconds(3));
        assertThat(limits.waitSeconds(RateLimits.Kind.JOIN_GUESS, "203.0.113.7")).isEqualTo(3);
        clock.advance(Duration.ofSeconds(3));
        assertThat(limits.take(RateLimits.Kind.JOIN_GUESS, "203.0.113.7")).isZero();
        assertThat(limits.take(RateLimits.Kind.JOIN_GUESS, "203.0.113.7")).isPositive();
    }

    @Test
    void thisMachineIsNeverLimitedAndRefilledBucketsAreForgotten() {
        var clock = new MovableClock("2026-10-15T01:00:00Z");
        var limits = new RateLimits(clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.take(RateLimits.Kind.JOIN_GUESS, null)).isZero();
        }
        limits.take(RateLimits.Kind.NEW_ATTENDEE, "203.0.113.7");
        clock.advance(Duration.ofHours(1));
        limits.forgetIdle();
        for (int i = 0; i < 300; i++) {
            assertThat(limits.take(RateLimits.Kind.NEW_ATTENDEE, "203.0.113.7")).isZero();
        }
        assertThat(limits.take(RateLimits.Kind.NEW_ATTENDEE, "203.0.113.7")).isEqualTo(1);
    }
}
