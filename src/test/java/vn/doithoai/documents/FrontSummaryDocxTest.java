package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrontSummaryDocxTest {

    static FrontSummary summary(List<FrontSummary.SensitivePetition> sensitive) {
        return new FrontSummary("Kiến Minh", "Ủy ban MTTQ Việt Nam\nxã Kiến Minh", "Kiến Minh",
                LocalDate.of(2026, 12, 5), "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
                List.of(new CountRow("Môi trường", 3), new CountRow("Đất đai", 5), new CountRow("Chính sách xã hội", 2),
                        new CountRow("Dân số", 1)),
                List.of(new CountRow("Thôn Đông", 4), new CountRow("Thôn Dương Xá", 4), new CountRow("Hội Nông dân", 3)),
                List.of(new CountRow("Thư", 6), new CountRow("Mặt trận Tổ quốc", 5)),
                sensitive,
                new Signature("TM. Ban Thường trực", "Chủ tịch", "Nguyễn Thị Ánh"),
                List.of("Thường trực Đảng ủy xã (b/c);", "UBND xã;", "Lưu: VT, MTTQ."));
    }

    static final List<FrontSummary.SensitivePetition> SENSITIVE = List.of(
            new FrontSummary.SensitivePetition(LocalDate.of(2026, 11, 20), "Thôn Đông", "Đất đai",
                    "Tranh chấp ranh giới đất giữa nhiều hộ, có nguy cơ xô xát"),
            new FrontSummary.SensitivePetition(LocalDate.of(2026, 11, 3), "Hội Nông dân", "Môi trường",
                    "Trại lợn xả thải <script>alert(1)</script> ra mương {MERGEFIELD name} <b>đậm</b>"));

    private static byte[] written(FrontSummary data) throws IOException {
        var out = new ByteArrayOutputStream();
        FrontSummaryDocx.write(data, out);
        return out.toByteArray();
    }

    private static XWPFDocument read(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static List<List<String>> cells(XWPFTable table) {
        var rows = new ArrayList<List<String>>();
        for (XWPFTableRow row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(c -> c.getText()).toList());
        }
        return rows;
    }

    private static List<String> lines(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    private static String bodyText(XWPFDocument doc) {
        return String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
    }

    @Test
    void theHeaderBlockIsABorderlessTableWithTheIssuingBodyTheMottoAndThePlaceAndDate() throws IOException {
        try (XWPFDocument doc = read(written(summary(SENSITIVE)))) {
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getTopBorderType()).isNull();
            assertThat(header.getInsideVBorderType()).isNull();

            var left = header.getRow(0).getCell(0).getParagraphs().get(0);
            assertThat(left.getText()).isEqualTo("ỦY BAN MTTQ VIỆT NAM\nXÃ KIẾN MINH");
            assertThat(left.getRuns()).allMatch(XWPFRun::isBold);

            var right = header.getRow(0).getCell(1).getParagraphs();
            assertThat(right.get(0).getText()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(right.get(1).getText()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
            assertThat(right.get(0).getRuns()).allMatch(XWPFRun::isBold);
            assertThat(right.get(1).getRuns()).allMatch(XWPFRun::isBold);

            var date = header.getRow(1).getCell(1).getParagraphs().get(0);
            assertThat(date.getText()).isEqualTo("Kiến Minh, ngày 05 tháng 12 năm 2026");
            assertThat(date.getRuns()).allMatch(XWPFRun::isItalic);
        }
    }

    @Test
    void theTitleIsBoldAndCentredWithTheMeetingUnderIt() throws IOException {
        try (XWPFDocument doc = read(written(summary(SENSITIVE)))) {
            XWPFParagraph title = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("TỔNG HỢP KIẾN NGHỊ CỦA CỬ TRI VÀ NHÂN DÂN")).findFirst().orElseThrow();
            assertThat(title.getAlignment()).hasToString("CENTER");
            assertThat(title.getRuns()).allMatch(XWPFRun::isBold);
            assertThat(bodyText(doc)).contains("Phục vụ Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân")
                    .contains("Tổng số ý kiến, kiến nghị của cử tri và Nhân dân xã Kiến Minh đã tổng hợp: 11, cụ thể như sau:");
        }
    }

    @Test
    void theCountsAreTablesInVietnameseOrderWithAHeaderRowAndATotal() throws IOException {
        try (XWPFDocument doc = read(written(summary(SENSITIVE)))) {
            List<XWPFTable> tables = doc.getTables();
            assertThat(cells(tables.get(1))).containsExactly(
                    List.of("STT", "Lĩnh vực", "Số kiến nghị"),
                    List.of("1", "Chính sách xã hội", "2"),
                    List.of("2", "Dân số", "1"),
                    List.of("3", "Đất đai", "5"),
                    List.of("4", "Môi trường", "3"),
                    List.of("", "Tổng cộng", "11"));
            assertThat(tables.get(1).getRow(0).isRepeatHeader()).isTrue();
            assertThat(tables.get(1).getRow(0).getCell(1).getParagraphs().get(0).getRuns()).allMatch(XWPFRun::isBold);

            assertThat(cells(tables.get(2))).containsExactly(
                    List.of("STT", "Thôn, làng hoặc tổ chức", "Số kiến nghị"),
                    List.of("1", "Hội Nông dân", "3"),
                    List.of("2", "Thôn Dương Xá", "4"),
                    List.of("3", "Thôn Đông", "4"),
                    List.of("", "Tổng cộng", "11"));
            assertThat(cells(tables.get(3))).containsExactly(
                    List.of("STT", "Kênh tiếp nhận", "Số kiến nghị"),
                    List.of("1", "Mặt trận Tổ quốc", "5"),
                    List.of("2", "Thư", "6"),
                    List.of("", "Tổng cộng", "11"));
        }
    }

    @Test
    void theSensitivePetitionsAreListedWithoutAnyContact() throws IOException {
        try (XWPFDocument doc = read(written(summary(SENSITIVE)))) {
            assertThat(cells(doc.getTables().get(4))).containsExactly(
                    List.of("STT", "Ngày nhận", "Thôn, tổ chức", "Lĩnh vực", "Nội dung tóm tắt"),
                    List.of("1", "20/11/2026", "Thôn Đông", "Đất đai", "Tranh chấp ranh giới đất giữa nhiều hộ, có nguy cơ xô xát"),
                    List.of("2", "03/11/2026", "Hội Nông dân", "Môi trường",
                            "Trại lợn xả thải <script>alert(1)</script> ra mương {MERGEFIELD name} <b>đậm</b>"));
        }
    }

    @Test
    void markupAndFieldCodesInContentStayLiteralText() throws IOException {
        byte[] docx = written(summary(SENSITIVE));
        String documentXml = entry(docx, "word/document.xml");
        assertThat(documentXml).doesNotContain("<script>", "<b>", "fldSimple", "instrText", "fldChar")
                .contains("&lt;script>alert(1)&lt;/script>", "{MERGEFIELD name}", "&lt;b>đậm&lt;/b>");
        try (XWPFDocument doc = read(docx)) {
            var content = doc.getTables().get(4).getRow(2).getCell(4).getParagraphs().get(0).getRuns();
            assertThat(content).hasSize(1);
            assertThat(content.get(0).getCTR().getFldCharList()).isEmpty();
        }
    }

    @Test
    void withoutSensitivePetitionsTheSectionSaysSo() throws IOException {
        try (XWPFDocument doc = read(written(summary(List.of())))) {
            assertThat(doc.getTables()).hasSize(5); // header, three counts, signature
            assertThat(bodyText(doc)).contains("IV. KIẾN NGHỊ CẦN LƯU Ý\nKhông có kiến nghị nào cần lưu ý.");
        }
    }

    @Test
    void everyRunIsInTimesNewRomanOfThirteenOrFourteenPointsButTheRecipients() throws IOException {
        try (XWPFDocument doc = read(written(summary(SENSITIVE)))) {
            var runs = new ArrayList<XWPFRun>();
            doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells()
                    .forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
            assertThat(runs).isNotEmpty().allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.hAnsi)).isEqualTo("Times New Roman");
            });
            assertThat(runs.stream().filter(r -> !r.text().startsWith("- ") && !r.text().equals("Nơi nhận:")))
                    .allSatisfy(run -> assertThat(run.getFontSizeAsDouble()).isBetween(13.0, 14.0));
        }
    }

    @Test
    void thePageIsA4WithTheDecreesMargins() throws IOException {
        try (XWPFDocument doc = read(written(summary(SENSITIVE)))) {
            var section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).hasToString("11906");
            assertThat(section.getPgSz().getH()).hasToString("16838");
            assertThat(section.getPgMar().getTop()).hasToString("1134");
            assertThat(section.getPgMar().getBottom()).hasToString("1134");
            assertThat(section.getPgMar().getLeft()).hasToString("1701");
            assertThat(section.getPgMar().getRight()).hasToString("850");
        }
    }

    @Test
    void theSignatureBlockNamesTheRecipientsAndTheSigner() throws IOException {
        try (XWPFDocument doc = read(written(summary(SENSITIVE)))) {
            var tables = doc.getTables();
            XWPFTable signature = tables.get(tables.size() - 1);
            assertThat(signature.getTopBorderType()).isNull();
            assertThat(lines(signature.getRow(0).getCell(0)))
                    .containsExactly("Nơi nhận:", "- Thường trực Đảng ủy xã (b/c);", "- UBND xã;", "- Lưu: VT, MTTQ.");
            assertThat(lines(signature.getRow(0).getCell(1))).containsExactly("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Nguyễn Thị Ánh");
        }
    }

    @Test
    void theTextsAreWrittenWithTheirDiacriticsInNfc() throws IOException {
        String documentXml = entry(written(summary(SENSITIVE)), "word/document.xml");
        assertThat(documentXml).contains("Độc lập - Tự do - Hạnh phúc", "Tranh chấp ranh giới đất giữa nhiều hộ, có nguy cơ xô xát",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nguyễn Thị Ánh");
    }

    private static String entry(byte[] docx, String name) throws IOException {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }
}
