package vn.doithoai.petition;

import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupingTest {

    private static PetitionCommand.Group under(PetitionScript lead) {
        return new PetitionCommand.Group(PetitionCommand.Group.Lead.of(lead.petition()));
    }

    @Test
    void aPetitionJoinsALeadWhoseAnswerWillServeIt() {
        var lead = PetitionScript.assigned();
        var member = PetitionScript.received();
        assertThat(member.ok(under(lead))).containsExactly(new PetitionEvent.Grouped(lead.petition().id()));
        assertThat(member.petition().groupLead()).isEqualTo(lead.petition().id());
        assertThat(member.petition().status()).isEqualTo(PetitionStatus.RECEIVED);
    }

    @Test
    void theLeadsAnswerIsCopiedUnchangedToTheGroupedPetition() {
        var lead = PetitionScript.assigned();
        var member = PetitionScript.received();
        member.ok(under(lead));
        lead.advance(Duration.ofDays(3));
        lead.ok(new PetitionCommand.Answer("Xã sẽ sửa đường.", PublicAnswer.How.AT_MEETING, UUID.randomUUID(), "Hội nghị đối thoại"));

        member.advance(Duration.ofDays(4));
        member.ok(new PetitionCommand.ShareLeadAnswer(lead.petition().id(), lead.petition().answer()));
        assertThat(member.petition().status()).isEqualTo(PetitionStatus.ANSWERED);
        assertThat(member.petition().answer()).isEqualTo(lead.petition().answer());
    }

    @Test
    void onlyTheLeadItIsGroupedUnderMayShareItsAnswer() {
        var member = PetitionScript.received();
        member.ok(under(PetitionScript.assigned()));
        var answer = new PublicAnswer("Trả lời", PublicAnswer.How.IN_WRITING, null, null, member.now());
        Refusal refusal = member.refused(new PetitionCommand.ShareLeadAnswer(UUID.randomUUID(), answer));
        assertThat(refusal.en()).isEqualTo("The petition is not grouped under that one");

        var alone = PetitionScript.received();
        assertThat(alone.refusedCode(new PetitionCommand.ShareLeadAnswer(UUID.randomUUID(), answer))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void aGroupedPetitionIsNotAssignedDraftedAnsweredTransferredOrRefusedOnItsOwn() {
        var member = PetitionScript.assigned();
        member.ok(under(PetitionScript.received()));
        for (PetitionCommand command : new PetitionCommand[] {
                new PetitionCommand.Assign(null, "Phòng Văn hóa", null),
                new PetitionCommand.DraftAnswer("Dự thảo"),
                new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null),
                new PetitionCommand.Transfer("Huyện", null),
                new PetitionCommand.Refuse("Lý do")}) {
            Refusal refusal = member.refused(command);
            assertThat(refusal.code()).as("%s", command).isEqualTo(Refusal.WRONG_STATE);
            assertThat(refusal.en()).isEqualTo("The petition is grouped and is answered with its lead; take it out of the group first");
        }
    }

    @Test
    void aPetitionTakenOutOfItsGroupIsHandledOnItsOwnAgain() {
        var member = PetitionScript.received();
        member.ok(under(PetitionScript.received()));
        assertThat(member.ok(new PetitionCommand.Ungroup())).containsExactly(new PetitionEvent.Ungrouped());
        assertThat(member.petition().grouped()).isFalse();
        member.ok(new PetitionCommand.Assign(null, "Phòng Văn hóa", null));

        assertThat(member.refused(new PetitionCommand.Ungroup()).en()).isEqualTo("The petition is not grouped");
    }

    @Test
    void aPetitionAnsweredThroughItsLeadStaysInTheGroup() {
        var lead = PetitionScript.assigned();
        var member = PetitionScript.received();
        member.ok(under(lead));
        lead.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        member.ok(new PetitionCommand.ShareLeadAnswer(lead.petition().id(), lead.petition().answer()));
        assertThat(member.refused(new PetitionCommand.Ungroup()).en()).isEqualTo("Cannot leave its group: the petition is answered");
    }

    @Test
    void aPetitionIsNotGroupedUnderItself() {
        var script = PetitionScript.received();
        assertThat(script.refused(under(script)).en()).isEqualTo("A petition cannot be grouped under itself");
    }

    @Test
    void aPetitionIsNotGroupedUnderOneThatIsItselfGrouped() {
        var top = PetitionScript.received();
        var middle = PetitionScript.received();
        middle.ok(under(top));
        var bottom = PetitionScript.received();
        Refusal refusal = bottom.refused(under(middle));
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal.en()).isEqualTo("The lead is itself grouped under another petition; group under that one");
    }

    @Test
    void aPetitionIsGroupedUnderOneLeadAtATime() {
        var member = PetitionScript.received();
        member.ok(under(PetitionScript.received()));
        assertThat(member.refused(under(PetitionScript.received())).en())
                .isEqualTo("The petition is grouped already; take it out of its group first");
    }

    @Test
    void neitherAnAnsweredLeadNorAnAnsweredPetitionIsGrouped() {
        var answeredLead = PetitionScript.assigned();
        answeredLead.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        Refusal refusal = PetitionScript.received().refused(under(answeredLead));
        assertThat(refusal.vi()).isEqualTo("Kiến nghị chính đang ở trạng thái «Đã trả lời», không gộp thêm được");
        assertThat(refusal.en()).isEqualTo("The lead petition is answered and takes no more petitions");

        var answered = PetitionScript.assigned();
        answered.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        answered.ok(new PetitionCommand.Close());
        assertThat(answered.refused(under(PetitionScript.received())).en()).isEqualTo("Cannot be grouped: the petition is closed");
    }

    @Test
    void aLeadOfAnotherCommuneIsNotFound() {
        var lead = PetitionScript.received();
        var elsewhere = new PetitionCommand.Group.Lead(lead.petition().id(), UUID.randomUUID(), PetitionStatus.RECEIVED, null);
        assertThat(PetitionScript.received().refusedCode(new PetitionCommand.Group(elsewhere))).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void aGroupWithoutALeadIsRefused() {
        assertThat(PetitionScript.received().refusedCode(new PetitionCommand.Group(null))).isEqualTo(Refusal.FIELD_MISSING);
    }
}
