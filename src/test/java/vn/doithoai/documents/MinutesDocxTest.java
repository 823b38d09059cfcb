package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.doithoai.meeting.MinutesMeetings;
import vn.doithoai.meeting.MinutesSignOff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The minutes' .docx read back with POI (LibreOffice renders it in browser.MinutesScreensTest, beside the screenshots). */
class MinutesDocxTest {

    private static final String HEAD = "3b8e0c5d".repeat(8);

    private static byte[] written(MinutesSignOff.Stage stage) throws IOException {
        var out = new ByteArrayOutputStream();
        MinutesDocx.write(MinutesOfMeeting.from(MinutesMeetings.iaBang(stage), "Xã Ia Băng", HEAD), out);
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

    /** The table whose header row starts with these headers. */
    private static XWPFTable table(XWPFDocument doc, String... headers) {
        return doc.getTables().stream().filter(t -> cells(t).get(0).subList(0, Math.min(headers.length, cells(t).get(0).size()))
                .equals(List.of(headers))).findFirst().orElseThrow(() -> new AssertionError("no table " + List.of(headers)));
    }

    private static String bodyText(XWPFDocument doc) {
        return String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
    }

    @Test
    void theHeaderBlockHasTheIssuingBodyTheMottoAndThePlaceAndDate() throws IOException {
        try (XWPFDocument doc = read(written(MinutesSignOff.Stage.DRAFT))) {
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getParagraphs().get(0).getText()).isEqualTo("XÃ IA BĂNG\nVĂN PHÒNG ĐẢNG ỦY");
            var motto = header.getRow(0).getCell(1).getParagraphs();
            assertThat(motto.get(0).getText()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(motto.get(1).getText()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
            assertThat(header.getRow(1).getCell(1).getParagraphs().get(0).getText()).isEqualTo("Ia Băng, ngày 15 tháng 6 năm 2026");
            assertThat(bodyText(doc)).contains("BIÊN BẢN\nHội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân năm 2026")
                    .contains("Thời gian: từ 08 giờ 00 đến 10 giờ 00, ngày 15/06/2026")
                    .contains("Địa điểm: Hội trường Ban Chấp hành Đảng bộ xã (thôn Broch, xã Ia Băng)")
                    .contains("Chủ trì: Đồng chí Y Đức Thành, Bí thư Đảng ủy, Chủ tịch HĐND xã; Đồng chí Nguyễn Văn Hùng")
                    .contains("Tổng số người dự: 3 người.")
                    .contains("3. Nhân dân phát biểu ý kiến, thảo luận theo thứ tự, nội dung, thời gian đã đăng ký");
        }
    }

    @Test
    void theSpeechesAndAnswersAreTablesWithTheirRealStartAndLength() throws IOException {
        try (XWPFDocument doc = read(written(MinutesSignOff.Stage.DRAFT))) {
            assertThat(cells(table(doc, "STT", "Người phát biểu"))).containsExactly(
                    List.of("STT", "Người phát biểu", "Thôn, tổ chức", "Nội dung", "Bắt đầu", "Thời lượng"),
                    List.of("1", "Lê Văn Hòa", "Thôn Broch", "Đền bù giải phóng mặt bằng\n" + MinutesMeetings.TRICKY_SUMMARY,
                            "08:20", "04:12"),
                    List.of("2", "Trần Thị Mai", "Làng Bi", "Vay vốn hộ nghèo", "08:27", "01:35"));
            assertThat(table(doc, "STT", "Người phát biểu").getRow(0).isRepeatHeader()).isTrue();
            assertThat(cells(table(doc, "STT", "Người trả lời"))).containsExactly(
                    List.of("STT", "Người trả lời", "Chức vụ, cơ quan", "Trả lời ý kiến số", "Bắt đầu", "Thời lượng"),
                    List.of("1", "Ông Nguyễn Văn Bình", "Công chức Địa chính - Xây dựng", "1", "08:24", "03:05"));
            assertThat(cells(table(doc, "STT", "Họ và tên", "Chức vụ"))).containsExactly(
                    List.of("STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị"),
                    List.of("1", "Rơ Mah Thuận", "Trưởng Công an xã", "Công an xã"));
        }
    }

    @Test
    void theRefusalsNotesAndConclusionsArePrinted() throws IOException {
        try (XWPFDocument doc = read(written(MinutesSignOff.Stage.DRAFT))) {
            assertThat(cells(table(doc, "STT", "Họ và tên", "Thôn, tổ chức")).get(1)).containsExactly("1", "Đỗ Văn Tuấn", "Thôn 4",
                    "Không cho phát biểu", "Khiếu kiện đã có quyết định giải quyết cuối cùng — Quyết định số 45/QĐ-UBND");
            assertThat(cells(table(doc, "STT", "Nội dung kết luận"))).containsExactly(
                    List.of("STT", "Nội dung kết luận", "Hình thức", "Cơ quan thực hiện", "Thời hạn"),
                    List.of("1", "Giao Địa chính rà soát hồ sơ đền bù của hộ ông Hòa, trả lời bằng văn bản.\nVề ý kiến số 1",
                            "Giao cơ quan giải quyết", "Địa chính - Xây dựng", "31/07/2026"),
                    List.of("2", "Chính sách vay vốn hộ nghèo đã được giải thích tại hội nghị.", "Giải thích, làm rõ", "", ""));
            assertThat(bodyText(doc)).contains("3. Ghi chép của thư ký\n08:00: Đồng chí Chủ tịch Ủy ban MTTQ xã tuyên bố lý do")
                    .contains("08:24 (Lê Văn Hòa): Ông Hòa đề nghị <script>alert(1)</script> trả lời bằng văn bản.")
                    .doesNotContain("UBMTTQ xã tuyên bố lý do.") // the text before the correction
                    .contains("Hội nghị kết thúc lúc 10 giờ 00 cùng ngày.");
        }
    }

    @Test
    void theVersionIsToldApartOnTheDocument() throws IOException {
        try (XWPFDocument draft = read(written(MinutesSignOff.Stage.DRAFT))) {
            XWPFParagraph mark = draft.getParagraphs().stream().filter(p -> p.getText().equals("DỰ THẢO")).findFirst().orElseThrow();
            assertThat(mark.getRuns()).allMatch(XWPFRun::isBold);
            assertThat(bodyText(draft)).doesNotContain("BẢN HOÀN THIỆN", "PHÊ DUYỆT", "Phụ lục");
            assertThat(signatures(draft)).containsExactly(List.of("THƯ KÝ", ""), List.of("CHỦ TRÌ", ""));
        }
        try (XWPFDocument finalText = read(written(MinutesSignOff.Stage.FINAL))) {
            assertThat(bodyText(finalText)).contains("BẢN HOÀN THIỆN").doesNotContain("DỰ THẢO", "PHÊ DUYỆT");
            assertThat(signatures(finalText)).containsExactly(List.of("THƯ KÝ", "Phạm Thị Lan"), List.of("CHỦ TRÌ", ""));
        }
        try (XWPFDocument approved = read(written(MinutesSignOff.Stage.APPROVED))) {
            String text = bodyText(approved);
            assertThat(text).contains("ĐÃ PHÊ DUYỆT ngày 16/06/2026").doesNotContain("DỰ THẢO", "BẢN HOÀN THIỆN");
            assertThat(signatures(approved)).containsExactly(List.of("THƯ KÝ", "Phạm Thị Lan"), List.of("CHỦ TRÌ", "Y Đức Thành"));
            assertThat(text).contains("Phụ lục ngày 18/06/2026 (Thư ký)\nSửa thời hạn kết luận số 1 thành ngày 15/08/2026.");
            assertThat(text.indexOf("Phụ lục ngày")).as("after the approved text").isGreaterThan(text.indexOf("Hội nghị kết thúc"));
        }
    }

    /** The two columns of the signatures: title and name. */
    private static List<List<String>> signatures(XWPFDocument doc) {
        XWPFTable table = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getParagraphs().get(0).getText().equals("THƯ KÝ"))
                .findFirst().orElseThrow();
        return table.getRow(0).getTableCells().stream().map(c -> c.getParagraphs().stream().map(XWPFParagraph::getText).toList()).toList();
    }

    @Test
    void theRecordsCheckCodeIsPrintedLast() throws IOException {
        try (XWPFDocument doc = read(written(MinutesSignOff.Stage.APPROVED))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            assertThat(paragraphs.get(paragraphs.size() - 1).getText()).isEqualTo("Mã kiểm tra biên bản: " + HEAD);
        }
    }

    @Test
    void markupAndFieldCodesInWhatPeopleTypedStayLiteralText() throws IOException {
        byte[] docx = written(MinutesSignOff.Stage.DRAFT);
        String documentXml = entry(docx, "word/document.xml");
        assertThat(documentXml).doesNotContain("<b>x</b>", "<script>", "fldSimple", "instrText", "fldChar", "hyperlink")
                .contains("&lt;b>x&lt;/b>", "{ MERGEFIELD x }", "&lt;script>alert(1)&lt;/script>");
        assertThat(documentXml).contains("Độc lập - Tự do - Hạnh phúc", "Đền bù giải phóng mặt bằng", "Rơ Mah Thuận");
    }

    @Test
    void everyRunIsTimesNewRomanOfThirteenOrFourteenPointsOnA4() throws IOException {
        try (XWPFDocument doc = read(written(MinutesSignOff.Stage.APPROVED))) {
            var runs = new ArrayList<XWPFRun>();
            doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells()
                    .forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
            assertThat(runs).isNotEmpty().allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).isBetween(13.0, 14.0);
            });
            var section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).hasToString("11906");
            assertThat(section.getPgMar().getLeft()).hasToString("1701");
        }
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
