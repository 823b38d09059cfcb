package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static vn.doithoai.documents.DocxText.BODY_SIZE;
import static vn.doithoai.documents.DocxText.Style.BOLD;
import static vn.doithoai.documents.DocxText.Style.BOLD_ITALIC;
import static vn.doithoai.documents.DocxText.Style.ITALIC;
import static vn.doithoai.documents.DocxText.Style.PLAIN;

/**
 * The parts every administrative document of the commune shares, laid out after Decree
 * 30/2020/NĐ-CP (Appendix I): an A4 page and its margins, the header block with the issuing body
 * and the national motto, place and date, the title, and the signature block.
 */
public final class AdministrativeLayout {

    public static final String MOTTO_STATE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO_SLOGAN = "Độc lập - Tự do - Hạnh phúc";

    /** A4 in twentieths of a point (twips). */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    /** The decree's margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the least of each. */
    static final int MARGIN_TOP = mm(20);
    static final int MARGIN_BOTTOM = mm(20);
    static final int MARGIN_LEFT = mm(30);
    static final int MARGIN_RIGHT = mm(15);
    /** The width between the margins, which tables fill. */
    public static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    /** Wide enough for "ỦY BAN MTTQ VIỆT NAM" in 13 pt bold, leaving the motto its line. */
    private static final int LEFT_COLUMN = 3600;
    /** About a millimetre between a column's text and its edge. */
    private static final int CELL_MARGIN = 57;
    private static final int RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;
    /** About the width of "Độc lập - Tự do - Hạnh phúc" in 14 pt bold, which its rule matches. */
    private static final int SLOGAN_LENGTH = 3700;
    private static final int HEADER_SIZE = 13;
    private static final int RECIPIENTS_SIZE = 11;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private AdministrativeLayout() {
    }

    private static int mm(int millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }

