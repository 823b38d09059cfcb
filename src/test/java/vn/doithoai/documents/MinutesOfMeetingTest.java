package vn.doithoai.documents;

import vn.doithoai.meeting.MeetingRules;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.MinutesMeetings;
import vn.doithoai.meeting.MinutesSignOff;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinutesOfMeetingTest {

    private static final String HEAD = "9f2c4e1a".repeat(8);

    private static Minutes minutes(MinutesSignOff.Stage stage) {
        return MinutesOfMeeting.from(MinutesMeetings.iaBang(stage), "Xã Ia Băng", HEAD);
    }

    @Test
    void theHeadingNamesTheCommuneAndTheHostOfficeWithThePlaceAndTheMeetingsDate() {
        Minutes m = minutes(MinutesSignOff.Stage.DRAFT);
        assertThat(m.heading()).isEqualTo(new Minutes.Heading("Xã Ia Băng\nVăn phòng Đảng ủy",
                "Ia Băng, ngày 15 tháng 6 năm 2026",
                "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân năm 2026"));
        assertThat(m.session().time()).isEqualTo("từ 08 giờ 00 đến 10 giờ 00, ngày 15/06/2026");
        assertThat(m.session().venue()).isEqualTo("Hội trường Ban Chấp hành Đảng bộ xã (thôn Broch, xã Ia Băng)");
        assertThat(m.session().form()).isEqualTo("Đối thoại trực tiếp, định kỳ");
        assertThat(m.session().chairs()).hasSize(2);
        assertThat(m.program()).hasSize(4).first().asString().startsWith("Đại diện Ủy ban MTTQ");
        assertThat(m.closing()).isEqualTo("Hội nghị kết thúc lúc 10 giờ 00 cùng ngày.");
        assertThat(m.checkCode()).isEqualTo(HEAD);
    }

    @Test
    void attendanceNamesTheDelegatesWhoCameAndCountsTheCitizens() {
        Minutes.Attendance a = minutes(MinutesSignOff.Stage.DRAFT).attendance();
        assertThat(a.lines()).containsExactly(
                "Đại biểu: 1 người có mặt trên 2 người được mời.",
                "Nhân dân: 1 người có mặt trên 2 người được mời; 1 người đến dự không có giấy mời.",
                "Tổng số người dự: 3 người.");
        assertThat(a.delegates()).containsExactly(new Minutes.Delegate("Rơ Mah Thuận", "Trưởng Công an xã", "Công an xã"));
    }

    @Test
    void eachSpeechAndAnswerHasItsRealStartAndLengthAndTheAnswerPointsAtItsSpeech() {
        Minutes m = minutes(MinutesSignOff.Stage.DRAFT);
        assertThat(m.speeches()).containsExactly(
                new Minutes.Speech(1, "Lê Văn Hòa", "Thôn Broch", "Đền bù giải phóng mặt bằng", MinutesMeetings.TRICKY_SUMMARY,
                        "08:20", "04:12"),
                new Minutes.Speech(2, "Trần Thị Mai", "Làng Bi", "Vay vốn hộ nghèo", null, "08:27", "01:35"));
        assertThat(m.answers()).containsExactly(
                new Minutes.Answer(1, "Ông Nguyễn Văn Bình", "Công chức Địa chính - Xây dựng", 1, "08:24", "03:05"));
    }

    @Test
    void theSecretarysLinesComeInOrderACorrectedOneOnceAsCorrected() {
        List<Minutes.Note> notes = minutes(MinutesSignOff.Stage.DRAFT).notes();
        assertThat(notes).containsExactly(
                new Minutes.Note("08:00", "Đồng chí Chủ tịch Ủy ban MTTQ xã tuyên bố lý do, giới thiệu đại biểu;"
                        + " hội nghị cử đồng chí Phạm Thị Lan làm thư ký.", null),
                new Minutes.Note("08:24", "Ông Hòa đề nghị <script>alert(1)</script> trả lời bằng văn bản.", "Lê Văn Hòa"));
    }

    @Test
    void refusalsAndStopsCarryTheirGrounds() {
        assertThat(minutes(MinutesSignOff.Stage.DRAFT).refusals()).containsExactly(
                new Minutes.Refused(1, "Đỗ Văn Tuấn", "Thôn 4", "Không cho phát biểu",
                        "Khiếu kiện đã có quyết định giải quyết cuối cùng — Quyết định số 45/QĐ-UBND"),
                new Minutes.Refused(2, "Trần Thị Mai", "Làng Bi", "Dừng phát biểu lúc 08:28",
                        "Vi phạm nội quy, quy định đối thoại — Lời lẽ xúc phạm"));
    }

    @Test
    void conclusionsHaveTheirOfficeDeadlineAndSpeeches() {
        assertThat(minutes(MinutesSignOff.Stage.DRAFT).conclusions()).containsExactly(
                new Minutes.ConclusionLine(1, "Giao Địa chính rà soát hồ sơ đền bù của hộ ông Hòa, trả lời bằng văn bản.",
                        "Giao cơ quan giải quyết", "Địa chính - Xây dựng", "31/07/2026", "Về ý kiến số 1"),
                new Minutes.ConclusionLine(2, "Chính sách vay vốn hộ nghèo đã được giải thích tại hội nghị.",
                        "Giải thích, làm rõ", null, null, null));
    }

    @Test
    void theVersionIsToldApartAndTheSignaturesFillInAsTheySign() {
        Minutes draft = minutes(MinutesSignOff.Stage.DRAFT);
        assertThat(draft.version()).isEqualTo(new Minutes.Version(Minutes.Stage.DRAFT, "DỰ THẢO"));
        assertThat(draft.signatures()).isEqualTo(new Minutes.Signatures(null, null));
        assertThat(draft.session().secretary()).isNull();

        Minutes finalText = minutes(MinutesSignOff.Stage.FINAL);
        assertThat(finalText.version()).isEqualTo(new Minutes.Version(Minutes.Stage.FINAL, "BẢN HOÀN THIỆN"));
        assertThat(finalText.signatures()).isEqualTo(new Minutes.Signatures("Phạm Thị Lan", null));
        assertThat(finalText.addenda()).isEmpty();

        Minutes approved = minutes(MinutesSignOff.Stage.APPROVED);
        assertThat(approved.version()).isEqualTo(new Minutes.Version(Minutes.Stage.APPROVED, "ĐÃ PHÊ DUYỆT ngày 16/06/2026"));
        assertThat(approved.signatures()).isEqualTo(new Minutes.Signatures("Phạm Thị Lan", "Y Đức Thành"));
        assertThat(approved.addenda()).containsExactly(new Minutes.Addendum("Phụ lục ngày 18/06/2026", "Thư ký",
                "Sửa thời hạn kết luận số 1 thành ngày 15/08/2026."));
    }

    @Test
    void beforeTheCloseTheMinutesSayTheCheckCodeIsNotThereYet() {
        MeetingState open = MeetingRules.replay(MinutesMeetings.fourHours(3).subList(0, 10));
        Minutes m = MinutesOfMeeting.from(open, "Ia Băng", null);
        assertThat(m.checkCode()).isNull();
        assertThat(m.closing()).isNull();
        assertThat(m.heading().issuingBody()).isEqualTo("Xã Ia Băng\nVăn phòng HĐND-UBND xã");
    }
}
