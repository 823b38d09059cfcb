package vn.doithoai.meeting;

import vn.doithoai.codec.Json;
import vn.doithoai.rules.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;

class MinutesSignOffTest {

    private static final String SECRETARY_NAME = "Phạm Thị Lan";
    private static final String CHAIR_NAME = "Y Đức Thành";

    /** A closed meeting with a line of the secretary's (entry 2) and a conclusion. */
    private static MeetingScript closed() {
        var m = MeetingScript.started();
        m.desk("Lê Văn Hòa", "Thôn 1", "Đường");
        m.ok(SECRETARY, new Command.RecordMinute("Đồng chí Chủ tịch UBMTTQ xã tuyên bố lý do.", null));
        m.ok(CHAIR, new Command.RecordConclusion("Giao Địa chính rà soát.", Outcome.ASSIGNED, "Địa chính",
                LocalDate.of(2026, 7, 31), List.of(), null));
        m.advanceSeconds(3600);
        m.ok(CHAIR, new Command.CloseMeeting());
        return m;
    }

    private static MeetingScript approved() {
        var m = closed();
        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        m.advanceSeconds(7200);
        m.ok(CHAIR, new Command.ApproveMinutes(CHAIR_NAME));
        return m;
    }

    private static Refusal refused(MeetingScript m, Actor actor, Command command) {
        Refusal refusal = m.refused(actor, command);
        assertThat(refusal.code()).as("%s", command).isEqualTo(Refusal.WRONG_STATE);
        return refusal;
    }

    @Test
    void theSecretaryFinalisesAfterTheCloseAndTheChairApprovesEachWithNameAndTime() {
        var m = closed();
        assertThat(m.state().minutesSignOff()).isEqualTo(MinutesSignOff.DRAFT);

        m.advanceSeconds(600);
        Instant finalisedAt = m.now();
        assertThat(m.ok(SECRETARY, new Command.FinaliseMinutes("  Phạm  Thị Lan "))).containsExactly(
                new Event.MinutesFinalised(SECRETARY_NAME));
        assertThat(m.state().minutesSignOff().stage()).isEqualTo(MinutesSignOff.Stage.FINAL);
        assertThat(m.state().minutesSignOff().secretary()).isEqualTo(SECRETARY_NAME);
        assertThat(m.state().minutesSignOff().finalisedAt()).isEqualTo(finalisedAt);

        m.advanceSeconds(86_400);
        Instant approvedAt = m.now();
        assertThat(m.ok(CHAIR, new Command.ApproveMinutes(CHAIR_NAME))).containsExactly(new Event.MinutesApproved(CHAIR_NAME));
        MinutesSignOff signOff = m.state().minutesSignOff();
        assertThat(signOff.stage()).isEqualTo(MinutesSignOff.Stage.APPROVED);
        assertThat(signOff.chair()).isEqualTo(CHAIR_NAME);
        assertThat(signOff.approvedAt()).isEqualTo(approvedAt);
        assertThat(signOff.secretary()).isEqualTo(SECRETARY_NAME);
        assertThat(signOff.finalisedAt()).isEqualTo(finalisedAt);
    }

