package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import vn.doithoai.rules.Refusal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Properties of the rules over random meetings: thousands of commands with random and malformed
 * arguments, sent under every role at random moments. Whatever comes, no exception escapes decide
 * or apply, every refusal has a code and both messages, the invariants hold after every command
 * (one turn on the floor at most, every queued registration waiting and queued once, nothing reopens
 * a closed meeting, the village cap kept), and replaying the record gives the live state.
 *
 * <p>Plain JUnit with fixed seeds, so that a failure names the seed and the step that reproduce it.
 */
class RandomMeetingsTest {

    private static final int MEETINGS = 400;
    private static final int COMMANDS_PER_MEETING = 120;
    private static final String[] TEXTS = {null, "", "   ", "Nguyễn Văn An", "Thôn 1", "thôn  1", "Thôn\u200b 1",
            "\u202eRLO", "\u0000\u0007", "\ud800", "<img src=x onerror=alert(1)>", "x".repeat(6000), "Ho\u0300a",
            "Đường liên thôn", "0905 123 456", "abc"};
    private static final Actor[] ACTORS = {Actor.CHAIR, Actor.SECRETARY, Actor.DISPLAY, Actor.ORGANISER, Actor.SERVER,
            Actor.attendee("a1"), Actor.attendee("a2"), Actor.attendee("a3"), Actor.attendee("a4")};

    @Test
    void randomCommandsNeverBreakTheRulesAndTheRecordReplaysToTheLiveState() {
        Map<String, Integer> accepted = new HashMap<>();
        for (int seed = 1; seed <= MEETINGS; seed++) {
            runOne(seed, accepted);
        }
        // The generator must reach the interesting parts, or the properties say little.
        assertThat(accepted.keySet()).as("commands accepted at least once")
                .contains("Register", "RegisterAtDesk", "StartMeeting", "CallNext", "StartSlot", "EndSlot",
                        "RecordConclusion", "CorrectConclusion", "CloseMeeting", "RecordMinute", "Withdraw",
                        "LinkPetition", "SetPetitionAgenda");
    }

    private static void runOne(int seed, Map<String, Integer> accepted) {
        Random random = new Random(seed);
        SpeakingRules rules = new SpeakingRules(60 + random.nextInt(600), 10, random.nextInt(4), random.nextBoolean(), 300);
        MeetingState state = MeetingState.NEW;
        Instant now = Instant.parse("2026-06-15T01:00:00Z");
        List<MeetingRules.Recorded> recorded = new ArrayList<>();
        Decision created = MeetingRules.decide(state, new Command.CreateMeeting(MeetingScript.setup(rules)),
                new Command.Context(Actor.ORGANISER, now));
        for (Event e : created.events()) {
            state = MeetingRules.apply(state, e, now);
            recorded.add(new MeetingRules.Recorded(recorded.size() + 1, now, e));
        }
        for (int step = 0; step < COMMANDS_PER_MEETING; step++) {
            now = now.plus(Duration.ofMillis(random.nextInt(90_000)));
            Command command = randomCommand(random, state);
            Actor actor = ACTORS[random.nextInt(ACTORS.length)];
            String where = "seed " + seed + ", step " + step + ": " + command + " by " + actor.label();
            MeetingState before = state;
            Decision decision;
            try {
                decision = MeetingRules.decide(state, command, new Command.Context(actor, now));
                for (Event e : decision.events()) {
                    state = MeetingRules.apply(state, e, now);
                    recorded.add(new MeetingRules.Recorded(recorded.size() + 1, now, e));
                }
            } catch (RuntimeException e) {
                fail(where + " threw " + e, e);
                return;
            }
            if (decision.accepted()) {
                accepted.merge(command.getClass().getSimpleName(), 1, Integer::sum);
            } else {
                Refusal r = decision.refusal();
                assertThat(r.code()).as(where).isNotBlank();
                assertThat(r.vi()).as(where).isNotBlank();
                assertThat(r.en()).as(where).isNotBlank();
                assertThat(state).as(where + ": a refusal changes nothing").isEqualTo(before);
            }
            checkInvariants(before, state, rules, where);
        }
        assertThat(MeetingRules.replay(recorded)).as("seed " + seed + ": the record replays to the live state").isEqualTo(state);
    }

