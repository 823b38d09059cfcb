package vn.doithoai.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords, counted per account and per address: after {@link #PER_ACCOUNT} failures in
 * {@link #WINDOW} the account's login waits until the oldest of them is that old (someone trying
 * passwords on one account), after {@link #PER_ADDRESS} the address does (one machine trying
 * many accounts). A right password clears its account's count. In memory: a restart forgives.
 */
public final class SignInLimits {

    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    public SignInLimits(Clock clock) {
        this.clock = clock;
    }

    /** How long this login from this address must wait before trying again; zero when it may try now. */
    public Duration wait(String loginKey, String address) {
        Instant now = clock.instant();
        Duration account = waitIn(byAccount.get(loginKey), PER_ACCOUNT, now);
        Duration fromAddress = waitIn(byAddress.get(address), PER_ADDRESS, now);
        return account.compareTo(fromAddress) >= 0 ? account : fromAddress;
    }

    public void failed(String loginKey, String address) {
        Instant now = clock.instant();
        record(byAccount, loginKey, now);
        record(byAddress, address, now);
    }

    public void succeeded(String loginKey) {
        byAccount.remove(loginKey);
    }

    /** Drops what no longer counts, so memory follows only recent failures. */
    public void forgetOld() {
        Instant now = clock.instant();
        byAccount.values().removeIf(failures -> prune(failures, now));
        byAddress.values().removeIf(failures -> prune(failures, now));
    }

    private static Duration waitIn(Deque<Instant> failures, int allowed, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        synchronized (failures) {
            prune(failures, now);
            if (failures.size() < allowed) {
                return Duration.ZERO;
            }
            Instant oldestCounted = failures.stream().skip(failures.size() - allowed).findFirst().orElseThrow();
            return Duration.between(now, oldestCounted.plus(WINDOW));
        }
    }

    private static void record(Map<String, Deque<Instant>> counts, String key, Instant now) {
        Deque<Instant> failures = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            failures.addLast(now);
            prune(failures, now);
        }
    }

    /** True when nothing recent is left. */
    private static boolean prune(Deque<Instant> failures, Instant now) {
        synchronized (failures) {
            while (!failures.isEmpty() && !failures.peekFirst().plus(WINDOW).isAfter(now)) {
                failures.removeFirst();
            }
            return failures.isEmpty();
        }
    }
}
