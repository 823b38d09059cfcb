package vn.doithoai.meeting;

import java.time.Duration;
import java.time.Instant;

/**
 * One person holding the floor: a citizen's speech or a responder's answer. Its time runs from
 * the deadline the server set, so every screen and a restarted server agree on it.
 *
 * @param spokenMs     speaking time before the current run (pauses excluded)
 * @param runningSince when the current run began; null unless running
 * @param deadline     when the allowed time runs out; null unless running
 * @param allowedMs    the slot, extensions included
 */
public record Turn(int id, Kind kind, Integer registrationId, Integer answersTurnId, String name,
                   String villageOrOffice, String topic, Phase phase, Instant calledAt,
                   Instant firstStartedAt, Instant runningSince, Instant deadline, long allowedMs,
                   long spokenMs, boolean timeUp, Instant endedAt, long overtimeMs,
                   String stopGround, String stopText) {

    public enum Kind { SPEECH, RESPONSE }

    public enum Phase { CALLED, RUNNING, PAUSED, ENDED }

    static Turn called(int id, Kind kind, Integer registrationId, Integer answersTurnId, String name,
                       String villageOrOffice, String topic, long allowedMs, Instant at) {
        return new Turn(id, kind, registrationId, answersTurnId, name, villageOrOffice, topic,
                Phase.CALLED, at, null, null, null, allowedMs, 0, false, null, 0, null, null);
    }

    boolean isActive() {
        return phase != Phase.ENDED;
    }

    /** Speaking time up to {@code now}, pauses excluded. */
    long spokenUntil(Instant now) {
        return phase == Phase.RUNNING ? spokenMs + Duration.between(runningSince, now).toMillis() : spokenMs;
    }

    /** The time still allowed, counted from {@code now}; negative in overtime. */
    long remainingAt(Instant now) {
        return allowedMs - spokenUntil(now);
    }

    Turn started(Instant at, Instant deadline) {
        return new Turn(id, kind, registrationId, answersTurnId, name, villageOrOffice, topic,
                Phase.RUNNING, calledAt, firstStartedAt == null ? at : firstStartedAt, at, deadline,
                allowedMs, spokenMs, timeUp, null, 0, null, null);
    }

    Turn paused(Instant at) {
        return new Turn(id, kind, registrationId, answersTurnId, name, villageOrOffice, topic,
                Phase.PAUSED, calledAt, firstStartedAt, null, null, allowedMs, spokenUntil(at), timeUp,
                null, 0, null, null);
    }

    /** More time; the time-up mark stays only if the new allowance is still used up. */
    Turn extended(long addedMs, Instant now) {
        long allowed = allowedMs + addedMs;
        Instant newDeadline = deadline == null ? null : deadline.plusMillis(addedMs);
        boolean stillOver = timeUp && spokenUntil(now) >= allowed;
        return new Turn(id, kind, registrationId, answersTurnId, name, villageOrOffice, topic, phase,
                calledAt, firstStartedAt, runningSince, newDeadline, allowed, spokenMs, stillOver,
                null, 0, null, null);
    }

    Turn markedTimeUp() {
        return new Turn(id, kind, registrationId, answersTurnId, name, villageOrOffice, topic, phase,
                calledAt, firstStartedAt, runningSince, deadline, allowedMs, spokenMs, true, null, 0,
                null, null);
    }

    Turn ended(Instant at, long spoken, long overtime, String ground, String text) {
        return new Turn(id, kind, registrationId, answersTurnId, name, villageOrOffice, topic,
                Phase.ENDED, calledAt, firstStartedAt, null, null, allowedMs, spoken, timeUp, at,
                overtime, ground, text);
    }
}
