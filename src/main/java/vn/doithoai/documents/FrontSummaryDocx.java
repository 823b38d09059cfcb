package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER;
import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.LEFT;

/**
 * The Front's summary of the people's petitions as a .docx the Front prints, signs and sends to
 * the Party committee before a meeting (plan 004, III.2).
 */
public final class FrontSummaryDocx {

    public static final String TITLE = "TỔNG HỢP KIẾN NGHỊ CỦA CỬ TRI VÀ NHÂN DÂN";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int NUMBER_WIDTH = 800;
    private static final int COUNT_WIDTH = 1800;
    private static final int DATE_WIDTH = 1550;
    private static final int VILLAGE_WIDTH = 1700;
    private static final int FIELD_WIDTH = 1500;

    private FrontSummaryDocx() {
    }

    public static void write(FrontSummary data, OutputStream out) throws IOException {
        try (XWPFDocument doc = AdministrativeLayout.newDocument()) {
            AdministrativeLayout.headerBlock(doc, data.issuingBody(),
                    AdministrativeLayout.placeAndDate(data.place(), data.date()));
            AdministrativeLayout.title(doc, TITLE,
                    data.meetingTitle() == null ? null : "Phục vụ " + data.meetingTitle());
            AdministrativeLayout.bodyText(doc, "Tổng số ý kiến, kiến nghị của cử tri và Nhân dân xã "
                    + data.communeName() + " đã tổng hợp: " + data.total() + ", cụ thể như sau:");

            counts(doc, "I. THEO LĨNH VỰC", "Lĩnh vực", data.byField());
            counts(doc, "II. THEO THÔN, LÀNG, TỔ CHỨC", "Thôn, làng hoặc tổ chức", data.byVillage());
            counts(doc, "III. THEO KÊNH TIẾP NHẬN", "Kênh tiếp nhận", data.byChannel());
            sensitive(doc, data.sensitive());

            AdministrativeLayout.signatureBlock(doc, data.recipients(), data.signature());
            doc.write(out);
        }
    }

    private static void counts(XWPFDocument doc, String heading, String what, List<CountRow> counts) {
        AdministrativeLayout.heading(doc, heading);
        var columns = List.of(
                new DataTable.Column("STT", NUMBER_WIDTH, CENTER),
                new DataTable.Column(what, AdministrativeLayout.TEXT_WIDTH - NUMBER_WIDTH - COUNT_WIDTH, LEFT),
                new DataTable.Column("Số kiến nghị", COUNT_WIDTH, CENTER));
        var rows = new ArrayList<List<String>>();
        int total = 0;
        for (CountRow row : counts) {
            rows.add(List.of(Integer.toString(rows.size() + 1), row.label(), Integer.toString(row.count())));
            total += row.count();
        }
        DataTable.write(doc, columns, rows, List.of("", "Tổng cộng", Integer.toString(total)));
    }

    private static void sensitive(XWPFDocument doc, List<FrontSummary.SensitivePetition> petitions) {
        AdministrativeLayout.heading(doc, "IV. KIẾN NGHỊ CẦN LƯU Ý");
        if (petitions.isEmpty()) {
            AdministrativeLayout.bodyText(doc, "Không có kiến nghị nào cần lưu ý.");
            return;
        }
        var columns = List.of(
                new DataTable.Column("STT", NUMBER_WIDTH, CENTER),
                new DataTable.Column("Ngày nhận", DATE_WIDTH, CENTER),
                new DataTable.Column("Thôn, tổ chức", VILLAGE_WIDTH, LEFT),
                new DataTable.Column("Lĩnh vực", FIELD_WIDTH, LEFT),
                new DataTable.Column("Nội dung tóm tắt",
                        AdministrativeLayout.TEXT_WIDTH - NUMBER_WIDTH - DATE_WIDTH - VILLAGE_WIDTH - FIELD_WIDTH,
                        LEFT));
        var rows = new ArrayList<List<String>>();
        for (FrontSummary.SensitivePetition p : petitions) {
            rows.add(Arrays.asList(Integer.toString(rows.size() + 1), DAY.format(p.receivedOn()), p.village(),
                    p.field(), p.content()));
        }
        DataTable.write(doc, columns, rows, null);
    }
}
