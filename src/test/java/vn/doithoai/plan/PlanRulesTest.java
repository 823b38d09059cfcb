package vn.doithoai.plan;

import org.junit.jupiter.api.Test;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a commune's yearly plan: plain Java, no server. Plan 000, II.2.1 is the example. */
class PlanRulesTest {

    private static final UUID KIEN_MINH = UUID.randomUUID();
    private static final String CHAIR_UBND = "Phó Bí thư Đảng ủy, Chủ tịch UBND xã";
    private static final String VENUE = "Trụ sở Đảng ủy - UBND xã";

    /** A plan driven command by command, keeping the events as the ledger would. */
    private static final class Script {
        Plan plan = Plan.empty(KIEN_MINH, 2026);
        final List<PlanEvent> events = new ArrayList<>();

        List<PlanEvent> ok(PlanCommand command) {
            Ruling<PlanEvent> ruling = PlanRules.decide(plan, command);
            assertThat(ruling.refusal()).as("refused: %s", command).isNull();
            ruling.events().forEach(e -> plan = PlanRules.apply(plan, e));
            events.addAll(ruling.events());
            return ruling.events();
        }

        Refusal refused(PlanCommand command) {
            Ruling<PlanEvent> ruling = PlanRules.decide(plan, command);
            assertThat(ruling.accepted()).as("accepted: %s", command).isFalse();
            assertThat(ruling.events()).isEmpty();
            return ruling.refusal();
        }

        UUID add(DialogueDetails details) {
            UUID id = UUID.randomUUID();
            ok(new PlanCommand.AddDialogue(id, details));
            return id;
        }
    }

    private static DialogueDetails dialogue(DialogueKind kind, String theme, String group, Integer month, String chair) {
        return new DialogueDetails(kind, theme, group, month, chair, null, "Văn phòng HĐND - UBND xã", VENUE, null);
    }

    private static DialogueDetails june() {
        return dialogue(DialogueKind.PERIODIC, "Tiếp xúc, đối thoại với Nhân dân trên địa bàn xã", "Nhân dân", 6, CHAIR_UBND);
    }

    @Test
    void plan000sThreeDirectDialoguesMakeTheYearsPlan() {
        var s = new Script();
        s.ok(new PlanCommand.SetTarget(3, Map.of(DialogueKind.PERIODIC, 2, DialogueKind.THEMATIC, 1)));
        s.add(june());
        s.add(new DialogueDetails(DialogueKind.PERIODIC, "Đối thoại với đại diện cán bộ, đảng viên và Nhân dân",
                "Cán bộ, đảng viên và Nhân dân", 8, "Bí thư Đảng ủy, Chủ tịch HĐND xã", null, "Văn phòng Đảng ủy", VENUE, null));
        s.add(dialogue(DialogueKind.THEMATIC, "Đối thoại với doanh nghiệp trên địa bàn xã", "doanh nghiệp, hợp tác xã", 10, CHAIR_UBND));

        assertThat(s.plan.seq()).isEqualTo(4);
        assertThat(s.plan.target()).isEqualTo(new Target(3, Map.of(DialogueKind.PERIODIC, 2, DialogueKind.THEMATIC, 1)));
        assertThat(s.plan.dialogues()).extracting(PlannedDialogue::month).containsExactly(6, 8, 10);
        assertThat(s.plan.dialogues()).extracting(PlannedDialogue::position).containsExactly(1, 2, 3);
        assertThat(s.plan.dialogues().get(1).hostOffice()).isEqualTo("Văn phòng Đảng ủy");
        assertThat(s.plan.dialogues().get(2).group()).isEqualTo("doanh nghiệp, hợp tác xã");
    }