    private static void checkInvariants(MeetingState before, MeetingState after, SpeakingRules rules, String where) {
        Set<Integer> queued = new HashSet<>(after.queue());
        assertThat(queued).as(where + ": each registration queued once").hasSize(after.queue().size());
        for (int id : after.queue()) {
            assertThat(after.registration(id)).as(where + ": queued registration " + id)
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(Registration.Status.WAITING));
        }
        long onFloor = after.registrations().values().stream().filter(r -> r.status() == Registration.Status.ON_FLOOR).count();
        assertThat(onFloor).as(where + ": one speaker on the floor at most").isLessThanOrEqualTo(1);
        if (before.status() == MeetingStatus.CLOSED) {
            assertThat(after.status()).as(where + ": a closed meeting stays closed").isEqualTo(MeetingStatus.CLOSED);
            assertThat(after.queue()).as(where + ": nothing queued after the close").isEqualTo(before.queue());
            assertThat(after.floor()).as(where + ": no floor after the close").isEqualTo(before.floor());
        }
        if (rules.perVillageCap() > 0) {
            Map<String, Long> perVillage = new HashMap<>();
            after.registrations().values().stream()
                    .filter(r -> r.status() != Registration.Status.WITHDRAWN && r.status() != Registration.Status.REFUSED)
                    .forEach(r -> perVillage.merge(Fields.storedKey(r.village()), 1L, Long::sum));
            perVillage.forEach((village, n) -> assertThat(n).as(where + ": cap of village " + village)
                    .isLessThanOrEqualTo(rules.perVillageCap()));
        }
    }

    /** Mostly sensible commands (ids that exist), often malformed (nulls, huge or negative numbers, odd text). */
    private static Command randomCommand(Random r, MeetingState s) {
        int registrations = s.registrations().size();
        int turns = s.turns().size() + (s.floor() == null ? 0 : 1);
        Function<Integer, Integer> id = n -> switch (r.nextInt(6)) {
            case 0 -> -r.nextInt(3);
            case 1 -> Integer.MAX_VALUE;
            default -> 1 + r.nextInt(Math.max(1, n + 1));
        };
        Integer seconds = switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> -5;
            case 2 -> Integer.MAX_VALUE;
            default -> 1 + r.nextInt(900);
        };
        List<Integer> turnIds = switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> Arrays.asList(1, null);
            case 2 -> List.of();
            default -> List.of(id.apply(turns));
        };
        LocalDate deadline = switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> LocalDate.of(-1, 1, 1);
            default -> LocalDate.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28));
        };
        Outcome outcome = r.nextInt(5) == 0 ? null : Outcome.values()[r.nextInt(Outcome.values().length)];
        RefusalGround ground = r.nextInt(5) == 0 ? null : RefusalGround.values()[r.nextInt(RefusalGround.values().length)];
        return switch (r.nextInt(30)) {
            case 0 -> new Command.OpenRegistration();
            case 1 -> new Command.StartMeeting();
            case 2 -> new Command.AdvanceStep(r.nextBoolean() ? null : r.nextInt(8) - 2);
            case 3 -> new Command.CloseList();
            case 4 -> new Command.ReopenList();
            case 5 -> r.nextInt(4) == 0 ? new Command.CloseMeeting() : new Command.CallNext(seconds);
            case 6, 7, 8 -> new Command.Register(text(r), village(r), text(r), text(r), text(r), r.nextBoolean() ? null : text(r), null, code(r));
            case 9 -> new Command.RegisterAtDesk(text(r), village(r), text(r), text(r), text(r), null, text(r), null, code(r));
            case 10 -> new Command.Withdraw(id.apply(registrations));
            case 11 -> new Command.EditRegistration(id.apply(registrations), text(r), text(r), text(r));
            case 12 -> new Command.MoveRegistration(id.apply(registrations), r.nextInt(12) - 3);
            case 13 -> new Command.RefuseRegistration(id.apply(registrations), ground, text(r));
            case 14 -> new Command.CallSpeaker(id.apply(registrations), seconds);
            case 15 -> new Command.CallResponder(text(r), text(r), r.nextBoolean() ? null : id.apply(turns), seconds);
            case 16, 17 -> new Command.StartSlot();
            case 18 -> r.nextBoolean() ? new Command.PauseSlot() : new Command.ResumeSlot();
            case 19 -> new Command.ExtendSlot(seconds);
            case 20 -> new Command.EndSlot();
            case 21 -> new Command.StopSpeaker(ground, text(r));
            case 22 -> new Command.MarkTimeUp(id.apply(turns));
            case 23 -> r.nextBoolean() ? new Command.RecordMinute(text(r), r.nextBoolean() ? null : id.apply(turns))
                    : new Command.CorrectMinute(id.apply(s.minutes().size()), text(r));
            case 24, 27 -> new Command.RecordConclusion(conclusionText(r), outcome, office(r), deadline, turnIds, codes(r));
            case 25 -> new Command.LinkPetition(id.apply(registrations), code(r));
            case 26 -> new Command.SetPetitionAgenda(r.nextInt(4) == 0 ? null : List.of(new AgendaPetition(
                    r.nextBoolean() ? null : java.util.UUID.randomUUID(), code(r), text(r), text(r), text(r), office(r), text(r))));
            default -> new Command.CorrectConclusion(id.apply(s.conclusions().size()), conclusionText(r), outcome, office(r),
                    deadline, turnIds, codes(r));
        };
    }

    /** Petition codes, well typed, typed loosely, or of the wrong shape. */
    private static String code(Random r) {
        String[] codes = {null, "", "KN-7QX4-M2PD", "kn 7qx4 m2pd", "7QX4M2PD", "KN-0OIL-1111", "KN-7QX4", "x".repeat(60), "\u202eKN"};
        return codes[r.nextInt(codes.length)];
    }

    private static List<String> codes(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> java.util.Arrays.asList(code(r), null);
            case 2 -> List.of(java.util.Objects.requireNonNullElse(code(r), "KN-ABCD-EFGH"));
            default -> List.of("kn 7qx4 m2pd");
        };
    }

    private static String text(Random r) {
        return r.nextInt(3) == 0 ? "Nội dung " + r.nextInt(50) : TEXTS[r.nextInt(TEXTS.length)];
    }

    private static String conclusionText(Random r) {
        return r.nextBoolean() ? "Kết luận " + r.nextInt(20) : text(r);
    }

    private static String office(Random r) {
        return r.nextBoolean() ? "Phòng Kinh tế" : text(r);
    }

    /** Few villages, often look-alike, so that caps are reached. */
    private static String village(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "Thôn\u00a01";
            case 1 -> "THÔN 1";
            case 2 -> "Thôn\u200b 1";
            case 3 -> null;
            default -> "Thôn " + (1 + r.nextInt(3));
        };
    }
}
