package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER;
import static org.apache.poi.xwpf.usermodel.ParagraphAlignment.LEFT;

/**
 * The minutes of a dialogue as a .docx in the layout of Decree 30/2020/NĐ-CP: the header block, the
 * version (draft, final, approved) in a box under it, the sections of the meeting with its speeches,
 * answers and conclusions in ruled tables, the signatures of the secretary and the chair, the
 * addenda after the approved text and, last, the check code of the record.
 */
public final class MinutesDocx {

    public static final String TITLE = "BIÊN BẢN";
    /** Where the check code is explained: it is the head of the record's chain at the close (docs/api.md). */
    public static final String CHECK_CODE = "Mã kiểm tra biên bản: ";
    private static final int NUMBER = 750;
    private static final int TIME = 1000;
    private static final int LENGTH = 1100;

    private MinutesDocx() {
    }

    public static void write(Minutes m, OutputStream out) throws IOException {
        try (XWPFDocument doc = AdministrativeLayout.newDocument()) {
            AdministrativeLayout.headerBlock(doc, m.heading().issuingBody(), m.heading().placeAndDate());
            version(doc, m.version().mark());
            AdministrativeLayout.title(doc, TITLE, m.heading().subject());

            AdministrativeLayout.heading(doc, "I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC");
            labelled(doc, "Thời gian", m.session().time());
            labelled(doc, "Địa điểm", m.session().venue());
            labelled(doc, "Hình thức", m.session().form());
            if (m.session().topic() != null) {
                labelled(doc, "Chủ đề", m.session().topic());
            }
            if (m.session().group() != null) {
                labelled(doc, "Đối tượng đối thoại", m.session().group());
            }

            AdministrativeLayout.heading(doc, "II. THÀNH PHẦN");
            labelled(doc, "Chủ trì", m.session().chairs().isEmpty() ? null : String.join("; ", m.session().chairs()));
            labelled(doc, "Thư ký", m.session().secretary());
            if (m.session().hostOffice() != null) {
                labelled(doc, "Cơ quan chủ trì tham mưu", m.session().hostOffice());
            }
            m.attendance().lines().forEach(line -> AdministrativeLayout.bodyText(doc, line));
            delegates(doc, m.attendance().delegates());

            AdministrativeLayout.heading(doc, "III. CHƯƠNG TRÌNH HỘI NGHỊ");
            for (int i = 0; i < m.program().size(); i++) {
                AdministrativeLayout.bodyText(doc, (i + 1) + ". " + m.program().get(i));
            }

            AdministrativeLayout.heading(doc, "IV. DIỄN BIẾN HỘI NGHỊ");
            speeches(doc, m.speeches());
            answers(doc, m.answers());
            notes(doc, m.notes());
            refusals(doc, m.refusals());

            AdministrativeLayout.heading(doc, "V. KẾT LUẬN CỦA CHỦ TRÌ");
            conclusions(doc, m.conclusions());
            if (m.closing() != null) {
                AdministrativeLayout.bodyText(doc, m.closing());
            }

            AdministrativeLayout.signaturePair(doc, new Signature(null, "Thư ký", m.signatures().secretary()),
                    new Signature(null, "Chủ trì", m.signatures().chair()));
            for (Minutes.Addendum a : m.addenda()) {
                AdministrativeLayout.heading(doc, a.heading() + " (" + a.by() + ")");
                AdministrativeLayout.bodyText(doc, a.text());
            }
            checkCode(doc, m.checkCode());
            doc.write(out);
        }
    }

    /** The version in bold capitals in a box, as a draft is marked "DỰ THẢO". */
    private static void version(XWPFDocument doc, String mark) {
        XWPFParagraph p = DocxText.line(doc.createParagraph(), mark, DocxText.BODY_SIZE, DocxText.Style.BOLD, CENTER);
        p.setSpacingBefore(240);
        p.setBorderTop(Borders.SINGLE);
        p.setBorderBottom(Borders.SINGLE);
        p.setBorderLeft(Borders.SINGLE);
        p.setBorderRight(Borders.SINGLE);
        int indent = AdministrativeLayout.TEXT_WIDTH / 5;
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
    }

