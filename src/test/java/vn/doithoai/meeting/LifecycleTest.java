package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.ORGANISER;

class LifecycleTest {

    // ---- creation -----------------------------------------------------------------------

    @Test
    void anyCommandBeforeTheMeetingIsCreatedIsRefusedWithNotFound() {
        var m = new MeetingScript();
        assertThat(m.refusedCode(CHAIR, new Command.OpenRegistration())).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void creatingAMeetingCleansTheSetupAndFillsTheDefaultProgramAndRules() {
        var m = new MeetingScript();
        var setup = new Setup(null, "  Hội  nghị\tđối thoại ", null, null, null, null,
                List.of(" Bí thư ", "  "), null, null, null);
        m.ok(ORGANISER, new Command.CreateMeeting(setup));

        Setup s = m.state().setup();
        assertThat(s.title()).isEqualTo("Hội nghị đối thoại");
        assertThat(s.chairs()).containsExactly("Bí thư");
        assertThat(s.steps()).isEqualTo(ProgramStep.DIRECT_DIALOGUE);
        assertThat(s.rules()).isEqualTo(SpeakingRules.DEFAULT);
        assertThat(s.kind()).isEqualTo(MeetingKind.PERIODIC);
        assertThat(m.state().status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    @Test
    void creatingAMeetingTwiceIsRefused() {
        var m = MeetingScript.created();
        assertThat(m.refusedCode(ORGANISER, new Command.CreateMeeting(MeetingScript.setup(null))))
                .isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void creatingAMeetingWithoutATitleIsRefused() {
        var m = new MeetingScript();
        var setup = new Setup(null, "   ", null, null, null, null, null, null, null, null);
        assertThat(m.refusedCode(ORGANISER, new Command.CreateMeeting(setup))).isEqualTo(Refusal.FIELD_MISSING);
    }

    // ---- opening and starting -----------------------------------------------------------

    @Test
    void openingRegistrationMovesAScheduledMeetingToRegistrationOpen() {
        var m = MeetingScript.created();
        assertThat(m.ok(CHAIR, new Command.OpenRegistration())).containsExactly(new Event.RegistrationOpened());
        assertThat(m.state().status()).isEqualTo(MeetingStatus.REGISTRATION_OPEN);
    }

    @Test
    void theOrganiserMayOpenRegistrationToo() {
        var m = MeetingScript.created();
        m.ok(ORGANISER, new Command.OpenRegistration());
        assertThat(m.state().status()).isEqualTo(MeetingStatus.REGISTRATION_OPEN);
    }

    @Test
    void openingRegistrationTwiceIsRefused() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(CHAIR, new Command.OpenRegistration())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void openingRegistrationOnceTheMeetingHasStartedIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.OpenRegistration())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void startingTheMeetingPutsItInProgressAtTheFirstStepWithAnOpeningLine() {
        var m = MeetingScript.registrationOpen();
        m.advanceSeconds(90);
        m.ok(CHAIR, new Command.StartMeeting());

        MeetingState s = m.state();
        assertThat(s.status()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThat(s.stepIndex()).isZero();
        assertThat(s.startedAt()).isEqualTo(m.now());
        assertThat(s.minutes()).hasSize(1);
        assertThat(s.minutes().get(0).automatic()).isTrue();
        assertThat(s.minutes().get(0).text()).isEqualTo("Khai mạc hội nghị lúc 08:01.");
        assertThat(s.minutes().get(0).textEn()).isEqualTo("The meeting opened at 08:01.");
    }

    @Test
    void aMeetingMayStartWithoutRegistrationHavingBeenOpened() {
        var m = MeetingScript.created();
        m.ok(CHAIR, new Command.StartMeeting());
        assertThat(m.state().status()).isEqualTo(MeetingStatus.IN_PROGRESS);
    }

    @Test
    void startingTwiceIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.StartMeeting())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void startingAClosedMeetingIsRefused() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseMeeting());
        assertThat(m.refusedCode(CHAIR, new Command.StartMeeting())).isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- the program --------------------------------------------------------------------

    @Test
    void advancingWithoutATargetGoesToTheNextStepAndWritesAStepLine() {
        var m = MeetingScript.started();
        m.advanceSeconds(600);
        assertThat(m.ok(CHAIR, new Command.AdvanceStep(null))).containsExactly(new Event.StepChanged(1));

        assertThat(m.state().stepIndex()).isEqualTo(1);
        MinuteEntry line = m.lastMinute();
        assertThat(line.automatic()).isTrue();
        assertThat(line.stepIndex()).isEqualTo(1);
        assertThat(line.text()).isEqualTo("08:10 — Bước 2: " + ProgramStep.DIRECT_DIALOGUE.get(1).vi() + ".");
        assertThat(line.textEn()).isEqualTo("08:10 — Step 2: " + ProgramStep.DIRECT_DIALOGUE.get(1).en() + ".");
    }

    @Test
    void advancingToAGivenStepMayJumpForwardAndBack() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.AdvanceStep(3));
        assertThat(m.state().stepIndex()).isEqualTo(3);
        m.ok(CHAIR, new Command.AdvanceStep(2));
        assertThat(m.state().stepIndex()).isEqualTo(2);
    }