    /** An empty A4 document with the decree's margins, Times New Roman throughout. */
    public static XWPFDocument newDocument() {
        var doc = new XWPFDocument();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(DocxText.FONT);
        fonts.setHAnsi(DocxText.FONT);
        fonts.setCs(DocxText.FONT);
        fonts.setEastAsia(DocxText.FONT);
        doc.createStyles().setDefaultFonts(fonts);

        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(mm(10)));
        margins.setFooter(BigInteger.valueOf(mm(10)));
        margins.setGutter(BigInteger.ZERO);
        return doc;
    }

    /**
     * The header block, a borderless table of two columns: on the left the issuing body (its lines
     * as given, in capitals, bold) over a short rule; on the right the motto over a rule as long as
     * its second line, and under it, in italics, place and date.
     */
    public static void headerBlock(XWPFDocument doc, String issuingBody, String placeAndDate) {
        XWPFTable table = borderless(doc, 2, LEFT_COLUMN, RIGHT_COLUMN);

        XWPFTableCell body = table.getRow(0).getCell(0);
        DocxText.line(first(body), upper(issuingBody), HEADER_SIZE, BOLD, ParagraphAlignment.CENTER);
        rule(body.addParagraph(), LEFT_COLUMN, LEFT_COLUMN / 3);

        XWPFTableCell motto = table.getRow(0).getCell(1);
        DocxText.line(first(motto), MOTTO_STATE, HEADER_SIZE, BOLD, ParagraphAlignment.CENTER);
        DocxText.line(motto.addParagraph(), MOTTO_SLOGAN, BODY_SIZE, BOLD, ParagraphAlignment.CENTER);
        rule(motto.addParagraph(), RIGHT_COLUMN, SLOGAN_LENGTH);

        XWPFParagraph date = first(table.getRow(1).getCell(1));
        date.setSpacingBefore(120);
        DocxText.line(date, placeAndDate, BODY_SIZE, ITALIC, ParagraphAlignment.CENTER);
    }

    /**
     * "Kiến Minh, ngày 05 tháng 12 năm 2026": the decree writes a day below 10 and the months
     * January and February with a leading zero, and no other.
     */
    public static String placeAndDate(String place, LocalDate date) {
        String day = String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
        int month = date.getMonthValue();
        String monthText = month <= 2 ? String.format(Locale.ROOT, "%02d", month) : Integer.toString(month);
        return place + ", ngày " + day + " tháng " + monthText + " năm " + date.getYear();
    }

    /** The kind of document in capitals, bold and centred, and under it its subject, bold. */
    public static void title(XWPFDocument doc, String title, String subject) {
        XWPFParagraph kind = DocxText.line(doc.createParagraph(), upper(title), BODY_SIZE, BOLD, ParagraphAlignment.CENTER);
        kind.setSpacingBefore(360);
        kind.setSpacingAfter(0);
        if (subject != null) {
            DocxText.line(doc.createParagraph(), subject, BODY_SIZE, BOLD, ParagraphAlignment.CENTER).setSpacingAfter(0);
        }
        rule(doc.createParagraph(), TEXT_WIDTH, TEXT_WIDTH / 4).setSpacingAfter(240);
    }

    /** A paragraph of running text: justified, first line indented, as the decree's body text. */
    public static XWPFParagraph bodyText(XWPFDocument doc, String text) {
        XWPFParagraph paragraph = DocxText.line(doc.createParagraph(), text, BODY_SIZE, PLAIN, ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(mm(10));
        paragraph.setSpacingAfter(120);
        return paragraph;
    }

    /** A section heading of the body ("I. THEO LĨNH VỰC"): bold, on the left. */
    public static XWPFParagraph heading(XWPFDocument doc, String text) {
        XWPFParagraph paragraph = DocxText.line(doc.createParagraph(), text, BODY_SIZE, BOLD, ParagraphAlignment.LEFT);
        paragraph.setSpacingBefore(240);
        paragraph.setSpacingAfter(120);
        paragraph.setKeepNext(true); // never a heading alone at the foot of a page
        return paragraph;
    }

    /**
     * The signature block, a borderless table: on the left "Nơi nhận:" and the recipients, in the
     * decree's smaller sizes; on the right the capacity and title in bold capitals, room for the
     * signature and seal, and the name in bold.
     */
    public static void signatureBlock(XWPFDocument doc, List<String> recipients, Signature signature) {
        doc.createParagraph().setSpacingAfter(0);
        XWPFTable table = borderless(doc, 1, TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2);

        XWPFTableCell left = table.getRow(0).getCell(0);
        DocxText.line(first(left), "Nơi nhận:", 12, BOLD_ITALIC, ParagraphAlignment.LEFT);
        for (String recipient : recipients) {
            DocxText.line(left.addParagraph(), "- " + recipient, RECIPIENTS_SIZE, PLAIN, ParagraphAlignment.LEFT);
        }

        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph top = first(right);
        if (signature.capacity() != null) {
            DocxText.line(top, upper(signature.capacity()), BODY_SIZE, BOLD, ParagraphAlignment.CENTER);
            top = right.addParagraph();
        }
        DocxText.line(top, upper(signature.title()), BODY_SIZE, BOLD, ParagraphAlignment.CENTER);
        XWPFParagraph name = DocxText.line(right.addParagraph(), signature.name(), BODY_SIZE, BOLD,
                ParagraphAlignment.CENTER);
        name.setSpacingBefore(1700); // about 3 cm for the signature and the seal
    }

    /**
     * Two signatures side by side, as minutes are signed (the secretary on the left, the chair on the
     * right): each title in bold capitals, room for the signature, and the name in bold, or a blank
     * line for a name not yet known.
     */
    public static void signaturePair(XWPFDocument doc, Signature left, Signature right) {
        doc.createParagraph().setSpacingAfter(0);
        XWPFTable table = borderless(doc, 1, TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2);
        signature(table.getRow(0).getCell(0), left);
        signature(table.getRow(0).getCell(1), right);
    }

    private static void signature(XWPFTableCell cell, Signature signature) {
        DocxText.line(first(cell), upper(signature.title()), BODY_SIZE, BOLD, ParagraphAlignment.CENTER);
        XWPFParagraph name = DocxText.line(cell.addParagraph(), signature.name() == null ? "" : signature.name(),
                BODY_SIZE, BOLD, ParagraphAlignment.CENTER);
        name.setSpacingBefore(1700); // about 3 cm for the signature
    }

    private static XWPFTable borderless(XWPFDocument doc, int rows, int leftWidth, int rightWidth) {
        XWPFTable table = doc.createTable(rows, 2);
        table.removeBorders();
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(leftWidth + rightWidth));
        table.setCellMargins(0, CELL_MARGIN, 0, CELL_MARGIN);
        for (var row : table.getRows()) {
            row.getCell(0).setWidth(Integer.toString(leftWidth));
            row.getCell(1).setWidth(Integer.toString(rightWidth));
        }
        return table;
    }

    private static XWPFParagraph first(XWPFTableCell cell) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    /**
     * A short centred line under a block, as the decree draws under the issuing body, the motto
     * and the subject: an empty paragraph a few points high, narrowed by indents, with its bottom
     * border drawn.
     */
    private static XWPFParagraph rule(XWPFParagraph paragraph, int containerWidth, int length) {
        int indent = Math.max(0, (containerWidth - length) / 2);
        paragraph.setIndentationLeft(indent);
        paragraph.setIndentationRight(indent);
        paragraph.setBorderBottom(Borders.SINGLE);
        paragraph.setSpacingBetween(3, LineSpacingRule.EXACT);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(VIETNAMESE);
    }
}
