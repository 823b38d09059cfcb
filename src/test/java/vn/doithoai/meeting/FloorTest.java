package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.SERVER;
import static vn.doithoai.meeting.MeetingScript.phone;

class FloorTest {

    // ---- calling ------------------------------------------------------------------------

    @Test
    void callNextOnAnEmptyQueueIsRefusedWithQueueEmpty() {
        var m = MeetingScript.started();
        Refusal refusal = m.refused(CHAIR, new Command.CallNext(null));
        assertThat(refusal.code()).isEqualTo(Refusal.QUEUE_EMPTY);
        assertThat(refusal.en()).isEqualTo("Nobody is waiting to speak");
    }

    @Test
    void callNextBeforeTheMeetingStartsIsRefused() {
        var m = MeetingScript.registrationOpen();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(CHAIR, new Command.CallNext(null))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void callNextGivesTheFloorToTheHeadOfTheQueueWithTheRulesSlot() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        int two = m.register("a2", "Mai", "Thôn 2", "Điện");
        m.advanceSeconds(20);

        assertThat(m.ok(CHAIR, new Command.CallNext(null))).containsExactly(new Event.SpeakerCalled(1, one, 300_000));

        Turn floor = m.floor();
        assertThat(floor.id()).isEqualTo(1);
        assertThat(floor.kind()).isEqualTo(Turn.Kind.SPEECH);
        assertThat(floor.registrationId()).isEqualTo(one);
        assertThat(floor.name()).isEqualTo("Lê Văn Hòa");
        assertThat(floor.villageOrOffice()).isEqualTo("Thôn 1");
        assertThat(floor.topic()).isEqualTo("Đường");
        assertThat(floor.phase()).isEqualTo(Turn.Phase.CALLED);
        assertThat(floor.calledAt()).isEqualTo(m.now());
        assertThat(floor.allowedMs()).isEqualTo(300_000);
        assertThat(floor.deadline()).isNull();
        assertThat(m.registration(one).status()).isEqualTo(Registration.Status.ON_FLOOR);
        assertThat(m.state().queue()).containsExactly(two);
    }