    @Test
    void advancingPastTheLastStepIsRefused() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.AdvanceStep(3));
        Refusal refusal = m.refused(CHAIR, new Command.AdvanceStep(null));
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.en()).isEqualTo("There is no program step 5");
    }

    @Test
    void advancingToAStepOutOfRangeIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.AdvanceStep(4))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(CHAIR, new Command.AdvanceStep(-1))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void advancingToTheStepUnderWayIsRefused() {
        var m = MeetingScript.started();
        Refusal refusal = m.refused(CHAIR, new Command.AdvanceStep(0));
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.en()).isEqualTo("The meeting is at this step already");
    }

    @Test
    void advancingBeforeTheMeetingStartsIsRefused() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(CHAIR, new Command.AdvanceStep(null))).isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- the list of speakers -----------------------------------------------------------

    @Test
    void closingTheListRefusesPhonesWithListClosed() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseList());
        assertThat(m.state().listOpen()).isFalse();
        assertThat(m.refusedCode(MeetingScript.phone("a1"),
                new Command.Register("Lê Văn Hòa", "Thôn 1", null, "Đường", null, null, null, null)))
                .isEqualTo(Refusal.LIST_CLOSED);
    }

    @Test
    void theDeskMayStillRegisterWhenTheListIsClosed() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseList());
        int id = m.desk("Lê Văn Hòa", "Thôn 1", "Đường");
        assertThat(m.state().queue()).containsExactly(id);
    }

    @Test
    void reopeningTheListLetsPhonesRegisterAgain() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseList());
        m.ok(CHAIR, new Command.ReopenList());
        assertThat(m.state().listOpen()).isTrue();
        m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        assertThat(m.state().queue()).hasSize(1);
    }

    @Test
    void closingAClosedListOrReopeningAnOpenListIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.ReopenList())).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.CloseList());
        assertThat(m.refusedCode(CHAIR, new Command.CloseList())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void theListCannotBeClosedOrReopenedAfterTheMeetingCloses() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseMeeting());
        assertThat(m.refusedCode(CHAIR, new Command.CloseList())).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(CHAIR, new Command.ReopenList())).isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- closing ------------------------------------------------------------------------

    @Test
    void closingTheMeetingRecordsTheTimeClosesTheListAndWritesAClosingLine() {
        var m = MeetingScript.started();
        m.advance(Duration.ofHours(2).plusMinutes(30));
        assertThat(m.ok(CHAIR, new Command.CloseMeeting())).containsExactly(new Event.MeetingClosed());

        MeetingState s = m.state();
        assertThat(s.status()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(s.closedAt()).isEqualTo(m.now());
        assertThat(s.startedAt()).isEqualTo(MeetingScript.START);
        assertThat(s.listOpen()).isFalse();
        assertThat(m.lastMinute().text()).isEqualTo("Bế mạc hội nghị lúc 10:30.");
        assertThat(m.lastMinute().textEn()).isEqualTo("The meeting closed at 10:30.");
    }

    @Test
    void closingTheMeetingEndsTheTurnOnTheFloorFirst() {
        var m = MeetingScript.started();
        int reg = m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(100);

        List<Event> events = m.ok(CHAIR, new Command.CloseMeeting());

        assertThat(events).containsExactly(new Event.TurnEnded(turn, 100_000, 0, null, null), new Event.MeetingClosed());
        assertThat(m.floor()).isNull();
        assertThat(m.turn(turn).phase()).isEqualTo(Turn.Phase.ENDED);
        assertThat(m.turn(turn).endedAt()).isEqualTo(m.now());
        assertThat(m.registration(reg).status()).isEqualTo(Registration.Status.SPOKEN);
    }

    @Test
    void closingAMeetingThatIsNotInProgressIsRefused() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(CHAIR, new Command.CloseMeeting())).isEqualTo(Refusal.WRONG_STATE);
        var closed = MeetingScript.started();
        closed.ok(CHAIR, new Command.CloseMeeting());
        assertThat(closed.refusedCode(CHAIR, new Command.CloseMeeting())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void nobodyCanRegisterOnceTheMeetingIsClosed() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseMeeting());
        assertThat(m.refusedCode(MeetingScript.phone("a1"),
                new Command.Register("Lê Văn Hòa", "Thôn 1", null, "Đường", null, null, null, null)))
                .isEqualTo(Refusal.LIST_CLOSED);
        assertThat(m.refusedCode(MeetingScript.SECRETARY,
                new Command.RegisterAtDesk("Lê Văn Hòa", "Thôn 1", null, "Đường", null, null, null, null, null)))
                .isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- changing the setup -------------------------------------------------------------

    @Test
    void changingTheSetupReplacesItCleaned() {
        var m = MeetingScript.started();
        var rules = new SpeakingRules(180, 30, 3, false, 240);
        var changed = new Setup(MeetingKind.THEMATIC, " Đối thoại  với thanh niên ", null, "Thanh niên", null, null,
                null, null, null, rules);
        m.ok(ORGANISER, new Command.ChangeSetup(changed));

        assertThat(m.state().setup().title()).isEqualTo("Đối thoại với thanh niên");
        assertThat(m.state().setup().kind()).isEqualTo(MeetingKind.THEMATIC);
        assertThat(m.state().setup().rules()).isEqualTo(rules);
    }

    @Test
    void changingTheSetupWithInvalidRulesIsRefused() {
        var m = MeetingScript.created();
        for (SpeakingRules bad : List.of(
                new SpeakingRules(29, 10, 5, true, 300),
                new SpeakingRules(3601, 60, 5, true, 300),
                new SpeakingRules(300, 60, 5, true, 29),
                new SpeakingRules(300, 300, 5, true, 300),
                new SpeakingRules(300, -1, 5, true, 300),
                new SpeakingRules(300, 60, -1, true, 300),
                new SpeakingRules(300, 60, 1001, true, 300))) {
            assertThat(m.refusedCode(ORGANISER, new Command.ChangeSetup(MeetingScript.setup(bad))))
                    .as("%s", bad).isEqualTo(Refusal.FIELD_INVALID);
        }
    }

    @Test
    void changingTheSetupCannotRemoveTheStepUnderWay() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.AdvanceStep(2));
        var twoSteps = new Setup(null, "Hội nghị", null, null, null, null, null, null,
                ProgramStep.DIRECT_DIALOGUE.subList(0, 2), null);
        Refusal refusal = m.refused(ORGANISER, new Command.ChangeSetup(twoSteps));
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.en()).isEqualTo("The program step under way cannot be removed");

        var threeSteps = new Setup(null, "Hội nghị", null, null, null, null, null, null,
                ProgramStep.DIRECT_DIALOGUE.subList(0, 3), null);
        m.ok(ORGANISER, new Command.ChangeSetup(threeSteps));
        assertThat(m.state().setup().steps()).hasSize(3);
    }

    @Test
    void aStepWithoutAnEnglishNameTakesItsVietnameseName() {
        var m = MeetingScript.created();
        var steps = List.of(new ProgramStep(" Khai mạc ", null));
        m.ok(ORGANISER, new Command.ChangeSetup(new Setup(null, "Hội nghị", null, null, null, null, null, null, steps, null)));
        assertThat(m.state().setup().steps()).containsExactly(new ProgramStep("Khai mạc", "Khai mạc"));
    }

    @Test
    void changingTheSetupAfterTheMeetingClosesIsRefused() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseMeeting());
        assertThat(m.refusedCode(ORGANISER, new Command.ChangeSetup(MeetingScript.setup(null))))
                .isEqualTo(Refusal.WRONG_STATE);
    }
}
