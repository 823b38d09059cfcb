package vn.doithoai.meeting;

import org.junit.jupiter.api.Test;
import vn.doithoai.rules.Refusal;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.ORGANISER;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;
import static vn.doithoai.meeting.MeetingScript.phone;

/** Plan 004 II.3.3: people speak "in the order, on the content and for the time they registered". */
class SpeakingTimeAskedTest {

    private static Command.Register asking(String name, Integer minutes) {
        return new Command.Register(name, "Thôn 1", null, "Đường", null, null, minutes, null);
    }

    private static long allowedMsOfLastCall(List<Event> events) {
        return ((Event.SpeakerCalled) events.get(events.size() - 1)).allowedMs();
    }

    @Test
    void aPhoneAsksForThreeMinutesAndIsCalledForThree() {
        var m = MeetingScript.started();
        List<Event> events = m.ok(phone("a1"), asking("Lê Văn Hòa", 3));
        assertThat(((Event.SpeakerRegistered) events.get(0)).minutes()).isEqualTo(3);
        assertThat(m.registration(1).minutesAsked()).isEqualTo(3);

        assertThat(allowedMsOfLastCall(m.ok(CHAIR, new Command.CallNext(null)))).isEqualTo(180_000);
    }

    @Test
    void withoutATimeAskedTheSpeakerGetsTheRulesSlot() {
        var m = MeetingScript.started();
        m.ok(phone("a1"), asking("Lê Văn Hòa", null));
        assertThat(allowedMsOfLastCall(m.ok(CHAIR, new Command.CallSpeaker(1, null)))).isEqualTo(300_000);
    }

    @Test
    void theDeskRegistersTheTimeAskedAndCallingThatSpeakerGivesIt() {
        var m = MeetingScript.started();
        m.ok(SECRETARY, new Command.RegisterAtDesk("Trần Thị Mai", "Thôn 2", null, "Vay vốn", null, null, null, 2, null));
        assertThat(allowedMsOfLastCall(m.ok(CHAIR, new Command.CallSpeaker(1, null)))).isEqualTo(120_000);
    }

    @Test
    void moreThanTheSlotIsRefusedSayingWhatTheSlotIsAndChangesNothing() {
        var m = MeetingScript.started();
        Refusal seven = m.refused(phone("a1"), asking("Lê Văn Hòa", 7));
        assertThat(seven.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(seven.vi()).isEqualTo("Thời gian xin phát biểu phải từ 1 phút đến 5 phút (quy định của hội nghị)");
        assertThat(seven.en()).isEqualTo("The speaking time asked for must be between 1 minute and 5 minutes (the meeting's rule)");
        m.ok(phone("a1"), asking("Lê Văn Hòa", 5));

        assertThat(m.refusedCode(SECRETARY, new Command.RegisterAtDesk("Mai", "Thôn 2", null, "Vay vốn", null, null, null, 6, null)))
                .isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(phone("a2"), asking("Mai", 0))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(phone("a2"), asking("Mai", -3))).isEqualTo(Refusal.FIELD_INVALID);
    }

    @Test
    void aSlotThatIsNotWholeMinutesIsSaidInSeconds() {
        var m = MeetingScript.started(MeetingScript.rules(90, 5, true));
        assertThat(m.refused(phone("a1"), asking("Lê Văn Hòa", 2)).vi())
                .isEqualTo("Thời gian xin phát biểu phải từ 1 phút đến 90 giây (quy định của hội nghị)");
        m.ok(phone("a1"), asking("Lê Văn Hòa", 1));
    }

    @Test
    void theChairsOwnSecondsWinOverTheTimeAsked() {
        var m = MeetingScript.started();
        m.ok(phone("a1"), asking("Lê Văn Hòa", 3));
        assertThat(allowedMsOfLastCall(m.ok(CHAIR, new Command.CallNext(240)))).isEqualTo(240_000);
    }

    @Test
    void aSlotShortenedAfterTheRegistrationIsTheMostASpeakerGets() {
        var m = MeetingScript.started();
        m.ok(phone("a1"), asking("Lê Văn Hòa", 5));
        m.ok(ORGANISER, new Command.ChangeSetup(MeetingScript.setup(MeetingScript.rules(240, 5, true))));
        assertThat(allowedMsOfLastCall(m.ok(CHAIR, new Command.CallNext(null)))).isEqualTo(240_000);
    }

    @Test
    void theHallDoesNotSeeOtherPeoplesTimeAskedButTheOwnerDoes() {
        var m = MeetingScript.started();
        Event registered = m.ok(phone("a1"), asking("Lê Văn Hòa", 3)).get(0);
        var display = Visibility.Viewer.of(Actor.DISPLAY);
        var owner = Visibility.Viewer.of(phone("a1"));
        assertThat(((Event.SpeakerRegistered) Visibility.event(registered, display, false)).minutes()).isNull();
        assertThat(((Event.SpeakerRegistered) Visibility.event(registered, owner, true)).minutes()).isEqualTo(3);
        assertThat(Visibility.publicState(m.state(), owner).registrations().get(1).minutesAsked()).isEqualTo(3);
    }
}
