package vn.doithoai.petition;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicViewTest {

    private static final Citizen PRIVATE = new Citizen("Trần Văn Bí Mật", "Xóm Kín Đáo", "bimat@example.vn", "0987 654 321");
    private static final String DRAFT = "Dự thảo nội bộ chưa công bố";

    private static PetitionScript answeredPetition() {
        var script = new PetitionScript();
        script.ok(PetitionScript.receive(UUID.randomUUID(), PRIVATE, "Nội dung riêng tư của công dân"));
        script.ok(new PetitionCommand.MarkSensitive());
        script.ok(new PetitionCommand.Assign(UUID.randomUUID(), "Phòng Kinh tế", LocalDate.of(2026, 6, 20)));
        script.ok(new PetitionCommand.DraftAnswer(DRAFT));
        script.ok(new PetitionCommand.Answer("Xã sẽ sửa đường trong tháng 7.", PublicAnswer.How.AT_MEETING,
                UUID.randomUUID(), "Hội nghị đối thoại tháng 6"));
        return script;
    }

    @Test
    void theViewShowsTheCodeTheDatesTheLabelsTheOfficeAndTheAnswer() {
        var script = answeredPetition();
        PublicView view = PublicView.of(script.petition(), PetitionFields.DEFAULTS);

        assertThat(view.trackingCode()).isEqualTo("KN-7QX4-M2PD");
        assertThat(view.receivedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(view.channel()).isEqualTo(Channel.LETTER);
        assertThat(view.channelVi()).isEqualTo("Thư");
        assertThat(view.fieldCode()).isEqualTo("ha-tang");
        assertThat(view.fieldVi()).isEqualTo("Hạ tầng, giao thông");
        assertThat(view.fieldEn()).isEqualTo("Infrastructure and roads");
        assertThat(view.status()).isEqualTo(PetitionStatus.ANSWERED);
        assertThat(view.statusVi()).isEqualTo("Đã trả lời");
        assertThat(view.statusEn()).isEqualTo("Answered");
        assertThat(view.officeName()).isEqualTo("Phòng Kinh tế");
        assertThat(view.dueDate()).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(view.answer()).isEqualTo(script.petition().answer());
        assertThat(view.transferredTo()).isNull();
    }

    @Test
    void theViewNeverHoldsTheCitizenTheContentOrTheDraft() {
        var script = answeredPetition();
        String shown = PublicView.of(script.petition(), PetitionFields.DEFAULTS).toString();
        assertThat(shown).doesNotContain("Trần Văn Bí Mật", "Xóm Kín Đáo", "bimat@example.vn", "0987 654 321",
                "Nội dung riêng tư", DRAFT, "sensitive");
    }

    @Test
    void theViewHasNoFieldForTheCitizenTheContentTheDraftOrTheSensitiveFlag() {
        List<String> components = Arrays.stream(PublicView.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertThat(components).doesNotContain("citizen", "name", "village", "villageOrOrganisation", "email",
                "phone", "content", "draft", "sensitive", "transferNote");
    }

    @Test
    void aTransferShowsWhereButNotItsNote() {
        var script = PetitionScript.received();
        script.ok(new PetitionCommand.Transfer("UBND thành phố", "Ghi chú nội bộ về ông A"));
        PublicView view = PublicView.of(script.petition(), PetitionFields.DEFAULTS);
        assertThat(view.transferredTo()).isEqualTo("UBND thành phố");
        assertThat(view.statusEn()).isEqualTo("Transferred to the competent level");
        assertThat(view.toString()).doesNotContain("Ghi chú nội bộ");
    }

    @Test
    void aFieldCodeNoLongerInTheCommunesListShowsAsItself() {
        var script = new PetitionScript();
        script.ok(new PetitionCommand.Receive(UUID.randomUUID(), PetitionScript.COMMUNE, "KN-7QX4-M2PD",
                PetitionScript.HOA, null, Channel.EMAIL, "nuoc-sach", null, PetitionScript.CONTENT));
        PublicView view = PublicView.of(script.petition(), PetitionFields.DEFAULTS);
        assertThat(view.fieldVi()).isEqualTo("nuoc-sach");
        assertThat(view.officeName()).isNull();
        assertThat(view.answer()).isNull();
    }
}
