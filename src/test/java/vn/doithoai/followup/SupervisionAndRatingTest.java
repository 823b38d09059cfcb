package vn.doithoai.followup;

import org.junit.jupiter.api.Test;
import vn.doithoai.meeting.Outcome;
import vn.doithoai.rules.Refusal;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.followup.FollowUpScript.CLOSED_ON;
import static vn.doithoai.followup.FollowUpScript.CODE;

class SupervisionAndRatingTest {

    // ---- the Front's supervision -----------------------------------------------------------

    @Test
    void theFrontPutsAConclusionInAYearsPlanOnceAndRecordsWhatItFound() {
        var script = FollowUpScript.assigned();
        script.ok(new FollowUpCommand.MarkForSupervision(2026), "front");
        assertThat(script.refused(new FollowUpCommand.MarkForSupervision(2026)).vi())
                .isEqualTo("Kết luận đã có trong kế hoạch giám sát năm 2026");
        script.ok(new FollowUpCommand.MarkForSupervision(2027), "front");
        assertThat(script.followUp().supervisionYears()).containsExactly(2026, 2027);

        script.advance(Duration.ofDays(30));
        script.ok(new FollowUpCommand.RecordSupervision("Cơ quan chưa bố trí vốn; đề nghị đôn đốc", null), "front");
        assertThat(script.followUp().findings()).containsExactly(
                new Finding("Cơ quan chưa bố trí vốn; đề nghị đôn đốc", CLOSED_ON.plusDays(30), script.now()));
        assertThat(script.followUp().status()).as("supervision changes no status").isEqualTo(FollowUpStatus.ASSIGNED);
    }

    @Test
    void aSupervisionYearIsFromTheConclusionsYearToNextYear() {
        var script = FollowUpScript.assigned();
        assertThat(script.refused(new FollowUpCommand.MarkForSupervision(2025)).en()).isEqualTo("The supervision year must be from 2026 to 2027");
        assertThat(script.refused(new FollowUpCommand.MarkForSupervision(2028)).code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(script.refused(new FollowUpCommand.MarkForSupervision(null)).vi()).isEqualTo("Chưa nhập: Năm giám sát");
    }

    @Test
    void aFindingNeedsTheConclusionInAPlanAndSaysSomething() {
        var script = FollowUpScript.assigned();
        assertThat(script.refused(new FollowUpCommand.RecordSupervision("Tốt", null)).code()).isEqualTo(Refusal.WRONG_STATE);
        script.ok(new FollowUpCommand.MarkForSupervision(2026));
        assertThat(script.refused(new FollowUpCommand.RecordSupervision(" ", null)).en()).isEqualTo("Missing: Finding");
    }

    @Test
    void aConclusionDoneIsSupervisedToo() {
        var script = FollowUpScript.opened(Outcome.ANSWERED);
        script.ok(new FollowUpCommand.MarkForSupervision(2026));
        script.ok(new FollowUpCommand.RecordSupervision("Người dân đã nhận trả lời", null));
        assertThat(script.followUp().findings()).hasSize(1);
    }

    // ---- the citizens' ratings -------------------------------------------------------------

    @Test
    void aCitizenRatesOnceTheOfficeHasSettledItAndOncePerPetition() {
        var script = FollowUpScript.assigned();
        assertThat(script.refused(new FollowUpCommand.Rate(CODE, true, null)).en()).isEqualTo("Not yet to be rated: the conclusion is assigned");
        script.ok(new FollowUpCommand.Finish("Đã sửa đường", null));
        script.ok(new FollowUpCommand.Rate(CODE, false, "  Mới sửa một nửa "), "public-tracking");
        assertThat(script.followUp().ratings()).containsExactly(new Rating(CODE, false, "Mới sửa một nửa", script.now()));
        assertThat(script.refused(new FollowUpCommand.Rate(CODE, true, null)).vi()).isEqualTo("Kiến nghị này đã được đánh giá");
    }

    @Test
    void aRatingNeedsAPetitionTheConclusionAnsweredAnAnswerAndAReasonWhenNotSatisfied() {
        var script = FollowUpScript.opened(Outcome.EXPLAINED);
        assertThat(script.refused(new FollowUpCommand.Rate("KN-2222-3333", true, null)).code()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(script.refused(new FollowUpCommand.Rate(CODE, null, null)).en()).isEqualTo("Missing: Satisfaction");
        assertThat(script.refused(new FollowUpCommand.Rate(CODE, false, "  ")).vi()).isEqualTo("Chưa nhập: Lý do");
        assertThat(script.refused(new FollowUpCommand.Rate(CODE, false, "x".repeat(501))).code()).isEqualTo(Refusal.FIELD_TOO_LONG);
        script.ok(new FollowUpCommand.Rate(CODE, true, null), "public-tracking");
        assertThat(script.followUp().ratingOf(CODE).orElseThrow().satisfied()).isTrue();
    }

    @Test
    void theTrackingPageSeesTheStatusAndTheResultNeverTheNotesFindingsOrReasons() {
        var script = FollowUpScript.assigned();
        script.ok(new FollowUpCommand.Note("Ghi chú nội bộ về hộ ông A", null));
        script.ok(new FollowUpCommand.Finish("Đã sửa đường", null));
        script.ok(new FollowUpCommand.MarkForSupervision(2026));
        script.ok(new FollowUpCommand.RecordSupervision("Phát hiện nội bộ", null));
        PublicFollowUp before = PublicFollowUp.of(script.followUp(), CODE, script.today());
        assertThat(before.canRate()).isTrue();
        assertThat(before.rated()).isNull();
        assertThat(before.result()).isEqualTo("Đã sửa đường");
        assertThat(before.statusVi()).isEqualTo("Đã hoàn thành");
        script.ok(new FollowUpCommand.Rate(CODE, false, "Lý do riêng"));
        PublicFollowUp after = PublicFollowUp.of(script.followUp(), CODE, script.today());
        assertThat(after.canRate()).isFalse();
        assertThat(after.rated()).isFalse();
        assertThat(vn.doithoai.codec.Json.write(after)).doesNotContain("hộ ông A", "Phát hiện nội bộ", "Lý do riêng");
    }
}
