package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER;
import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.LEFT;

/**
 * The notice of conclusions as a .docx the commune signs, stamps, posts in the villages and keeps
 * (plan 004, III.1): the administrative layout, what the meeting was, and a table of the
 * conclusions with the office that acts on each, its deadline and its status.
 */
public final class NoticeOfConclusionsDocx {

    public static final String TITLE = "THÔNG BÁO KẾT LUẬN";
    private static final int NUMBER_WIDTH = 800;
    private static final int OFFICE_WIDTH = 1900;
    /** "30/09/2026" on one line in 13 pt, with the cell's margins. */
    private static final int DEADLINE_WIDTH = 1600;
    private static final int STATUS_WIDTH = 1700;

    private NoticeOfConclusionsDocx() {
    }

    public static void write(NoticeOfConclusions data, OutputStream out) throws IOException {
        try (XWPFDocument doc = AdministrativeLayout.newDocument()) {
            AdministrativeLayout.headerBlock(doc, data.issuingBody(),
                    AdministrativeLayout.placeAndDate(data.place(), data.date()));
            AdministrativeLayout.title(doc, TITLE, data.meetingTitle());
            AdministrativeLayout.bodyText(doc, opening(data));
            conclusions(doc, data.conclusions());
            AdministrativeLayout.bodyText(doc, "Ủy ban nhân dân xã đề nghị các cơ quan, đơn vị được giao khẩn trương "
                    + "thực hiện và báo cáo kết quả về Ủy ban nhân dân xã"
                    + (data.hostOffice() == null ? "" : " (qua " + data.hostOffice() + ")")
                    + " trong thời hạn nêu trên. Thông báo này được niêm yết công khai để Nhân dân biết, theo dõi và giám sát./.")
                    .setSpacingBefore(160);
            AdministrativeLayout.signatureBlock(doc, data.recipients(), data.signature());
            doc.write(out);
        }
    }

    /** When, where, who chaired, and that what follows are the conclusions. */
    private static String opening(NoticeOfConclusions data) {
        var text = new StringBuilder("Ngày ").append(NoticeOfConclusions.dayText(data.heldOn()));
        if (data.venue() != null) {
            text.append(", tại ").append(data.venue());
        }
        text.append(", Ủy ban nhân dân xã ").append(data.place()).append(" tổ chức ").append(data.meetingTitle());
        if (!data.chairs().isEmpty()) {
            text.append(", do ").append(String.join(", ", data.chairs())).append(" chủ trì");
        }
        return text.append(". Trên cơ sở ý kiến, kiến nghị của Nhân dân tại hội nghị, Ủy ban nhân dân xã thông báo ")
                .append("kết luận như sau:").toString();
    }

    private static void conclusions(XWPFDocument doc, List<NoticeOfConclusions.Item> items) {
        if (items.isEmpty()) {
            AdministrativeLayout.bodyText(doc, "Hội nghị không có kết luận nào được ghi nhận.");
            return;
        }
        var columns = List.of(
                new DataTable.Column("STT", NUMBER_WIDTH, CENTER),
                new DataTable.Column("Nội dung kết luận", AdministrativeLayout.TEXT_WIDTH - NUMBER_WIDTH - OFFICE_WIDTH
                        - DEADLINE_WIDTH - STATUS_WIDTH, LEFT),
                new DataTable.Column("Cơ quan thực hiện", OFFICE_WIDTH, LEFT),
                new DataTable.Column("Thời hạn", DEADLINE_WIDTH, CENTER),
                new DataTable.Column("Tình trạng", STATUS_WIDTH, LEFT));
        var rows = new ArrayList<List<String>>();
        for (NoticeOfConclusions.Item item : items) {
            String raisedBy = item.villages().isEmpty() ? "" : "\n(Ý kiến của: " + String.join(", ", item.villages()) + ")";
            rows.add(List.of(Integer.toString(item.number()), item.text() + raisedBy,
                    item.office() == null ? "" : item.office(), item.deadlineText(), item.status().vi()));
        }
        DataTable.write(doc, columns, rows, null);
    }
}
