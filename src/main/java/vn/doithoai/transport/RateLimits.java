package vn.doithoai.transport;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one address may do what a guesser or a spammer would do in a loop. Each kind is a
 * bucket per address that holds a burst and refills at a steady rate; an empty bucket says how many
 * seconds until the next try. The bursts are wide on purpose: a whole hall of phones may reach the
 * server from one address (the commune's Wi-Fi behind one router).
 *
 * <ul>
 *   <li>{@link Kind#JOIN_GUESS}: join codes that opened nothing. 20, then one every 6 s: finding a
 *       meeting's code among 22^6 would take centuries, not the two hours it took.</li>
 *   <li>{@link Kind#NEW_ATTENDEE}: phones joining without a key of their own, each a new attendee.
 *       300, then one a second.</li>
 *   <li>{@link Kind#REGISTRATION}: registrations to speak. 200, then one a second (a meeting takes
 *       about five per village).</li>
 *   <li>{@link Kind#PUBLIC_PETITION}: petitions sent through the public form. 10, then one a minute:
 *       a family or a village office sends a few, a spammer thousands.</li>
 *   <li>{@link Kind#TRACKING_GUESS}: tracking codes that found nothing. 30, then one every 6 s.</li>
 *   <li>{@link Kind#RATING}: citizens' ratings of the conclusion that answered a petition, sent
 *       through the tracking page. 10, then one a minute, as for the form: one per petition is all
 *       a citizen sends.</li>
 * </ul>
 */
public final class RateLimits {

    enum Kind {
        JOIN_GUESS(20, 1.0 / 6),
        NEW_ATTENDEE(300, 1.0),
        REGISTRATION(200, 1.0),
        PUBLIC_PETITION(10, 1.0 / 60),
        TRACKING_GUESS(30, 1.0 / 6),
        RATING(10, 1.0 / 60);

        final int burst;
        final double perSecond;

        Kind(int burst, double perSecond) {
            this.burst = burst;
            this.perSecond = perSecond;
        }
    }

    /** Buckets untouched this long are full again and can be forgotten. */
    private static final long FORGET_AFTER_MS = 30 * 60_000;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before this address may do it again; 0 when it may now (nothing is taken). Null: this machine, never limited. */
    long waitSeconds(Kind kind, String address) {
        if (address == null) {
            return 0;
        }
        Bucket b = buckets.get(kind.name() + " " + address);
        return b == null ? 0 : b.waitSeconds(kind, clock.millis());
    }

    /** Takes one: 0 when allowed, else the seconds to wait (nothing taken then). */
    long take(Kind kind, String address) {
        if (address == null) {
            return 0;
        }
        long now = clock.millis();
        return buckets.computeIfAbsent(kind.name() + " " + address, k -> new Bucket(kind.burst, now)).take(kind, now);
    }

    /** Drops the buckets that have refilled; run now and then. */
    public void forgetIdle() {
        long now = clock.millis();
        buckets.values().removeIf(b -> b.idleSince(now) > FORGET_AFTER_MS);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updated = now;
        }

        synchronized long take(Kind kind, long now) {
            refill(kind, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return secondsUntilOne(kind);
        }

        synchronized long waitSeconds(Kind kind, long now) {
            refill(kind, now);
            return tokens >= 1 ? 0 : secondsUntilOne(kind);
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }

        private void refill(Kind kind, long now) {
            tokens = Math.min(kind.burst, tokens + (now - updated) / 1000.0 * kind.perSecond);
            updated = now;
        }

        private long secondsUntilOne(Kind kind) {
            return Math.max(1, (long) Math.ceil((1 - tokens) / kind.perSecond));
        }
    }
}