    @Test
    void theMinutesAreNotFinalisedWhileTheMeetingRuns() {
        var m = MeetingScript.started();
        Refusal refusal = refused(m, SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        assertThat(refusal.vi()).isEqualTo("Chỉ hoàn thành biên bản sau khi bế mạc hội nghị");
        assertThat(refusal.en()).isEqualTo("The minutes are finalised only after the meeting is closed");
    }

    @Test
    void theChairApprovesOnlyAFinalText() {
        var m = closed();
        Refusal draft = refused(m, CHAIR, new Command.ApproveMinutes(CHAIR_NAME));
        assertThat(draft.vi()).startsWith("Thư ký chưa hoàn thành biên bản");

        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        assertThat(refused(m, SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME)).en())
                .isEqualTo("The minutes are final already");
        m.ok(CHAIR, new Command.ApproveMinutes(CHAIR_NAME));
        assertThat(refused(m, CHAIR, new Command.ApproveMinutes(CHAIR_NAME)).en()).isEqualTo("The minutes are approved already");
        assertThat(refused(m, SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME)).en())
                .isEqualTo("The minutes are approved already");
    }

    @Test
    void whoSignsMustBeNamed() {
        var m = closed();
        assertThat(m.refused(SECRETARY, new Command.FinaliseMinutes(" \u200b ")).code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refused(SECRETARY, new Command.FinaliseMinutes(null)).vi()).isEqualTo("Chưa nhập: Họ tên thư ký");
        assertThat(m.refused(SECRETARY, new Command.FinaliseMinutes("A".repeat(101))).code()).isEqualTo(Refusal.FIELD_TOO_LONG);
        m.ok(SECRETARY, new Command.FinaliseMinutes("Pha\u0323m Thi\u0323 Lan"));
        assertThat(m.state().minutesSignOff().secretary()).isEqualTo(SECRETARY_NAME); // NFC
        Refusal noChair = m.refused(CHAIR, new Command.ApproveMinutes(""));
        assertThat(noChair.code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(noChair.en()).isEqualTo("Missing: Chair's name");
    }

    @Test
    void aDraftIsStillWrittenAndCorrectedAfterTheClose() {
        var m = closed();
        m.ok(SECRETARY, new Command.RecordMinute("Biên bản được thông qua.", null));
        m.ok(SECRETARY, new Command.CorrectMinute(2, "Đồng chí Chủ tịch UBMTTQ xã tuyên bố lý do, giới thiệu đại biểu."));
        m.ok(CHAIR, new Command.CorrectConclusion(1, "Giao Địa chính rà soát, trả lời bằng văn bản.", Outcome.ASSIGNED,
                "Địa chính", LocalDate.of(2026, 8, 15), List.of(), null));
        assertThat(m.lastMinute().text()).isEqualTo("Biên bản được thông qua.");
    }

    @Test
    void aFinalTextChangesOnlyOnceTheSecretaryReopensItSayingWhy() {
        var m = closed();
        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));

        Refusal line = refused(m, SECRETARY, new Command.RecordMinute("Thêm một ý.", null));
        assertThat(line.vi()).isEqualTo("Biên bản đã hoàn thành, đang chờ chủ trì phê duyệt: thư ký mở lại biên bản để sửa");
        assertThat(line.en()).contains("reopens them");
        refused(m, SECRETARY, new Command.CorrectMinute(2, "Sửa."));
        refused(m, CHAIR, new Command.RecordConclusion("Thêm.", Outcome.EXPLAINED, null, null, null, null));
        refused(m, SECRETARY, new Command.CorrectConclusion(1, "Sửa.", Outcome.EXPLAINED, null, null, null, null));
        refused(m, SECRETARY, new Command.EditRegistration(1, "Đường liên thôn", null, null));

        assertThat(m.refused(SECRETARY, new Command.ReopenMinutes(null)).code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.ok(SECRETARY, new Command.ReopenMinutes("Chủ trì đề nghị bổ sung ý kiến của ông Hòa")))
                .containsExactly(new Event.MinutesReopened("Chủ trì đề nghị bổ sung ý kiến của ông Hòa"));
        MinutesSignOff reopened = m.state().minutesSignOff();
        assertThat(reopened.stage()).isEqualTo(MinutesSignOff.Stage.DRAFT);
        assertThat(reopened.finalisedAt()).isNull();
        assertThat(reopened.reopenedBecause()).isEqualTo("Chủ trì đề nghị bổ sung ý kiến của ông Hòa");
        assertThat(refused(m, SECRETARY, new Command.ReopenMinutes("Lần nữa")).en()).isEqualTo("The minutes are a draft already");

        m.ok(SECRETARY, new Command.CorrectMinute(2, "Đồng chí Chủ tịch UBMTTQ xã tuyên bố lý do; ông Hòa phát biểu."));
        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        m.ok(CHAIR, new Command.ApproveMinutes(CHAIR_NAME));
        assertThat(refused(m, SECRETARY, new Command.ReopenMinutes("Sau phê duyệt")).en()).isEqualTo("The minutes are approved already");
    }

    @Test
    void approvedMinutesAreLockedAndSaySoInBothLanguages() {
        var m = approved();
        Refusal record = refused(m, SECRETARY, new Command.RecordMinute("Thêm một ý.", null));
        assertThat(record.vi()).isEqualTo("Biên bản đã được phê duyệt và khóa: hãy ghi nội dung sửa đổi vào phụ lục biên bản");
        assertThat(record.en()).isEqualTo("The minutes are approved and locked: write the correction as an addendum");
        assertThat(refused(m, SECRETARY, new Command.CorrectMinute(2, "Sửa.")).en()).isEqualTo(record.en());
        refused(m, CHAIR, new Command.CorrectConclusion(1, "Sửa.", Outcome.EXPLAINED, null, null, null, null));
        refused(m, SECRETARY, new Command.RecordConclusion("Thêm.", Outcome.EXPLAINED, null, null, null, null));
        refused(m, CHAIR, new Command.EditRegistration(1, null, "Tóm tắt mới", null));
    }

    @Test
    void anAddendumComesAfterTheApprovalWithItsOwnDateAndWhoAddedIt() {
        var m = closed();
        Refusal early = refused(m, SECRETARY, new Command.AddMinutesAddendum("Bổ sung."));
        assertThat(early.vi()).startsWith("Phụ lục chỉ thêm sau khi biên bản được phê duyệt");
        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        refused(m, CHAIR, new Command.AddMinutesAddendum("Bổ sung."));
        m.ok(CHAIR, new Command.ApproveMinutes(CHAIR_NAME));

        m.advanceSeconds(3 * 86_400);
        Instant first = m.now();
        assertThat(m.ok(SECRETARY, new Command.AddMinutesAddendum("  Sửa tên thôn của ông Hòa thành Thôn 1.\n"))).containsExactly(
                new Event.MinutesAddendumAdded(1, "Sửa tên thôn của ông Hòa thành Thôn 1.", Role.SECRETARY));
        m.advanceSeconds(86_400);
        m.ok(CHAIR, new Command.AddMinutesAddendum("Bổ sung thời hạn kết luận số 1."));
        assertThat(m.refused(CHAIR, new Command.AddMinutesAddendum(" ")).code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refused(CHAIR, new Command.AddMinutesAddendum("x".repeat(5001))).code()).isEqualTo(Refusal.FIELD_TOO_LONG);

        assertThat(m.state().minutesSignOff().addenda()).containsExactly(
                new MinutesSignOff.Addendum(1, first, Role.SECRETARY, "Sửa tên thôn của ông Hòa thành Thôn 1."),
                new MinutesSignOff.Addendum(2, first.plusSeconds(86_400), Role.CHAIR, "Bổ sung thời hạn kết luận số 1."));
        assertThat(m.state().minutesSignOff().stage()).isEqualTo(MinutesSignOff.Stage.APPROVED);
    }

    @Test
    void theSignOffIsRebuiltByReplayAndReadBackFromTheSnapshot() throws Exception {
        var m = ReplayTest.plan004Meeting();
        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        m.ok(SECRETARY, new Command.ReopenMinutes("Thiếu ý kiến"));
        m.ok(SECRETARY, new Command.RecordMinute("Bổ sung ý kiến.", null));
        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        m.advanceSeconds(3600);
        m.ok(CHAIR, new Command.ApproveMinutes(CHAIR_NAME));
        m.advanceSeconds(3600);
        m.ok(CHAIR, new Command.AddMinutesAddendum("Phụ lục."));

        MeetingState replayed = MeetingRules.replay(m.recorded());
        assertThat(replayed).isEqualTo(m.state());
        assertThat(Json.read(Json.write(m.state()), MeetingState.class)).isEqualTo(m.state());
        for (MeetingRules.Recorded r : m.recorded()) {
            Event event = r.event();
            assertThat(Json.read(Json.write(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void staffPatchesCarryTheSignOffAndTheHallsDoNot() {
        var m = closed();
        MeetingState before = m.state();
        m.ok(SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        StatePatch patch = StatePatch.between(before, m.state());

        assertThat(patch.visibleTo(Visibility.Viewer.of(Actor.CHAIR)).parts())
                .containsEntry("minutesSignOff", m.state().minutesSignOff());
        assertThat(patch.visibleTo(Visibility.Viewer.of(Actor.DISPLAY)).parts()).doesNotContainKey("minutesSignOff");
        assertThat(patch.visibleTo(Visibility.Viewer.of(Actor.attendee("a1"))).parts()).doesNotContainKey("minutesSignOff");
    }
}
