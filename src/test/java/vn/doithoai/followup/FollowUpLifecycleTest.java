package vn.doithoai.followup;

import org.junit.jupiter.api.Test;
import vn.doithoai.meeting.Outcome;
import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.followup.FollowUpScript.CLOSED;
import static vn.doithoai.followup.FollowUpScript.CLOSED_ON;

class FollowUpLifecycleTest {

    // ---- opening -----------------------------------------------------------------------

    @Test
    void aConclusionAssignedOrForwardedOpensAsWorkForItsOffice() {
        for (Outcome outcome : List.of(Outcome.ASSIGNED, Outcome.FORWARDED)) {
            FollowUp f = FollowUpScript.opened(outcome).followUp();
            assertThat(f.status()).as("%s", outcome).isEqualTo(FollowUpStatus.ASSIGNED);
            assertThat(f.settledOn()).isNull();
            assertThat(f.openedOn()).isEqualTo(CLOSED_ON);
            assertThat(f.officeId()).isEqualTo(FollowUpScript.ECONOMY);
        }
    }

    @Test
    void aConclusionAnsweredOrExplainedAtTheMeetingOpensDoneOnTheDayOfTheMeeting() {
        for (Outcome outcome : List.of(Outcome.ANSWERED, Outcome.EXPLAINED)) {
            var script = FollowUpScript.opened(outcome);
            assertThat(script.followUp().status()).as("%s", outcome).isEqualTo(FollowUpStatus.DONE);
            assertThat(script.followUp().settledOn()).isEqualTo(CLOSED_ON);
            assertThat(script.refused(new FollowUpCommand.Start(null, null)).code()).isEqualTo(Refusal.WRONG_STATE);
        }
    }

