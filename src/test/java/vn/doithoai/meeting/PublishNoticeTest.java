package vn.doithoai.meeting;

import org.junit.jupiter.api.Test;
import vn.doithoai.rules.Refusal;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.ORGANISER;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;

/** The notice of conclusions is published by the organiser, once the meeting is closed, and may be published again. */
class PublishNoticeTest {

    @Test
    void onlyTheOrganiserPublishesTheNotice() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseMeeting());
        for (Actor someone : List.of(CHAIR, SECRETARY, Actor.DISPLAY, Actor.DOOR, Actor.SERVER, Actor.attendee("a1"))) {
            assertThat(m.refusedCode(someone, new Command.PublishNotice())).as(someone.label()).isEqualTo(Refusal.WRONG_ROLE);
        }
        assertThat(m.state().noticePublishedAt()).isNull();
        m.ok(ORGANISER, new Command.PublishNotice());
        assertThat(m.state().noticePublishedAt()).isEqualTo(m.now());
    }

    @Test
    void theNoticeIsPublishedOnlyAfterTheClose() {
        var m = MeetingScript.created();
        assertThat(m.refusedCode(ORGANISER, new Command.PublishNotice())).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.OpenRegistration());
        assertThat(m.refusedCode(ORGANISER, new Command.PublishNotice())).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.StartMeeting());
        Refusal refusal = m.refused(ORGANISER, new Command.PublishNotice());
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.vi()).contains("sau khi hội nghị kết thúc");
        assertThat(refusal.en()).contains("closed");
        m.ok(CHAIR, new Command.CloseMeeting());
        assertThat(m.ok(ORGANISER, new Command.PublishNotice())).containsExactly(new Event.NoticePublished());
    }

    @Test
    void publishingAgainDatesTheNoticeAnewAndReplayGivesTheSameState() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.RecordConclusion("Sửa đường liên thôn", Outcome.ASSIGNED, "Phòng Kinh tế",
                java.time.LocalDate.of(2026, 9, 30), List.of(), List.of()));
        m.ok(CHAIR, new Command.CloseMeeting());
        m.advanceSeconds(3600);
        m.ok(ORGANISER, new Command.PublishNotice());
        var first = m.state().noticePublishedAt();
        m.advanceSeconds(86_400);
        m.ok(CHAIR, new Command.CorrectConclusion(1, "Sửa đường liên thôn Broch", Outcome.ASSIGNED, "Phòng Kinh tế",
                java.time.LocalDate.of(2026, 10, 31), List.of(), List.of()));
        m.ok(ORGANISER, new Command.PublishNotice());
        assertThat(m.state().noticePublishedAt()).isAfter(first).isEqualTo(m.now());
        assertThat(MeetingRules.replay(m.recorded())).isEqualTo(m.state());
    }
}
