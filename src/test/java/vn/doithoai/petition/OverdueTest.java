package vn.doithoai.petition;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverdueTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 16);

    private static PetitionScript assignedDue(LocalDate due) {
        var script = PetitionScript.received();
        script.ok(new PetitionCommand.Assign(UUID.randomUUID(), "Phòng Kinh tế", due));
        return script;
    }

    @Test
    void aPetitionIsOverdueFromTheDayAfterItsDueDate() {
        Petition p = assignedDue(DUE).petition();
        assertThat(Overdue.isOverdue(p, DUE.minusDays(1))).isFalse();
        assertThat(Overdue.isOverdue(p, DUE)).isFalse();
        assertThat(Overdue.isOverdue(p, DUE.plusDays(1))).isTrue();
    }

    @Test
    void aDraftedButUnansweredPetitionIsStillOverdue() {
        var script = assignedDue(DUE);
        script.ok(new PetitionCommand.DraftAnswer("Dự thảo"));
        assertThat(Overdue.isOverdue(script.petition(), DUE.plusDays(1))).isTrue();
    }

    @Test
    void aPetitionWithoutADueDateIsNeverOverdue() {
        assertThat(Overdue.isOverdue(assignedDue(null).petition(), DUE.plusYears(1))).isFalse();
        assertThat(Overdue.isOverdue(PetitionScript.received().petition(), DUE.plusYears(1))).isFalse();
    }

    @Test
    void anAnsweredClosedTransferredOrRefusedPetitionIsNotOverdue() {
        var answered = assignedDue(DUE);
        answered.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        var closed = assignedDue(DUE);
        closed.ok(new PetitionCommand.Answer("Trả lời", PublicAnswer.How.IN_WRITING, null, null));
        closed.ok(new PetitionCommand.Close());
        var transferred = assignedDue(DUE);
        transferred.ok(new PetitionCommand.Transfer("UBND thành phố", null));
        var refused = assignedDue(DUE);
        refused.ok(new PetitionCommand.Refuse("Đã giải quyết dứt điểm"));

        for (PetitionScript script : new PetitionScript[] {answered, closed, transferred, refused}) {
            assertThat(Overdue.isOverdue(script.petition(), DUE.plusDays(30))).as("%s", script.petition().status()).isFalse();
        }
    }
}