    /** "Thời gian: từ 08 giờ 00 …", the label in bold; a blank to fill in by hand when the record has nothing. */
    private static void labelled(XWPFDocument doc, String label, String value) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(567);
        p.setSpacingAfter(120);
        DocxText.run(p, label + ": ", DocxText.BODY_SIZE, DocxText.Style.BOLD);
        DocxText.run(p, value == null ? "…………………………" : value, DocxText.BODY_SIZE, DocxText.Style.PLAIN);
    }

    private static void delegates(XWPFDocument doc, List<Minutes.Delegate> delegates) {
        if (delegates.isEmpty()) {
            return;
        }
        AdministrativeLayout.bodyText(doc, "Đại biểu có mặt:");
        int rest = AdministrativeLayout.TEXT_WIDTH - NUMBER - 2 * 2800;
        var columns = List.of(new DataTable.Column("STT", NUMBER, CENTER), new DataTable.Column("Họ và tên", 2800, LEFT),
                new DataTable.Column("Chức vụ", 2800, LEFT), new DataTable.Column("Cơ quan, đơn vị", rest, LEFT));
        var rows = new ArrayList<List<String>>();
        for (Minutes.Delegate d : delegates) {
            rows.add(Arrays.asList(Integer.toString(rows.size() + 1), d.name(), d.title(), d.office()));
        }
        DataTable.write(doc, columns, rows, null);
    }

    private static void speeches(XWPFDocument doc, List<Minutes.Speech> speeches) {
        AdministrativeLayout.heading(doc, "1. Ý kiến phát biểu của Nhân dân");
        if (speeches.isEmpty()) {
            AdministrativeLayout.bodyText(doc, "Không có ý kiến phát biểu.");
            return;
        }
        int content = AdministrativeLayout.TEXT_WIDTH - NUMBER - 1900 - 1500 - TIME - LENGTH;
        var columns = List.of(new DataTable.Column("STT", NUMBER, CENTER),
                new DataTable.Column("Người phát biểu", 1900, LEFT), new DataTable.Column("Thôn, tổ chức", 1500, LEFT),
                new DataTable.Column("Nội dung", content, LEFT), new DataTable.Column("Bắt đầu", TIME, CENTER),
                new DataTable.Column("Thời lượng", LENGTH, CENTER));
        var rows = new ArrayList<List<String>>(speeches.size());
        for (Minutes.Speech s : speeches) {
            String text = s.summary() == null ? s.topic() : s.topic() == null ? s.summary() : s.topic() + "\n" + s.summary();
            rows.add(Arrays.asList(Integer.toString(s.number()), s.speaker(), s.village(), text, s.start(), s.length()));
        }
        DataTable.write(doc, columns, rows, null);
    }

    private static void answers(XWPFDocument doc, List<Minutes.Answer> answers) {
        AdministrativeLayout.heading(doc, "2. Trả lời, giải trình của lãnh đạo và cơ quan chuyên môn");
        if (answers.isEmpty()) {
            AdministrativeLayout.bodyText(doc, "Không có phần trả lời riêng.");
            return;
        }
        int office = AdministrativeLayout.TEXT_WIDTH - NUMBER - 2000 - 1300 - TIME - LENGTH;
        var columns = List.of(new DataTable.Column("STT", NUMBER, CENTER),
                new DataTable.Column("Người trả lời", 2000, LEFT), new DataTable.Column("Chức vụ, cơ quan", office, LEFT),
                new DataTable.Column("Trả lời ý kiến số", 1300, CENTER), new DataTable.Column("Bắt đầu", TIME, CENTER),
                new DataTable.Column("Thời lượng", LENGTH, CENTER));
        var rows = new ArrayList<List<String>>(answers.size());
        for (Minutes.Answer a : answers) {
            rows.add(Arrays.asList(Integer.toString(a.number()), a.responder(), a.office(),
                    a.answers() == null ? "" : a.answers().toString(), a.start(), a.length()));
        }
        DataTable.write(doc, columns, rows, null);
    }

    private static void notes(XWPFDocument doc, List<Minutes.Note> notes) {
        AdministrativeLayout.heading(doc, "3. Ghi chép của thư ký");
        if (notes.isEmpty()) {
            AdministrativeLayout.bodyText(doc, "Không có.");
            return;
        }
        for (Minutes.Note n : notes) {
            XWPFParagraph p = AdministrativeLayout.bodyText(doc, n.at() + (n.about() == null ? "" : " (" + n.about() + ")") + ": ");
            DocxText.run(p, n.text(), DocxText.BODY_SIZE, DocxText.Style.PLAIN);
        }
    }

    private static void refusals(XWPFDocument doc, List<Minutes.Refused> refusals) {
        AdministrativeLayout.heading(doc, "4. Từ chối, dừng phát biểu");
        if (refusals.isEmpty()) {
            AdministrativeLayout.bodyText(doc, "Không có.");
            return;
        }
        int grounds = AdministrativeLayout.TEXT_WIDTH - NUMBER - 2000 - 1600 - 1900;
        var columns = List.of(new DataTable.Column("STT", NUMBER, CENTER), new DataTable.Column("Họ và tên", 2000, LEFT),
                new DataTable.Column("Thôn, tổ chức", 1600, LEFT), new DataTable.Column("Hình thức", 1900, LEFT),
                new DataTable.Column("Lý do", grounds, LEFT));
        var rows = new ArrayList<List<String>>();
        for (Minutes.Refused r : refusals) {
            rows.add(Arrays.asList(Integer.toString(r.number()), r.name(), r.village(), r.what(), r.grounds()));
        }
        DataTable.write(doc, columns, rows, null);
    }

    private static void conclusions(XWPFDocument doc, List<Minutes.ConclusionLine> conclusions) {
        if (conclusions.isEmpty()) {
            AdministrativeLayout.bodyText(doc, "Không có kết luận nào được ghi.");
            return;
        }
        int text = AdministrativeLayout.TEXT_WIDTH - NUMBER - 1700 - 1900 - 1300;
        var columns = List.of(new DataTable.Column("STT", NUMBER, CENTER),
                new DataTable.Column("Nội dung kết luận", text, LEFT), new DataTable.Column("Hình thức", 1700, LEFT),
                new DataTable.Column("Cơ quan thực hiện", 1900, LEFT), new DataTable.Column("Thời hạn", 1300, CENTER));
        var rows = new ArrayList<List<String>>();
        for (Minutes.ConclusionLine c : conclusions) {
            rows.add(Arrays.asList(Integer.toString(c.number()), c.speeches() == null ? c.text() : c.text() + "\n" + c.speeches(),
                    c.outcome(), c.office(), c.deadline()));
        }
        DataTable.write(doc, columns, rows, null);
    }

    /** Last, small: what a reader compares with the record's check (GET /api/meetings/:id/verify). */
    private static void checkCode(XWPFDocument doc, String code) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(480);
        DocxText.run(p, CHECK_CODE, DocxText.TABLE_SIZE, DocxText.Style.ITALIC);
        DocxText.run(p, code == null ? "chưa có (hội nghị chưa bế mạc)" : code, DocxText.TABLE_SIZE, DocxText.Style.PLAIN);
    }
}