    @Test
    void replayingTheEventsRebuildsThePlanExactly() {
        var s = new Script();
        s.ok(new PlanCommand.SetTarget(3, null));
        UUID june = s.add(june());
        UUID august = s.add(dialogue(DialogueKind.PERIODIC, "Đối thoại giữa năm", null, 8, null));
        s.ok(new PlanCommand.ChangeDialogue(august, dialogue(DialogueKind.THEMATIC, "Đối thoại với thanh niên", "Thanh niên", 9, null)));
        s.ok(new PlanCommand.CancelDialogue(august, "Trùng lịch hội nghị của huyện"));
        s.ok(new PlanCommand.LinkMeeting(june, UUID.randomUUID()));

        Plan replayed = Plan.empty(KIEN_MINH, 2026);
        for (PlanEvent event : s.events) {
            replayed = PlanRules.apply(replayed, event);
        }
        assertThat(replayed).isEqualTo(s.plan);
        assertThat(replayed.dialogue(august).orElseThrow().theme()).isEqualTo("Đối thoại với thanh niên");
    }

    @Test
    void aPlannedDialogueIsSetUpAsOneMeetingAtMostAndACancelledOneAsNone() {
        var s = new Script();
        UUID june = s.add(june());
        UUID october = s.add(dialogue(DialogueKind.THEMATIC, "Đối thoại với doanh nghiệp", null, 10, CHAIR_UBND));
        UUID meeting = UUID.randomUUID();
        assertThat(PlanRules.linkProblem(s.plan, june)).isNull();
        s.ok(new PlanCommand.LinkMeeting(june, meeting));
        assertThat(s.plan.dialogue(june).orElseThrow().meetingId()).isEqualTo(meeting);

        assertThat(PlanRules.linkProblem(s.plan, june).code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(s.refused(new PlanCommand.LinkMeeting(june, UUID.randomUUID())).code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(s.refused(new PlanCommand.CancelDialogue(june, "Không tổ chức")).vi()).contains("Đã tạo hội nghị");

        s.ok(new PlanCommand.CancelDialogue(october, "Doanh nghiệp đề nghị lùi sang năm sau"));
        assertThat(s.plan.dialogue(october).orElseThrow().cancelled()).isTrue();
        assertThat(s.plan.dialogues()).hasSize(2);
        assertThat(PlanRules.linkProblem(s.plan, october).vi()).contains("đã bị hủy");
        assertThat(s.refused(new PlanCommand.LinkMeeting(october, UUID.randomUUID())).code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(s.refused(new PlanCommand.CancelDialogue(october, "Lần nữa")).code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(s.refused(new PlanCommand.ChangeDialogue(october, june())).code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(s.refused(new PlanCommand.LinkMeeting(UUID.randomUUID(), UUID.randomUUID())).code()).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void aCancellationNeedsItsReason() {
        var s = new Script();
        UUID june = s.add(june());
        Refusal missing = s.refused(new PlanCommand.CancelDialogue(june, " \u200b "));
        assertThat(missing.code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(missing.vi()).isEqualTo("Chưa nhập: Lý do");
        assertThat(missing.en()).isEqualTo("Missing: Reason");
        assertThat(s.refused(new PlanCommand.CancelDialogue(june, "x".repeat(501))).code()).isEqualTo(Refusal.FIELD_TOO_LONG);
    }

    @Test
    void theMonthTheThemeAndTheYearAreCheckedInBothLanguages() {
        var s = new Script();
        Refusal thirteen = s.refused(new PlanCommand.AddDialogue(UUID.randomUUID(), dialogue(null, "Đối thoại", null, 13, null)));
        assertThat(thirteen.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(thirteen.vi()).isEqualTo("Tháng phải từ 1 đến 12");
        assertThat(thirteen.en()).isEqualTo("The month must be between 1 and 12");
        assertThat(s.refused(new PlanCommand.AddDialogue(UUID.randomUUID(), dialogue(null, "Đối thoại", null, 0, null))).code())
                .isEqualTo(Refusal.FIELD_INVALID);
        assertThat(s.refused(new PlanCommand.AddDialogue(UUID.randomUUID(), dialogue(null, "Đối thoại", null, null, null))).vi())
                .isEqualTo("Chưa nhập: Tháng");
        Refusal noTheme = s.refused(new PlanCommand.AddDialogue(UUID.randomUUID(), dialogue(null, "   ", null, 6, null)));
        assertThat(noTheme.vi()).isEqualTo("Chưa nhập: Chủ đề");
        assertThat(noTheme.en()).isEqualTo("Missing: Theme");
        assertThat(s.refused(new PlanCommand.AddDialogue(UUID.randomUUID(), dialogue(null, "x".repeat(301), null, 6, null))).code())
                .isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(s.refused(new PlanCommand.AddDialogue(UUID.randomUUID(), dialogue(null, "Đối thoại", "g".repeat(101), 6, null))).en())
                .isEqualTo("Group is too long (at most 100 characters)");

        assertThat(PlanRules.yearProblem(1999).en()).isEqualTo("The plan's year must be between 2000 and 2099");
        assertThat(PlanRules.yearProblem(2100)).isNotNull();
        assertThat(PlanRules.yearProblem(2000)).isNull();
        assertThat(PlanRules.yearProblem(2099)).isNull();
        Refusal oldYear = PlanRules.decide(Plan.empty(KIEN_MINH, 1999), new PlanCommand.SetTarget(3, null)).refusal();
        assertThat(oldYear.vi()).isEqualTo("Năm của kế hoạch phải từ 2000 đến 2099");
        assertThat(s.plan.dialogues()).isEmpty();
    }

    @Test
    void textIsCleanedAsEverywhereAndTheKindIsPeriodicUnlessSaid() {
        var s = new Script();
        String decomposed = "Đo\u0302\u0301i thoại  với\u00a0Nhân dân\u200b";
        UUID id = s.add(new DialogueDetails(null, decomposed, "  Nhân dân ", 6, " ", null, null, null, "\n"));
        PlannedDialogue d = s.plan.dialogue(id).orElseThrow();
        assertThat(d.theme()).isEqualTo("Đối thoại với Nhân dân");
        assertThat(d.group()).isEqualTo("Nhân dân");
        assertThat(d.chair()).isNull();
        assertThat(d.note()).isNull();
        assertThat(d.kind()).isEqualTo(DialogueKind.PERIODIC);
    }

    @Test
    void theTargetIsANumberOfDirectDialoguesThatTheKindsDoNotExceed() {
        var s = new Script();
        assertThat(s.refused(new PlanCommand.SetTarget(null, null)).vi()).isEqualTo("Chưa nhập: Số cuộc đối thoại trực tiếp");
        assertThat(s.refused(new PlanCommand.SetTarget(-1, null)).code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(s.refused(new PlanCommand.SetTarget(101, null)).code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(s.refused(new PlanCommand.SetTarget(3, Map.of(DialogueKind.PERIODIC, 2, DialogueKind.THEMATIC, 2))).en())
                .isEqualTo("The numbers per kind add up to more than the direct dialogues");
        assertThat(s.plan.target()).isNull();
        s.ok(new PlanCommand.SetTarget(3, null));
        s.ok(new PlanCommand.SetTarget(4, Map.of(DialogueKind.EXTRAORDINARY, 1)));
        assertThat(s.plan.target()).isEqualTo(new Target(4, Map.of(DialogueKind.EXTRAORDINARY, 1)));
    }

    @Test
    void aDialogueIsAddedOnceAndChangedOnlyWhileItExists() {
        var s = new Script();
        UUID id = s.add(june());
        assertThat(s.refused(new PlanCommand.AddDialogue(id, june())).code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(s.refused(new PlanCommand.ChangeDialogue(UUID.randomUUID(), june())).code()).isEqualTo(Refusal.NOT_FOUND);
        s.ok(new PlanCommand.ChangeDialogue(id, dialogue(DialogueKind.PERIODIC, "Đối thoại tháng Bảy", null, 7, CHAIR_UBND)));
        assertThat(s.plan.dialogue(id).orElseThrow().month()).isEqualTo(7);
        assertThat(s.plan.dialogue(id).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void theStreamOfACommunesYearIsTheSameIdEveryTime() {
        assertThat(Plan.streamId(KIEN_MINH, 2026)).isEqualTo(Plan.streamId(KIEN_MINH, 2026))
                .isNotEqualTo(Plan.streamId(KIEN_MINH, 2027)).isNotEqualTo(Plan.streamId(UUID.randomUUID(), 2026));
    }
}
