package vn.doithoai.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report as the tables every export shows (a sheet each in .xlsx, a section each in .csv and
 * .docx), with the Vietnamese headers the communes' reports use. One place, so the three files
 * always carry the same figures under the same names.
 */
public final class ReportTables {

    /** A family of figures: its sheet's name (31 characters at most), its heading, columns and rows. */
    public record Table(String sheet, String heading, List<String> headers, List<List<String>> rows) {
    }

    private static final List<String> PETITION_FIGURES = List.of("Số kiến nghị tiếp nhận", "Đã trả lời",
            "Trả lời đúng hạn", "Trả lời trễ hạn", "Quá hạn chưa trả lời", "Chuyển cấp có thẩm quyền", "Không xem xét");

    private ReportTables() {
    }

    public static List<Table> of(Report r) {
        List<Table> tables = new ArrayList<>();
        tables.add(dialogues(r.dialogues()));
        tables.add(petitions("Kiến nghị theo lĩnh vực", "Lĩnh vực", r.petitions().byField(), r.petitions().total()));
        tables.add(petitions("Kiến nghị theo kênh", "Kênh tiếp nhận", r.petitions().byChannel(), r.petitions().total()));
        tables.add(petitions("Kiến nghị theo thẩm quyền", "Thẩm quyền", r.petitions().byCompetence(), r.petitions().total()));
        tables.add(petitions("Kiến nghị theo thôn", "Thôn, làng, tổ chức", r.petitions().byVillage(), r.petitions().total()));
        tables.add(conclusions(r.conclusions()));
        return tables;
    }

    private static Table dialogues(Report.Dialogues d) {
        List<List<String>> rows = new ArrayList<>();
        for (Report.Kind k : d.byKind()) {
            rows.add(List.of(k.label(), k.target() == null ? "" : n(k.target()), n(k.planned()), n(k.held()),
                    n(k.attendees()), n(k.speeches())));
        }
        rows.add(List.of("Tổng cộng", n(d.target()), n(d.planned()), n(d.held()), n(d.attendees()), n(d.speeches())));
        return new Table("Đối thoại", "Hội nghị đối thoại",
                List.of("Loại đối thoại", "Chỉ tiêu", "Kế hoạch", "Đã tổ chức", "Người tham dự", "Lượt phát biểu"), rows);
    }

    private static Table petitions(String sheet, String what, List<Report.Line> lines, Report.Line total) {
        List<String> headers = new ArrayList<>();
        headers.add(what);
        headers.addAll(PETITION_FIGURES);
        List<List<String>> rows = new ArrayList<>();
        Function<Report.Line, List<String>> row = l -> List.of(l.label(), n(l.received()), n(l.answered()), n(l.onTime()),
                n(l.late()), n(l.overdue()), n(l.transferred()), n(l.refused()));
        lines.forEach(l -> rows.add(row.apply(l)));
        var totalRow = new ArrayList<>(row.apply(total));
        totalRow.set(0, "Tổng cộng");
        rows.add(totalRow);
        return new Table(sheet, sheet, headers, rows);
    }

    private static Table conclusions(Report.Conclusions c) {
        List<List<String>> rows = new ArrayList<>();
        Function<Report.Outcome, List<String>> row = o -> List.of(o.label(), n(o.total()), n(o.doneOnTime()),
                n(o.doneLate()), n(o.transferred()), n(o.open()), n(o.overdue()), n(o.satisfied()), n(o.notSatisfied()));
        c.byOutcome().forEach(o -> rows.add(row.apply(o)));
        var totalRow = new ArrayList<>(row.apply(c.total()));
        totalRow.set(0, "Tổng cộng");
        rows.add(totalRow);
        return new Table("Kết luận", "Kết luận và mức độ hài lòng",
                List.of("Hình thức xử lý", "Số kết luận", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Đã chuyển cấp trên",
                        "Đang thực hiện", "Quá hạn", "Hài lòng", "Chưa hài lòng"), rows);
    }

    private static String n(int value) {
        return Integer.toString(value);
    }
}