    @Test
    void aConclusionIsOpenedOnceAndNothingElseHappensToOneNeverOpened() {
        var script = FollowUpScript.assigned();
        assertThat(script.refused(FollowUpScript.open(Outcome.ASSIGNED)).en()).isEqualTo("The conclusion is followed already");
        var ruling = FollowUpRules.decide(null, new FollowUpCommand.Start(null, null), "someone", CLOSED);
        assertThat(ruling.refusal().code()).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void aCommandFromNobodyIsRefused() {
        var ruling = FollowUpRules.decide(FollowUpScript.assigned().followUp(), new FollowUpCommand.Note("x", null), " ", CLOSED);
        assertThat(ruling.refusal().code()).isEqualTo(Refusal.WRONG_ROLE);
    }

    // ---- the office's reports ------------------------------------------------------------

    @Test
    void theOfficeStartsNotesAndFinishesEachReportWithItsNoteAndDay() {
        var script = FollowUpScript.assigned();
        script.advance(Duration.ofDays(3));
        assertThat(script.ok(new FollowUpCommand.Start("  Đã khảo sát  hiện trường ", null)))
                .containsExactly(new FollowUpEvent.Started("Đã khảo sát  hiện trường", CLOSED_ON.plusDays(3), script.now()));
        assertThat(script.followUp().status()).isEqualTo(FollowUpStatus.IN_PROGRESS);

        script.advance(Duration.ofDays(10));
        script.ok(new FollowUpCommand.Note("Đã có dự toán, chờ vốn", CLOSED_ON.plusDays(12)));
        assertThat(script.followUp().status()).as("a note changes no status").isEqualTo(FollowUpStatus.IN_PROGRESS);

        script.advance(Duration.ofDays(5));
        script.ok(new FollowUpCommand.Finish("Đã sửa xong 300 m đường", null));
        FollowUp f = script.followUp();
        assertThat(f.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(f.result()).isEqualTo("Đã sửa xong 300 m đường");
        assertThat(f.settledOn()).isEqualTo(CLOSED_ON.plusDays(18));
        assertThat(f.updates()).extracting(Update::kind)
                .containsExactly(Update.Kind.STARTED, Update.Kind.NOTED, Update.Kind.DONE);
        assertThat(f.updates().get(1).on()).isEqualTo(CLOSED_ON.plusDays(12));
        assertThat(f.updates().get(1).at()).isEqualTo(CLOSED.plus(Duration.ofDays(13)));
    }

    @Test
    void anAssignedConclusionMayBeDoneOrTransferredWithoutBeingStarted() {
        var done = FollowUpScript.assigned();
        done.ok(new FollowUpCommand.Finish("Đã trả lời bằng văn bản", null));
        assertThat(done.followUp().status()).isEqualTo(FollowUpStatus.DONE);

        var transferred = FollowUpScript.assigned();
        transferred.ok(new FollowUpCommand.Transfer(" UBND  tỉnh Gia Lai ", "Thuộc thẩm quyền cấp tỉnh", null));
        assertThat(transferred.followUp().status()).isEqualTo(FollowUpStatus.TRANSFERRED);
        assertThat(transferred.followUp().transferredTo()).isEqualTo("UBND tỉnh Gia Lai");
        assertThat(transferred.followUp().settledOn()).isEqualTo(CLOSED_ON);
    }

    @Test
    void aSettledConclusionTakesNoMoreReports() {
        var script = FollowUpScript.assigned();
        script.ok(new FollowUpCommand.Finish("Xong", null));
        Refusal refusal = script.refused(new FollowUpCommand.Note("thêm", null));
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.vi()).isEqualTo("Không thể cập nhật tiến độ: kết luận đang ở trạng thái «Đã hoàn thành»");
        assertThat(refusal.en()).isEqualTo("Cannot take a progress note: the conclusion is done");
        script.refused(new FollowUpCommand.Finish("Lại xong", null));
        script.refused(new FollowUpCommand.Transfer("Huyện", null, null));
        script.refused(new FollowUpCommand.Start(null, null));
    }

    @Test
    void startingTwiceIsRefused() {
        var script = FollowUpScript.assigned();
        script.ok(new FollowUpCommand.Start(null, null));
        assertThat(script.refused(new FollowUpCommand.Start(null, null)).vi()).contains("«Đang thực hiện»");
    }

    @Test
    void eachReportNeedsWhatItTellsAndADayThatCanBeTrue() {
        var script = FollowUpScript.assigned();
        assertThat(script.refused(new FollowUpCommand.Finish("  ", null)).vi()).isEqualTo("Chưa nhập: Kết quả thực hiện");
        assertThat(script.refused(new FollowUpCommand.Note(null, null)).en()).isEqualTo("Missing: Note");
        assertThat(script.refused(new FollowUpCommand.Transfer(null, null, null)).en()).isEqualTo("Missing: Transferred to");
        assertThat(script.refused(new FollowUpCommand.Note("x".repeat(1001), null)).code()).isEqualTo(Refusal.FIELD_TOO_LONG);
        Refusal future = script.refused(new FollowUpCommand.Note("Đã làm", CLOSED_ON.plusDays(1)));
        assertThat(future.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(future.vi()).isEqualTo("Ngày cập nhật không thể ở tương lai");
        assertThat(script.refused(new FollowUpCommand.Start(null, CLOSED_ON.minusDays(1))).en())
                .isEqualTo("The date cannot be before the meeting was closed");
        assertThat(script.followUp().updates()).isEmpty();
    }

    // ---- the meeting's record corrected after the close ------------------------------------

    @Test
    void aCorrectionBeforeAnyReportTakesTheNewOutcomeAndAfterOneKeepsWhatTheOfficeDid() {
        var script = FollowUpScript.opened(Outcome.ANSWERED);
        script.ok(new FollowUpCommand.Revise(2, "Giao Công an xã", Outcome.ASSIGNED, "Công an xã", null, null, List.of(), script.now()), "meeting");
        FollowUp f = script.followUp();
        assertThat(f.status()).isEqualTo(FollowUpStatus.ASSIGNED);
        assertThat(f.settledOn()).isNull();
        assertThat(f.officeName()).isEqualTo("Công an xã");
        assertThat(f.revision()).isEqualTo(2);

        script.ok(new FollowUpCommand.Start("Đang xác minh", null));
        script.ok(new FollowUpCommand.Revise(3, "Giải thích", Outcome.EXPLAINED, "Công an xã", null, null, List.of(), script.now()), "meeting");
        assertThat(script.followUp().status()).isEqualTo(FollowUpStatus.IN_PROGRESS);
        assertThat(script.followUp().text()).isEqualTo("Giải thích");
        assertThat(script.refused(new FollowUpCommand.Revise(3, "Cũ", Outcome.EXPLAINED, null, null, null, List.of(), script.now())).code())
                .isEqualTo(Refusal.WRONG_STATE);
    }
}
