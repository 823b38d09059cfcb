package vn.doithoai.documents;

import org.junit.jupiter.api.Test;
import vn.doithoai.codec.Json;
import vn.doithoai.meeting.MeetingState;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeOfConclusionsTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 20);

    @Test
    void theNoticeSaysWhatTheMeetingWasAndEachConclusionWithItsOfficeDeadlineAndStatus() {
        NoticeOfConclusions notice = NoticeOfConclusions.of(ClosedMeeting.state(), "Xã Kiến Minh", PUBLISHED);
        assertThat(notice.issuingBody()).isEqualTo("Ủy ban nhân dân\nxã Kiến Minh");
        assertThat(notice.place()).isEqualTo("Kiến Minh");
        assertThat(notice.date()).isEqualTo(PUBLISHED);
        assertThat(notice.meetingTitle()).isEqualTo("Hội nghị đối thoại năm 2026");
        assertThat(notice.heldOn()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(notice.venue()).isEqualTo("Hội trường UBND xã Kiến Minh");
        assertThat(notice.chairs()).containsExactly("Bí thư Đảng ủy xã", "Chủ tịch UBND xã");

        assertThat(notice.conclusions()).extracting(NoticeOfConclusions.Item::number).containsExactly(1, 2, 3);
        var first = notice.conclusions().get(0);
        assertThat(first.office()).isEqualTo("Phòng Kinh tế");
        assertThat(first.deadlineText()).isEqualTo("30/09/2026");
        assertThat(first.status()).isEqualTo(new NoticeOfConclusions.Label("ASSIGNED", "Giao cơ quan giải quyết", "Assigned to an office"));
        assertThat(notice.conclusions().get(1).status().vi()).isEqualTo("Chuyển cấp trên");
        assertThat(notice.conclusions().get(2).deadlineText()).isEmpty();
        assertThat(notice.conclusions().get(2).office()).isNull();
    }

    @Test
    void speakersAreNamedByTheirVillageOnlyAndAnAnswerIsNoSpeaker() {
        NoticeOfConclusions notice = NoticeOfConclusions.of(ClosedMeeting.state(), "Kiến Minh", PUBLISHED);
        assertThat(notice.conclusions().get(0).villages()).containsExactly("Thôn Broch");
        assertThat(notice.conclusions().get(1).villages()).containsExactly("Thôn Broch", "Làng Đê Kjiêng");
        assertThat(notice.conclusions().get(2).villages()).isEmpty();
        String everything = Json.write(notice) + notice;
        assertThat(everything).doesNotContain(ClosedMeeting.AN, ClosedMeeting.AN_PHONE, ClosedMeeting.LAN,
                ClosedMeeting.LAN_PHONE, ClosedMeeting.RESPONDER, "a1", "Đường liên thôn", "Nước sạch");
    }

    @Test
    void onlyAClosedMeetingHasANotice() {
        MeetingState open = MeetingState.NEW;
        assertThatThrownBy(() -> NoticeOfConclusions.of(open, "Kiến Minh", PUBLISHED)).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(NoticeOfConclusions.dayText(LocalDate.of(2026, 1, 5)))).containsExactly("05/01/2026");
    }
}
