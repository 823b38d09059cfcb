package vn.doithoai.petition;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {

    /** Goes through every kind of event, on two petitions: a lead and one grouped under it. */
    private static PetitionScript[] aLongHistory() {
        var lead = PetitionScript.received();
        lead.advance(Duration.ofMinutes(5));
        lead.ok(new PetitionCommand.Reclassify(Channel.FRONT, "dat-dai", Competence.COMMUNE));
        lead.ok(new PetitionCommand.MarkSensitive());
        lead.advance(Duration.ofHours(3));
        lead.ok(new PetitionCommand.Assign(UUID.randomUUID(), "Phòng Kinh tế", LocalDate.of(2026, 6, 20)));
        lead.advance(Duration.ofDays(2));
        lead.ok(new PetitionCommand.DraftAnswer("Bản một"));
        lead.ok(new PetitionCommand.Assign(null, "Chi nhánh Văn phòng đăng ký đất đai", LocalDate.of(2026, 6, 25)));
        lead.advance(Duration.ofDays(1));
        lead.ok(new PetitionCommand.DraftAnswer("Bản hai"));
        lead.ok(new PetitionCommand.UnmarkSensitive());

        var member = PetitionScript.received();
        member.ok(new PetitionCommand.Group(PetitionCommand.Group.Lead.of(lead.petition())));
        member.ok(new PetitionCommand.Ungroup());
        member.ok(new PetitionCommand.Group(PetitionCommand.Group.Lead.of(lead.petition())));

        lead.advance(Duration.ofDays(5));
        lead.ok(new PetitionCommand.Answer(null, PublicAnswer.How.AT_MEETING, UUID.randomUUID(), "Hội nghị đối thoại"));
        member.ok(new PetitionCommand.ShareLeadAnswer(lead.petition().id(), lead.petition().answer()));
        lead.advance(Duration.ofDays(10));
        lead.ok(new PetitionCommand.Close());

        var transferred = PetitionScript.received();
        transferred.ok(new PetitionCommand.Transfer("UBND thành phố", "Thuộc thẩm quyền thành phố"));
        var refused = PetitionScript.received();
        refused.ok(new PetitionCommand.Refuse("Đã có quyết định giải quyết cuối cùng"));
        return new PetitionScript[] {lead, member, transferred, refused};
    }

    @Test
    void replayingTheLogRebuildsEachPetitionExactly() {
        for (PetitionScript script : aLongHistory()) {
            assertThat(PetitionRules.replay(script.log())).isEqualTo(script.petition());
        }
    }

    @Test
    void theLongHistoryUsesEveryKindOfEvent() {
        Set<String> used = Arrays.stream(aLongHistory())
                .flatMap(script -> script.log().stream())
                .map(event -> event.getClass().getSimpleName())
                .collect(Collectors.toSet());
        Set<String> all = Arrays.stream(PetitionEvent.class.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());
        assertThat(used).isEqualTo(all);
    }

    @Test
    void anEmptyLogIsNoPetition() {
        assertThat(PetitionRules.replay(List.of())).isNull();
    }
}
