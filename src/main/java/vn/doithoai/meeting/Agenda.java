package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The checks an agenda of petitions passes: each item cleaned and within its lengths, no code twice. */
final class Agenda {

    static final int MAX_ITEMS = Command.SetPetitionAgenda.MAX_ITEMS;
    /** The petition's content, cut by the server; room for the ellipsis and a cleaned surrogate pair. */
    static final int SUMMARY = 320;
    private static final Fields.Name F_FIELD = new Fields.Name("Lĩnh vực", "Field");
    private static final Fields.Name F_PREPARED = new Fields.Name("Trả lời chuẩn bị", "Prepared answer");

    private Agenda() {
    }

    static Decision check(List<AgendaPetition> items) {
        List<AgendaPetition> given = items == null ? List.of() : items;
        if (given.size() > MAX_ITEMS) {
            return Decision.refuse(Refusal.FIELD_INVALID,
                    "Chương trình có tối đa " + MAX_ITEMS + " kiến nghị (đã chọn " + given.size() + ")",
                    "The agenda takes at most " + MAX_ITEMS + " petitions (" + given.size() + " chosen)");
        }
        var cleaned = new ArrayList<AgendaPetition>(given.size());
        var codes = new HashSet<String>();
        for (AgendaPetition item : given) {
            if (item == null || item.petitionId() == null) {
                return Decision.refuse(Refusal.FIELD_MISSING, "Một mục của chương trình thiếu mã kiến nghị",
                        "An item of the agenda has no petition id");
            }
            PetitionCodes.Checked code = PetitionCodes.cleaned(item.trackingCode());
            var one = new AgendaPetition(item.petitionId(), code.code(), Fields.line(item.village()),
                    Fields.line(item.field()), Fields.paragraph(item.summary()), Fields.line(item.officeName()),
                    Fields.paragraph(item.preparedAnswer()));
            Refusal problem = Fields.first(
                    code.problem(),
                    code.code() == null ? new Refusal(Refusal.FIELD_MISSING, "Chưa nhập: Mã kiến nghị",
                            "Missing: Petition tracking code") : null,
                    Fields.optional(one.village(), Fields.F_VILLAGE, Fields.VILLAGE),
                    Fields.optional(one.field(), F_FIELD, Fields.NAME),
                    Fields.optional(one.summary(), Fields.F_SUMMARY, SUMMARY),
                    Fields.optional(one.officeName(), Fields.F_OFFICE, Fields.OFFICE),
                    Fields.optional(one.preparedAnswer(), F_PREPARED, Fields.LONG_TEXT));
            if (problem != null) {
                return Decision.refuse(problem);
            }
            if (!codes.add(one.trackingCode())) {
                return Decision.refuse(Refusal.FIELD_INVALID, "Kiến nghị " + one.trackingCode() + " có hai lần trong chương trình",
                        "Petition " + one.trackingCode() + " is twice on the agenda");
            }
            cleaned.add(one);
        }
        return Decision.accept(new Event.PetitionAgendaSet(cleaned));
    }
}
