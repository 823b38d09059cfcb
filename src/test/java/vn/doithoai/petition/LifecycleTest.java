package vn.doithoai.petition;

import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.petition.PetitionScript.START;

class LifecycleTest {

    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 6, 1);
    private static final UUID ECONOMY = UUID.randomUUID();
    private static final UUID MEETING = UUID.randomUUID();

    // ---- reclassifying -----------------------------------------------------------------

    @Test
    void theDeskMayCorrectTheClassificationBeforeAssignmentKeepingWhatItLeavesOut() {
        var script = PetitionScript.received();
        assertThat(script.ok(new PetitionCommand.Reclassify(null, "dat-dai", Competence.UPPER_LEVEL)))
                .containsExactly(new PetitionEvent.Reclassified(Channel.LETTER, "dat-dai", Competence.UPPER_LEVEL));
        assertThat(script.petition().classification())
                .isEqualTo(new Classification(Channel.LETTER, "dat-dai", Competence.UPPER_LEVEL));
    }

    @Test
    void aReclassificationThatChangesNothingIsRefused() {
        var script = PetitionScript.received();
        Refusal refusal = script.refused(new PetitionCommand.Reclassify(Channel.LETTER, null, null));
        assertThat(refusal.en()).isEqualTo("The classification is unchanged");
    }

    @Test
    void theClassificationIsNotCorrectedOnceAnOfficeHasThePetition() {
        var script = PetitionScript.assigned();
        Refusal refusal = script.refused(new PetitionCommand.Reclassify(Channel.EMAIL, null, null));
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.vi()).isEqualTo("Không thể sửa phân loại: kiến nghị đang ở trạng thái «Đã giao cơ quan giải quyết»");
        assertThat(refusal.en()).isEqualTo("Cannot be reclassified: the petition is assigned to an office");
    }

    // ---- assigning ---------------------------------------------------------------------

    @Test
    void assigningGivesTheOfficeAndTheDueDateAtTheTimeOfTheCommand() {
        var script = PetitionScript.received();
        script.advance(Duration.ofHours(2));
        assertThat(script.ok(new PetitionCommand.Assign(ECONOMY, "  Phòng  Kinh tế ", RECEIVED_ON.plusDays(10))))
                .containsExactly(new PetitionEvent.Assigned(ECONOMY, "Phòng Kinh tế", RECEIVED_ON.plusDays(10), script.now()));
        assertThat(script.petition().status()).isEqualTo(PetitionStatus.ASSIGNED);
        assertThat(script.petition().assignment())
                .isEqualTo(new Assignment(ECONOMY, "Phòng Kinh tế", RECEIVED_ON.plusDays(10), script.now()));
    }

    @Test
    void anOfficeOutsideTheListIsNamedInFreeTextAndTheDueDateMayBeLeftOpen() {
        var script = PetitionScript.received();
        script.ok(new PetitionCommand.Assign(null, "Chi nhánh Văn phòng đăng ký đất đai khu vực", null));
        assertThat(script.petition().assignment().officeId()).isNull();
        assertThat(script.petition().assignment().dueDate()).isNull();
    }

    @Test
    void theOfficeNameIsRequired() {
        var script = PetitionScript.received();
        assertThat(script.refused(new PetitionCommand.Assign(ECONOMY, " ", null)).en()).isEqualTo("Missing: Office");
    }

    @Test
    void theDueDateMayBeTheDayOfReceiptButNotBefore() {
        var script = PetitionScript.received();
        Refusal refusal = script.refused(new PetitionCommand.Assign(ECONOMY, "Phòng Kinh tế", RECEIVED_ON.minusDays(1)));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(refusal.vi()).isEqualTo("Hạn giải quyết không thể trước ngày tiếp nhận");
        script.ok(new PetitionCommand.Assign(ECONOMY, "Phòng Kinh tế", RECEIVED_ON));
    }

    @Test
    void theDayOfReceiptIsTheDayInVietnamNotInUtc() {
        // 23:30 UTC on 31 May is 06:30 on 1 June in the commune.
        var script = new PetitionScript();
        script.ok(new PetitionCommand.Receive(UUID.randomUUID(), PetitionScript.COMMUNE, "KN-7QX4-M2PD",
                PetitionScript.HOA, START.minus(Duration.ofMinutes(90)), Channel.LETTER, "khac", Competence.COMMUNE,
                PetitionScript.CONTENT));
        assertThat(script.petition().receivedOn()).isEqualTo(RECEIVED_ON);
        script.ok(new PetitionCommand.Assign(ECONOMY, "Phòng Kinh tế", RECEIVED_ON));
    }

    @Test
    void aPetitionMayBeReassignedUntilItIsAnsweredAndTheDraftStaysForTheNewOffice() {
        var script = PetitionScript.assigned();
        script.ok(new PetitionCommand.DraftAnswer("Dự thảo của phòng Kinh tế"));
        script.ok(new PetitionCommand.Assign(null, "Công an xã", RECEIVED_ON.plusDays(30)));

        assertThat(script.petition().status()).isEqualTo(PetitionStatus.ASSIGNED);
        assertThat(script.petition().assignment().officeName()).isEqualTo("Công an xã");
        assertThat(script.petition().draft().text()).isEqualTo("Dự thảo của phòng Kinh tế");

        script.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        Refusal refusal = script.refused(new PetitionCommand.Assign(ECONOMY, "Phòng Kinh tế", null));
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.en()).isEqualTo("Cannot be assigned: the petition is answered");
    }

    // ---- drafting ----------------------------------------------------------------------

    @Test
    void theOfficeDraftsAndRedraftsItsAnswer() {
        var script = PetitionScript.assigned();
        script.ok(new PetitionCommand.DraftAnswer("Bản một"));
        script.advance(Duration.ofDays(1));
        assertThat(script.ok(new PetitionCommand.DraftAnswer("Bản hai\nđã sửa")))
                .containsExactly(new PetitionEvent.AnswerDrafted("Bản hai\nđã sửa", script.now()));
        assertThat(script.petition().status()).isEqualTo(PetitionStatus.ANSWER_DRAFTED);
        assertThat(script.petition().draft()).isEqualTo(new Draft("Bản hai\nđã sửa", script.now()));
    }

    @Test
    void nobodyDraftsBeforeAnOfficeHasThePetition() {
        var script = PetitionScript.received();
        Refusal refusal = script.refused(new PetitionCommand.DraftAnswer("Trả lời"));
        assertThat(refusal.en()).isEqualTo("The petition has not been assigned to an office yet");
    }

    @Test
    void anEmptyDraftIsRefused() {
        var script = PetitionScript.assigned();
        assertThat(script.refused(new PetitionCommand.DraftAnswer("  ")).vi()).isEqualTo("Chưa nhập: Nội dung trả lời");
    }

    // ---- answering ---------------------------------------------------------------------

    @Test
    void anAnswerWithoutTextGivesTheDraftAsItStands() {
        var script = PetitionScript.assigned();
        script.ok(new PetitionCommand.DraftAnswer("Xã sẽ sửa đường trong tháng 7."));
        script.advance(Duration.ofDays(2));
        script.ok(new PetitionCommand.Answer(null, PublicAnswer.How.IN_WRITING, null, null));

        assertThat(script.petition().status()).isEqualTo(PetitionStatus.ANSWERED);
        assertThat(script.petition().answer()).isEqualTo(new PublicAnswer("Xã sẽ sửa đường trong tháng 7.",
                PublicAnswer.How.IN_WRITING, null, null, script.now()));
    }

    @Test
    void anAnswerWithNeitherTextNorDraftIsRefused() {
        var script = PetitionScript.assigned();
        Refusal refusal = script.refused(new PetitionCommand.Answer(null, PublicAnswer.How.IN_WRITING, null, null));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(refusal.en()).isEqualTo("Missing: Answer");
    }

    @Test
    void anAnswerAtAMeetingNamesTheMeeting() {
        var script = PetitionScript.assigned();
        Refusal refusal = script.refused(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.AT_MEETING, MEETING, " "));
        assertThat(refusal.en()).isEqualTo("Missing: Title");

        script.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.AT_MEETING, MEETING, "Hội nghị đối thoại tháng 6"));
        assertThat(script.petition().answer().meetingId()).isEqualTo(MEETING);
        assertThat(script.petition().answer().meetingTitle()).isEqualTo("Hội nghị đối thoại tháng 6");
    }

    @Test
    void anAnswerInWritingKeepsNoMeeting() {
        var script = PetitionScript.assigned();
        script.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, MEETING, "Hội nghị"));
        assertThat(script.petition().answer().meetingId()).isNull();
        assertThat(script.petition().answer().meetingTitle()).isNull();
    }

    @Test
    void howItIsAnsweredIsRequired() {
        var script = PetitionScript.assigned();
        assertThat(script.refused(new PetitionCommand.Answer("Trả lời", null, null, null)).vi())
                .isEqualTo("Chưa nhập: Hình thức trả lời");
    }

    @Test
    void theChairMayAnswerAtTheMeetingAPetitionNoOfficeHadYet() {
        var script = PetitionScript.received();
        script.ok(new PetitionCommand.Answer("Trả lời ngay", PublicAnswer.How.AT_MEETING, MEETING, "Hội nghị đối thoại"));
        assertThat(script.petition().status()).isEqualTo(PetitionStatus.ANSWERED);
    }

    @Test
    void aPetitionIsAnsweredOnce() {
        var script = PetitionScript.assigned();
        script.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        assertThat(script.refusedCode(new PetitionCommand.Answer("Lần hai", PublicAnswer.How.IN_WRITING, null, null)))
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(script.refusedCode(new PetitionCommand.DraftAnswer("Sửa"))).isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- closing, transferring, refusing ----------------------------------------------

    @Test
    void onlyAnAnsweredPetitionIsClosed() {
        var script = PetitionScript.assigned();
        assertThat(script.refused(new PetitionCommand.Close()).en()).isEqualTo("Only an answered petition can be closed");

        script.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        script.advance(Duration.ofDays(7));
        assertThat(script.ok(new PetitionCommand.Close())).containsExactly(new PetitionEvent.Closed(script.now()));
        assertThat(script.petition().status()).isEqualTo(PetitionStatus.CLOSED);
        assertThat(script.petition().closedAt()).isEqualTo(script.now());
        assertThat(script.refusedCode(new PetitionCommand.Close())).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void aPetitionOutsideTheCommunesCompetenceIsTransferredWithANote() {
        var script = PetitionScript.received();
        assertThat(script.ok(new PetitionCommand.Transfer("UBND thành phố", "Theo Luật Đất đai 2024")))
                .containsExactly(new PetitionEvent.Transferred("UBND thành phố", "Theo Luật Đất đai 2024", script.now()));
        assertThat(script.petition().status()).isEqualTo(PetitionStatus.TRANSFERRED);
        assertThat(script.petition().referral()).isEqualTo(new Referral("UBND thành phố", "Theo Luật Đất đai 2024", script.now()));

        Refusal refusal = script.refused(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        assertThat(refusal.en()).isEqualTo("Cannot be answered: the petition is transferred to the competent level");
    }

    @Test
    void aTransferNamesWhereItGoes() {
        var script = PetitionScript.assigned();
        assertThat(script.refused(new PetitionCommand.Transfer(null, "ghi chú")).en()).isEqualTo("Missing: Transferred to");
    }

    @Test
    void aRefusalGivesItsGroundAndEndsThePetitionsHandling() {
        var script = PetitionScript.assigned();
        assertThat(script.refused(new PetitionCommand.Refuse("")).en()).isEqualTo("Missing: Reason");

        script.ok(new PetitionCommand.Refuse("Vụ việc đã có quyết định giải quyết cuối cùng"));
        assertThat(script.petition().status()).isEqualTo(PetitionStatus.REFUSED);
        assertThat(script.petition().rejection())
                .isEqualTo(new Rejection("Vụ việc đã có quyết định giải quyết cuối cùng", script.now()));
        assertThat(script.refusedCode(new PetitionCommand.Transfer("Huyện", null))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(script.refusedCode(new PetitionCommand.Close())).isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- the Front's flag ---------------------------------------------------------------

    @Test
    void theFrontMarksAndUnmarksAPetitionAsSensitiveAtAnyPointOfItsLife() {
        var script = PetitionScript.assigned();
        script.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        script.ok(new PetitionCommand.MarkSensitive());
        assertThat(script.petition().sensitive()).isTrue();
        assertThat(script.refused(new PetitionCommand.MarkSensitive()).en()).isEqualTo("The petition is marked sensitive already");

        script.ok(new PetitionCommand.UnmarkSensitive());
        assertThat(script.petition().sensitive()).isFalse();
        assertThat(script.refusedCode(new PetitionCommand.UnmarkSensitive())).isEqualTo(Refusal.WRONG_STATE);
    }
}