    @Test
    void callNextMayGiveADifferentSlotInSeconds() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.ok(CHAIR, new Command.CallNext(120))).containsExactly(new Event.SpeakerCalled(1, one, 120_000));
        assertThat(m.floor().allowedMs()).isEqualTo(120_000);
    }

    @Test
    void aSlotOfLessThanOneSecondOrMoreThanAnHourIsRefused() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(CHAIR, new Command.CallNext(0))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(CHAIR, new Command.CallNext(3601))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(CHAIR, new Command.CallSpeaker(one, 0))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(CHAIR, new Command.CallSpeaker(one, 3601))).isEqualTo(Refusal.FIELD_INVALID);
    }

    @Test
    void callNextEndsTheCurrentTurnFirstProducingTurnEndedThenSpeakerCalled() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int two = m.register("a2", "Mai", "Thôn 2", "Điện");
        m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(200);

        List<Event> events = m.ok(CHAIR, new Command.CallNext(null));

        assertThat(events).containsExactly(new Event.TurnEnded(1, 200_000, 0, null, null),
                new Event.SpeakerCalled(2, two, 300_000));
        assertThat(m.registration(one).status()).isEqualTo(Registration.Status.SPOKEN);
        assertThat(m.turn(1).phase()).isEqualTo(Turn.Phase.ENDED);
        assertThat(m.floor().id()).isEqualTo(2);
        assertThat(m.floor().registrationId()).isEqualTo(two);
        assertThat(m.state().turns()).extracting(Turn::id).containsExactly(1);
    }

    @Test
    void aSpeakerCalledButNeverStartedIsMarkedAbsent() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        m.register("a2", "Mai", "Thôn 2", "Điện");
        m.advanceSeconds(60);
        m.callNext();
        m.advanceSeconds(45);
        m.callNext();

        assertThat(m.registration(one).status()).isEqualTo(Registration.Status.ABSENT);
        Turn absent = m.turn(1);
        assertThat(absent.firstStartedAt()).isNull();
        assertThat(absent.spokenMs()).isZero();
        assertThat(m.state().minutes()).anySatisfy(line -> {
            assertThat(line.turnId()).isEqualTo(1);
            assertThat(line.text()).isEqualTo("08:01 — Lê Văn Hòa (Thôn 1) được mời nhưng không phát biểu.");
            assertThat(line.textEn()).isEqualTo("08:01 — Lê Văn Hòa (Thôn 1) was called but did not speak.");
        });
    }

    @Test
    void callSpeakerCallsAWaitingRegistrationOutOfOrder() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int two = m.register("a2", "Mai", "Thôn 2", "Điện");
        int three = m.register("a3", "Nam", "Thôn 3", "Nước");
        assertThat(m.ok(CHAIR, new Command.CallSpeaker(three, 90))).containsExactly(new Event.SpeakerCalled(1, three, 90_000));
        assertThat(m.state().queue()).containsExactly(one, two);
    }

    @Test
    void callSpeakerRefusesAnUnknownOrNotWaitingRegistration() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(CHAIR, new Command.CallSpeaker(7, null))).isEqualTo(Refusal.NOT_FOUND);
        m.ok(CHAIR, new Command.CallSpeaker(one, null));
        assertThat(m.refusedCode(CHAIR, new Command.CallSpeaker(one, null))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void callSpeakerBeforeTheMeetingStartsIsRefused() {
        var m = MeetingScript.registrationOpen();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(CHAIR, new Command.CallSpeaker(one, null))).isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- first timers first -------------------------------------------------------------

    @Test
    void aPersonWhoAlreadySpokeRegistersBehindPeopleWhoHaveNot() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        int first = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.speak(first, Duration.ofSeconds(60));

        int again = m.register("a1", "Hòa", "Thôn 1", "Lại đường");
        int newcomer = m.register("a2", "Mai", "Thôn 2", "Điện");
        int another = m.desk("Nam", "Thôn 3", "Nước");

        assertThat(m.state().queue()).containsExactly(newcomer, another, again);
    }

    @Test
    void withTheRuleOffRegistrationsQueueInPlainOrder() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, false));
        int first = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.speak(first, Duration.ofSeconds(60));

        int again = m.register("a1", "Hòa", "Thôn 1", "Lại đường");
        int newcomer = m.register("a2", "Mai", "Thôn 2", "Điện");

        assertThat(m.state().queue()).containsExactly(again, newcomer);
    }

    @Test
    void afterSpeakingAPersonsOtherWaitingRegistrationsGoBehindPeopleWhoHaveNotSpoken() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int two = m.register("a1", "Hòa", "Thôn 1", "Điện");
        int three = m.register("a2", "Mai", "Thôn 2", "Nước");
        int four = m.register("a3", "Nam", "Thôn 3", "Chợ");
        assertThat(m.state().queue()).containsExactly(one, two, three, four);

        m.speak(one, Duration.ofSeconds(60));

        assertThat(m.state().queue()).containsExactly(three, four, two);
    }

    @Test
    void withTheRuleOffSpeakingDoesNotReorderTheQueue() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, false));
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int two = m.register("a1", "Hòa", "Thôn 1", "Điện");
        int three = m.register("a2", "Mai", "Thôn 2", "Nước");
        m.speak(one, Duration.ofSeconds(60));
        assertThat(m.state().queue()).containsExactly(two, three);
    }

    @Test
    void aRepeatSpeakerGoesBeforeOtherRepeatSpeakersWhoAreAlreadyBehind() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        int a = m.register("a1", "Hòa", "Thôn 1", "Một");
        int b = m.register("a2", "Mai", "Thôn 2", "Một");
        m.speak(a, Duration.ofSeconds(30));
        m.speak(b, Duration.ofSeconds(30));
        int aAgain = m.register("a1", "Hòa", "Thôn 1", "Hai");
        int newcomer = m.register("a3", "Nam", "Thôn 3", "Một");
        int bAgain = m.register("a2", "Mai", "Thôn 2", "Hai");
        int newcomer2 = m.register("a4", "Lan", "Thôn 4", "Một");
        assertThat(m.state().queue()).containsExactly(newcomer, newcomer2, aAgain, bAgain);
    }

    @Test
    void atTheDeskTheSamePersonIsKnownByNameAndVillageInAnyCase() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        int first = m.desk("Trần Thị Mai", "Thôn 2", "Vay vốn");
        m.speak(first, Duration.ofSeconds(30));
        int again = m.desk("TRẦN  THỊ MAI", "thôn 2", "Lại vay vốn");
        int newcomer = m.desk("Trần Thị Mai", "Thôn 5", "Vay vốn");
        assertThat(m.state().queue()).containsExactly(newcomer, again);
    }

    @Test
    void aPersonWhoWasCalledButDidNotSpeakHasNotSpoken() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        int first = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        m.ok(CHAIR, new Command.EndSlot());
        assertThat(m.registration(first).status()).isEqualTo(Registration.Status.ABSENT);
        int again = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int newcomer = m.register("a2", "Mai", "Thôn 2", "Điện");
        assertThat(m.state().queue()).containsExactly(again, newcomer);
    }

    @Test
    void aStoppedSpeakerCountsAsHavingSpoken() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        int first = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.ok(CHAIR, new Command.StopSpeaker(RefusalGround.BREAKS_RULES, null));
        assertThat(m.registration(first).status()).isEqualTo(Registration.Status.STOPPED);
        int again = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int newcomer = m.register("a2", "Mai", "Thôn 2", "Điện");
        assertThat(m.state().queue()).containsExactly(newcomer, again);
    }

    @Test
    void callNextWhileAPersonSpeaksDoesNotGiveTheFloorStraightBackToThemWithTheRuleOn() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int hoaAgain = m.register("a1", "Hòa", "Thôn 1", "Điện");
        int mai = m.register("a2", "Mai", "Thôn 2", "Nước");
        m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(60);

        List<Event> events = m.ok(CHAIR, new Command.CallNext(null));

        assertThat(events.get(1)).isEqualTo(new Event.SpeakerCalled(2, mai, 300_000));
        assertThat(m.floor().registrationId()).isEqualTo(mai);
        assertThat(m.state().queue()).containsExactly(hoaAgain);
    }

    // ---- the slot -----------------------------------------------------------------------

    @Test
    void startingTheSlotRunsTheClockAndPutsTheDeadlineInTheEvent() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.advanceSeconds(10);

        assertThat(m.ok(CHAIR, new Command.StartSlot()))
                .containsExactly(new Event.SlotStarted(turn, m.now().plusSeconds(300)));

        Turn floor = m.floor();
        assertThat(floor.phase()).isEqualTo(Turn.Phase.RUNNING);
        assertThat(floor.firstStartedAt()).isEqualTo(m.now());
        assertThat(floor.runningSince()).isEqualTo(m.now());
        assertThat(floor.deadline()).isEqualTo(m.now().plusSeconds(300));
        assertThat(floor.spokenMs()).isZero();
    }

    @Test
    void startingTheSlotTwiceOrWithNobodyOnTheFloorIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.StartSlot())).isEqualTo(Refusal.NO_TURN);
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        assertThat(m.refusedCode(CHAIR, new Command.StartSlot())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void pausingAndResumingCountsOnlyTheTimeSpokenToTheMillisecond() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceMillis(100_250);

        assertThat(m.ok(CHAIR, new Command.PauseSlot())).containsExactly(new Event.SlotPaused(turn, 199_750));
        assertThat(m.floor().phase()).isEqualTo(Turn.Phase.PAUSED);
        assertThat(m.floor().spokenMs()).isEqualTo(100_250);
        assertThat(m.floor().deadline()).isNull();
        assertThat(m.floor().runningSince()).isNull();

        m.advanceSeconds(45);
        assertThat(m.ok(CHAIR, new Command.ResumeSlot()))
                .containsExactly(new Event.SlotResumed(turn, m.now().plusMillis(199_750)));
        assertThat(m.floor().phase()).isEqualTo(Turn.Phase.RUNNING);
        assertThat(m.floor().firstStartedAt()).isEqualTo(MeetingScript.START);
        assertThat(m.floor().runningSince()).isEqualTo(m.now());

        m.advanceMillis(30_001);
        assertThat(m.ok(CHAIR, new Command.EndSlot())).containsExactly(new Event.TurnEnded(turn, 130_251, 0, null, null));
        Turn ended = m.lastEndedTurn();
        assertThat(ended.spokenMs()).isEqualTo(130_251);
        assertThat(ended.overtimeMs()).isZero();
        assertThat(ended.endedAt()).isEqualTo(m.now());
        assertThat(m.floor()).isNull();
    }

    @Test
    void pausingAPausedSlotOrResumingARunningOneIsRefused() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        assertThat(m.refusedCode(CHAIR, new Command.PauseSlot())).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(CHAIR, new Command.ResumeSlot())).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.StartSlot());
        assertThat(m.refusedCode(CHAIR, new Command.ResumeSlot())).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.PauseSlot());
        assertThat(m.refusedCode(CHAIR, new Command.PauseSlot())).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(CHAIR, new Command.StartSlot())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void slotCommandsWithNobodyOnTheFloorAreRefusedWithNoTurn() {
        var m = MeetingScript.started();
        for (Command c : List.of(new Command.PauseSlot(), new Command.ResumeSlot(), new Command.ExtendSlot(null),
                new Command.EndSlot(), new Command.StopSpeaker(RefusalGround.BREAKS_RULES, null))) {
            assertThat(m.refusedCode(CHAIR, c)).as("%s", c).isEqualTo(Refusal.NO_TURN);
        }
    }

    @Test
    void endingAfterTheSlotRecordsTheExactOvertime() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceMillis(320_500);
        assertThat(m.ok(CHAIR, new Command.EndSlot())).containsExactly(new Event.TurnEnded(turn, 320_500, 20_500, null, null));
        assertThat(m.lastEndedTurn().overtimeMs()).isEqualTo(20_500);
    }

    @Test
    void pausingInOvertimeGivesANegativeRemainderAndResumingSetsADeadlineInThePast() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(310);
        assertThat(m.ok(CHAIR, new Command.PauseSlot())).containsExactly(new Event.SlotPaused(turn, -10_000));
        m.advanceSeconds(60);
        assertThat(m.ok(CHAIR, new Command.ResumeSlot())).containsExactly(new Event.SlotResumed(turn, m.now().minusSeconds(10)));
    }

    @Test
    void extendingARunningSlotAddsTimeAndMovesTheDeadline() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        var deadline = m.floor().deadline();
        m.advanceSeconds(250);

        assertThat(m.ok(CHAIR, new Command.ExtendSlot(90)))
                .containsExactly(new Event.SlotExtended(turn, 90_000, deadline.plusSeconds(90)));
        assertThat(m.floor().allowedMs()).isEqualTo(390_000);
        assertThat(m.floor().deadline()).isEqualTo(deadline.plusSeconds(90));
        assertThat(m.floor().phase()).isEqualTo(Turn.Phase.RUNNING);

        m.advanceSeconds(130);
        m.ok(CHAIR, new Command.EndSlot());
        assertThat(m.lastEndedTurn().spokenMs()).isEqualTo(380_000);
        assertThat(m.lastEndedTurn().overtimeMs()).isZero();
    }

    @Test
    void extendingWithoutSecondsAddsOneMinute() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        var deadline = m.floor().deadline();
        assertThat(m.ok(CHAIR, new Command.ExtendSlot(null)))
                .containsExactly(new Event.SlotExtended(turn, 60_000, deadline.plusSeconds(60)));
    }

    @Test
    void extendingBeforeTheStartOrWhilePausedHasNoDeadlineButCountsWhenTheClockRuns() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        assertThat(m.ok(CHAIR, new Command.ExtendSlot(60))).containsExactly(new Event.SlotExtended(turn, 60_000, null));
        assertThat(m.floor().deadline()).isNull();
        m.ok(CHAIR, new Command.StartSlot());
        assertThat(m.floor().deadline()).isEqualTo(m.now().plusSeconds(360));

        m.advanceSeconds(100);
        m.ok(CHAIR, new Command.PauseSlot());
        assertThat(m.ok(CHAIR, new Command.ExtendSlot(40))).containsExactly(new Event.SlotExtended(turn, 40_000, null));
        m.advanceSeconds(5);
        m.ok(CHAIR, new Command.ResumeSlot());
        assertThat(m.floor().deadline()).isEqualTo(m.now().plusSeconds(300));
    }

    @Test
    void extendingByAnImpossibleNumberOfSecondsIsRefused() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        assertThat(m.refusedCode(CHAIR, new Command.ExtendSlot(0))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(CHAIR, new Command.ExtendSlot(-30))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(CHAIR, new Command.ExtendSlot(3601))).isEqualTo(Refusal.FIELD_INVALID);
    }

    // ---- time up ------------------------------------------------------------------------

    @Test
    void theServerMarksTimeUpOnlyAtOrAfterTheDeadline() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceMillis(299_999);
        assertThat(m.refusedCode(SERVER, new Command.MarkTimeUp(turn))).isEqualTo(Refusal.WRONG_STATE);

        m.advanceMillis(1);
        assertThat(m.ok(SERVER, new Command.MarkTimeUp(turn))).containsExactly(new Event.SlotTimeUp(turn));
        assertThat(m.floor().timeUp()).isTrue();
        assertThat(m.floor().phase()).isEqualTo(Turn.Phase.RUNNING);
    }

    @Test
    void timeUpIsMarkedOnceOnlyAndOnlyForTheRunningTurn() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        assertThat(m.refusedCode(SERVER, new Command.MarkTimeUp(turn))).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(400);
        assertThat(m.refusedCode(SERVER, new Command.MarkTimeUp(turn + 1))).isEqualTo(Refusal.WRONG_STATE);
        m.ok(SERVER, new Command.MarkTimeUp(turn));
        assertThat(m.refusedCode(SERVER, new Command.MarkTimeUp(turn))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void timeUpIsNotMarkedWhileThePausedClockStandsStill() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(200);
        m.ok(CHAIR, new Command.PauseSlot());
        m.advanceSeconds(200);
        assertThat(m.refusedCode(SERVER, new Command.MarkTimeUp(turn))).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.ResumeSlot());
        m.advanceSeconds(99);
        assertThat(m.refusedCode(SERVER, new Command.MarkTimeUp(turn))).isEqualTo(Refusal.WRONG_STATE);
        m.advanceSeconds(1);
        m.ok(SERVER, new Command.MarkTimeUp(turn));
    }

    @Test
    void onlyTheServerMayMarkTimeUp() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(301);
        for (Actor a : List.of(CHAIR, MeetingScript.SECRETARY, MeetingScript.DISPLAY, MeetingScript.ORGANISER, phone("a1"))) {
            assertThat(m.refusedCode(a, new Command.MarkTimeUp(turn))).as(a.label()).isEqualTo(Refusal.WRONG_ROLE);
        }
    }

    @Test
    void extendingAfterTimeUpClearsTheMark() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(310);
        m.ok(SERVER, new Command.MarkTimeUp(turn));

        m.ok(CHAIR, new Command.ExtendSlot(60));
        assertThat(m.floor().timeUp()).isFalse();
        assertThat(m.floor().deadline()).isEqualTo(MeetingScript.START.plusSeconds(360));

        m.advanceSeconds(49);
        assertThat(m.refusedCode(SERVER, new Command.MarkTimeUp(turn))).isEqualTo(Refusal.WRONG_STATE);
        m.advanceSeconds(1);
        m.ok(SERVER, new Command.MarkTimeUp(turn));
        assertThat(m.floor().timeUp()).isTrue();
    }

    @Test
    void extendingByTooLittleAfterTimeUpKeepsTheMark() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(400);
        m.ok(SERVER, new Command.MarkTimeUp(turn));
        m.ok(CHAIR, new Command.ExtendSlot(30));
        assertThat(m.floor().timeUp()).isTrue();
    }

    @Test
    void aTurnEndedAfterTimeUpKeepsTheMark() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(300);
        m.ok(SERVER, new Command.MarkTimeUp(turn));
        m.advanceSeconds(15);
        m.ok(CHAIR, new Command.EndSlot());
        assertThat(m.lastEndedTurn().timeUp()).isTrue();
        assertThat(m.lastEndedTurn().overtimeMs()).isEqualTo(15_000);
    }

    // ---- stopping -----------------------------------------------------------------------

    @Test
    void stoppingASpeakerEndsTheTurnWithTheGroundAndMarksTheRegistrationStopped() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(95);

        assertThat(m.ok(CHAIR, new Command.StopSpeaker(RefusalGround.INTOXICATED, " Nói to, xúc phạm ")))
                .containsExactly(new Event.TurnEnded(turn, 95_000, 0, RefusalGround.INTOXICATED, "Nói to, xúc phạm"));

        assertThat(m.registration(one).status()).isEqualTo(Registration.Status.STOPPED);
        Turn ended = m.lastEndedTurn();
        assertThat(ended.stopGround()).isEqualTo("INTOXICATED");
        assertThat(ended.stopText()).isEqualTo("Nói to, xúc phạm");
        assertThat(m.lastMinute().text()).isEqualTo("08:00–08:01 — Lê Văn Hòa (Thôn 1) phát biểu về «Đường», 1 phút 35 giây."
                + " Chủ trì dừng phát biểu. Lý do: " + RefusalGround.INTOXICATED.vi + " — Nói to, xúc phạm.");
        assertThat(m.lastMinute().textEn()).isEqualTo("08:00–08:01 — Lê Văn Hòa (Thôn 1) spoke on «Đường», 1 min 35 s."
                + " The chair stopped the speaker. Reason: Under the influence of alcohol or drugs — Nói to, xúc phạm.");
    }

    @Test
    void stoppingNeedsAGroundAndOtherNeedsAText() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        assertThat(m.refusedCode(CHAIR, new Command.StopSpeaker(null, "Ồn"))).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(CHAIR, new Command.StopSpeaker(RefusalGround.OTHER, null))).isEqualTo(Refusal.FIELD_MISSING);
        m.ok(CHAIR, new Command.StopSpeaker(RefusalGround.OTHER, "Hết thời gian hội nghị"));
        assertThat(m.lastMinute().text()).endsWith("Lý do: Hết thời gian hội nghị.");
    }

    @Test
    void aSpeakerStoppedBeforeStartingIsStoppedNotAbsentAndTheGroundIsInTheMinutes() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        m.ok(CHAIR, new Command.StopSpeaker(RefusalGround.BREAKS_RULES, null));
        assertThat(m.registration(one).status()).isEqualTo(Registration.Status.STOPPED);
        assertThat(m.lastMinute().text()).isEqualTo("08:00 — Hòa (Thôn 1) được mời nhưng không phát biểu."
                + " Chủ trì dừng phát biểu. Lý do: " + RefusalGround.BREAKS_RULES.vi + ".");
        assertThat(m.lastMinute().textEn()).isEqualTo("08:00 — Hòa (Thôn 1) was called but did not speak."
                + " The chair stopped the speaker. Reason: Breaks the rules of the meeting.");
    }

    // ---- responders ---------------------------------------------------------------------

    @Test
    void aResponderIsCalledToAnswerASpeechAndTheSpeechEndsFirst() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường liên thôn");
        int speech = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(120);

        List<Event> events = m.ok(CHAIR, new Command.CallResponder(" Nguyễn Văn An ", "Công an xã", speech, null));

        assertThat(events).containsExactly(new Event.TurnEnded(speech, 120_000, 0, null, null),
                new Event.ResponderCalled(2, "Nguyễn Văn An", "Công an xã", speech, 300_000));
        Turn floor = m.floor();
        assertThat(floor.kind()).isEqualTo(Turn.Kind.RESPONSE);
        assertThat(floor.registrationId()).isNull();
        assertThat(floor.answersTurnId()).isEqualTo(speech);
        assertThat(floor.name()).isEqualTo("Nguyễn Văn An");
        assertThat(floor.villageOrOffice()).isEqualTo("Công an xã");
        assertThat(floor.topic()).isEqualTo("Đường liên thôn");
        assertThat(floor.phase()).isEqualTo(Turn.Phase.CALLED);
    }

    @Test
    void aResponderMayAnswerWithoutALinkAndForAGivenTime() {
        var m = MeetingScript.started();
        assertThat(m.ok(CHAIR, new Command.CallResponder("Chủ tịch UBND xã", null, null, 600)))
                .containsExactly(new Event.ResponderCalled(1, "Chủ tịch UBND xã", null, null, 600_000));
        assertThat(m.floor().topic()).isNull();
    }

    @Test
    void aResponderLinkedToAnUnknownTurnOrToAnotherResponseIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.CallResponder("An", "Công an xã", 1, null))).isEqualTo(Refusal.NOT_FOUND);
        m.ok(CHAIR, new Command.CallResponder("An", "Công an xã", null, null));
        assertThat(m.refusedCode(CHAIR, new Command.CallResponder("Bình", "Địa chính", 1, null))).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void aResponderNeedsANameAndAPossibleSlot() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.CallResponder(" ", "Công an xã", null, null))).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(CHAIR, new Command.CallResponder("An", "o".repeat(201), null, null))).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(m.refusedCode(CHAIR, new Command.CallResponder("An", null, null, 0))).isEqualTo(Refusal.FIELD_INVALID);
    }

    @Test
    void aResponderCannotBeCalledOutsideTheMeeting() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(CHAIR, new Command.CallResponder("An", null, null, null))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void aResponseEndingChangesNoRegistrationAndWritesAnAnswerLine() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int speech = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(60);
        m.ok(CHAIR, new Command.CallResponder("Nguyễn Văn An", "Công an xã", speech, null));
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(150);
        m.ok(CHAIR, new Command.EndSlot());

        assertThat(m.registration(one).status()).isEqualTo(Registration.Status.SPOKEN);
        assertThat(m.lastMinute().text()).isEqualTo("08:01–08:03 — Nguyễn Văn An (Công an xã) trả lời về «Đường», 2 phút 30 giây.");
        assertThat(m.lastMinute().textEn()).isEqualTo("08:01–08:03 — Nguyễn Văn An (Công an xã) answered on «Đường», 2 min 30 s.");
        assertThat(m.lastMinute().turnId()).isEqualTo(2);
    }
}
