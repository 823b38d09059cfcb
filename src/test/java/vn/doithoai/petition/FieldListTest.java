package vn.doithoai.petition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A commune's list of fields, without a server. */
class FieldListTest {

    private static FieldList after(FieldList list, FieldList.Command command) {
        var ruling = list.decide(command);
        assertThat(ruling.refusal()).as("refused: %s", ruling.refusal()).isNull();
        for (FieldList.Event e : ruling.events()) {
            list = list.apply(e);
        }
        return list;
    }

    @Test
    void anAddedFieldGetsACodeFromItsNameThatNeverChanges() {
        FieldList list = after(FieldList.start(), new FieldList.Command.Add("Nông nghiệp, thủy lợi", null));
        assertThat(list.byCode("nong-nghiep-thuy-loi")).isPresent();
        list = after(list, new FieldList.Command.Rename("nong-nghiep-thuy-loi", "Nông nghiệp", "Agriculture"));
        assertThat(list.byCode("nong-nghiep-thuy-loi").orElseThrow().vi()).isEqualTo("Nông nghiệp");
        assertThat(list.decide(new FieldList.Command.Add("NÔNG NGHIỆP", null)).accepted()).as("the same name twice").isFalse();
        assertThat(list.active()).hasSize(PetitionFields.DEFAULTS.size() + 1);
    }

    @Test
    void aRetiredFieldIsNoLongerOfferedButKeepsItsName() {
        FieldList list = after(FieldList.start(), new FieldList.Command.Retire("khac"));
        assertThat(list.offers("khac")).isFalse();
        assertThat(list.byCode("khac").orElseThrow().vi()).isEqualTo("Khác");
        assertThat(list.decide(new FieldList.Command.Retire("khac")).accepted()).isFalse();
        list = after(list, new FieldList.Command.Restore("khac"));
        assertThat(list.offers("khac")).isTrue();
        assertThat(list.decide(new FieldList.Command.Rename("khong-co", "X", null)).refusal().code()).isEqualTo("NOT_FOUND");
        assertThat(list.decide(new FieldList.Command.Add(" ", null)).refusal().code()).isEqualTo("FIELD_MISSING");
    }
}
