package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import vn.doithoai.reports.Report;
import vn.doithoai.reports.ReportTables;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER;
import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.LEFT;

/**
 * The report upward as a .docx in the administrative layout (Decree 30/2020/NĐ-CP) the commune
 * prints, signs and sends up (plan 000 V.3): the figures in words first, then each family's table.
 */
public final class ReportDocx {

    public static final String TITLE = "BÁO CÁO KẾT QUẢ TỔ CHỨC ĐỐI THOẠI";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] NUMERALS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};
    private static final int LABEL_WIDTH = 2300;

    /** Who issues it and where: the commune's people's committee, or the level above for many communes. */
    public record Heading(String issuingBody, String place, java.time.LocalDate date, Signature signature,
                          List<String> recipients) {
    }

    private ReportDocx() {
    }

    public static void write(Report report, Heading heading, OutputStream out) throws IOException {
        try (XWPFDocument doc = AdministrativeLayout.newDocument()) {
            AdministrativeLayout.headerBlock(doc, heading.issuingBody(),
                    AdministrativeLayout.placeAndDate(heading.place(), heading.date()));
            AdministrativeLayout.title(doc, TITLE, report.scope() + ", từ ngày " + DAY.format(report.period().from())
                    + " đến ngày " + DAY.format(report.period().lastDay()));
            summary(doc, report);
            List<ReportTables.Table> tables = ReportTables.of(report);
            for (int i = 0; i < tables.size(); i++) {
                table(doc, NUMERALS[i] + ". " + tables.get(i).heading().toUpperCase(java.util.Locale.forLanguageTag("vi")),
                        tables.get(i));
            }
            AdministrativeLayout.signatureBlock(doc, heading.recipients(), heading.signature());
            doc.write(out);
        }
    }

    private static void summary(XWPFDocument doc, Report r) {
        Report.Dialogues d = r.dialogues();
        AdministrativeLayout.bodyText(doc, "Trong kỳ báo cáo, đã tổ chức " + d.held() + " hội nghị đối thoại (chỉ tiêu năm "
                + d.target() + ", kế hoạch trong kỳ " + d.planned() + ", trong đó đã tổ chức " + d.plannedHeld() + "), với "
                + d.attendees() + " lượt người tham dự và " + d.speeches() + " lượt phát biểu.");
        Report.Line p = r.petitions().total();
        AdministrativeLayout.bodyText(doc, "Tiếp nhận " + p.received() + " kiến nghị; đã trả lời " + p.answered()
                + " (đúng hạn " + p.onTime() + ", trễ hạn " + p.late() + "); quá hạn chưa trả lời " + p.overdue()
                + " tính đến ngày " + DAY.format(r.asOf()) + ".");
        Report.Outcome c = r.conclusions().total();
        AdministrativeLayout.bodyText(doc, "Các hội nghị đã kết luận " + c.total() + " nội dung; hoàn thành đúng hạn "
                + c.doneOnTime() + ", trễ hạn " + c.doneLate() + "; đang thực hiện " + c.open() + ", trong đó quá hạn "
                + c.overdue() + ". Công dân đánh giá hài lòng " + c.satisfied() + ", chưa hài lòng " + c.notSatisfied() + ".");
    }

    private static void table(XWPFDocument doc, String title, ReportTables.Table table) {
        AdministrativeLayout.heading(doc, title);
        int figures = table.headers().size() - 1;
        int figureWidth = (AdministrativeLayout.TEXT_WIDTH - LABEL_WIDTH) / figures;
        List<DataTable.Column> columns = new ArrayList<>();
        columns.add(new DataTable.Column(table.headers().get(0), LABEL_WIDTH, LEFT));
        for (int i = 1; i <= figures; i++) {
            columns.add(new DataTable.Column(table.headers().get(i), figureWidth, CENTER));
        }
        List<List<String>> rows = table.rows().subList(0, table.rows().size() - 1);
        DataTable.write(doc, columns, rows, table.rows().get(table.rows().size() - 1));
    }
}
