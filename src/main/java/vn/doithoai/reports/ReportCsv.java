package vn.doithoai.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as CSV: each table after a line with its heading, a blank line between. UTF-8 with a
 * byte-order mark, which Excel needs to read Vietnamese right. A cell a spreadsheet would take
 * for a formula (a village typed "=..." by a citizen) is written with a leading apostrophe.
 */
public final class ReportCsv {

    private static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    public static byte[] write(Report report) {
        var out = new StringBuilder(BOM);
        line(out, List.of("Báo cáo kết quả tổ chức đối thoại", report.scope(),
                report.period().from().toString(), report.period().lastDay().toString()));
        for (ReportTables.Table table : ReportTables.of(report)) {
            out.append("\r\n");
            line(out, List.of(table.heading()));
            line(out, table.headers());
            table.rows().forEach(row -> line(out, row));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
