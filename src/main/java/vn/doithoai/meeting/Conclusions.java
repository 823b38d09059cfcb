package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import vn.doithoai.rules.Refusal;

import java.time.LocalDate;
import java.util.List;

/** The checks a conclusion passes, whether recorded first or corrected. */
final class Conclusions {

    interface Maker {
        Event make(String text, Outcome outcome, String office, List<Integer> turnIds, List<String> petitionCodes);
    }

    private static final Fields.Name OUTCOME = new Fields.Name("Hình thức xử lý", "Outcome");

    private Conclusions() {
    }

    /** A deadline outside these years is a typing slip (year 20026, or -1), not a plan. */
    static final LocalDate EARLIEST_DEADLINE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DEADLINE = LocalDate.of(2099, 12, 31);

    static Decision check(MeetingState s, String text, Outcome outcome, String office, LocalDate deadline,
                          List<Integer> turnIds, List<String> petitionCodes, Maker maker) {
        String cleanText = Fields.paragraph(text);
        String cleanOffice = Fields.line(office);
        Refusal problem = Fields.first(
                Fields.required(cleanText, Fields.F_TEXT, Fields.LONG_TEXT),
                Fields.optional(cleanOffice, Fields.F_OFFICE, Fields.OFFICE));
        if (problem != null) {
            return Decision.refuse(problem);
        }
        if (outcome == null) {
            return Decision.refuse(Refusal.FIELD_MISSING, "Chưa chọn: " + OUTCOME.vi(), "Missing: " + OUTCOME.en());
        }
        if ((outcome == Outcome.ASSIGNED || outcome == Outcome.FORWARDED) && cleanOffice == null) {
            return Decision.refuse(Refusal.FIELD_MISSING, "Chưa nhập cơ quan chịu trách nhiệm",
                    "Missing: the responsible office");
        }
        if (deadline != null && (deadline.isBefore(EARLIEST_DEADLINE) || deadline.isAfter(LATEST_DEADLINE))) {
            return Decision.refuse(Refusal.FIELD_INVALID, "Hạn xử lý phải trong khoảng năm 2000 đến 2099",
                    "The deadline must fall between the years 2000 and 2099");
        }
        // Not contains(null): the immutable lists of List.of throw on that question.
        if (turnIds != null && turnIds.stream().anyMatch(java.util.Objects::isNull)) {
            return Decision.refuse(Refusal.FIELD_INVALID, "Danh sách lượt phát biểu có mục trống",
                    "The list of turns has an empty item");
        }
        List<Integer> ids = turnIds == null ? List.of() : List.copyOf(turnIds);
        for (int id : ids) {
            if (s.turn(id).isEmpty()) {
                return Refusals.noTurnNumber(id);
            }
        }
        PetitionCodes.CheckedList codes = PetitionCodes.cleaned(petitionCodes);
        if (codes.problem() != null) {
            return Decision.refuse(codes.problem());
        }
        return Decision.accept(maker.make(cleanText, outcome, cleanOffice, ids, codes.codes()));
    }
}
