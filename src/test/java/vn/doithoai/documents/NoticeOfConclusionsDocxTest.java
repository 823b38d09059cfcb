package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice read back with POI: the layout's header, the title, the conclusions' table, and no one's name or phone. */
class NoticeOfConclusionsDocxTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 20);

    private static XWPFDocument written(NoticeOfConclusions notice) throws IOException {
        var out = new ByteArrayOutputStream();
        NoticeOfConclusionsDocx.write(notice, out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<List<String>> cells(XWPFTable table) {
        var rows = new ArrayList<List<String>>();
        for (XWPFTableRow row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(c -> c.getText()).toList());
        }
        return rows;
    }

    /** Everything a reader sees: the paragraphs and every table's cells. */
    private static String allText(XWPFDocument doc) {
        var text = new StringBuilder();
        doc.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
        doc.getTables().forEach(t -> cells(t).forEach(row -> text.append(String.join(" | ", row)).append('\n')));
        return text.toString();
    }

    @Test
    void theHeaderNamesTheCommunesPeoplesCommitteeTheMottoAndTheDayOfPublishing() throws IOException {
        try (XWPFDocument doc = written(NoticeOfConclusions.of(ClosedMeeting.state(), "Xã Kiến Minh", PUBLISHED))) {
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getParagraphs().get(0).getText()).isEqualTo("ỦY BAN NHÂN DÂN\nXÃ KIẾN MINH");
            assertThat(header.getRow(0).getCell(1).getText()).contains(AdministrativeLayout.MOTTO_STATE, AdministrativeLayout.MOTTO_SLOGAN);
            assertThat(header.getRow(1).getCell(1).getText()).isEqualTo("Kiến Minh, ngày 20 tháng 6 năm 2026");
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("THÔNG BÁO KẾT LUẬN", "Hội nghị đối thoại năm 2026");
            assertThat(String.join("\n", paragraphs)).contains("Ngày 15/06/2026, tại Hội trường UBND xã Kiến Minh, Ủy ban nhân dân xã Kiến Minh",
                    "do Bí thư Đảng ủy xã, Chủ tịch UBND xã chủ trì", "(qua Văn phòng HĐND-UBND xã)");
        }
    }

    @Test
    void eachConclusionHasItsRowWithTheVillagesItsOfficeDeadlineAndStatus() throws IOException {
        try (XWPFDocument doc = written(NoticeOfConclusions.of(ClosedMeeting.state(), "Kiến Minh", PUBLISHED))) {
            List<List<String>> rows = cells(doc.getTables().get(1));
            assertThat(rows.get(0)).containsExactly("STT", "Nội dung kết luận", "Cơ quan thực hiện", "Thời hạn", "Tình trạng");
            assertThat(doc.getTables().get(1).getRow(0).isRepeatHeader()).isTrue();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(1).get(0)).isEqualTo("1");
            assertThat(rows.get(1).get(1)).contains("Sửa đường liên thôn Broch – Đê Kjiêng trước mùa mưa", "(Ý kiến của: Thôn Broch)");
            assertThat(rows.get(1).subList(2, 5)).containsExactly("Phòng Kinh tế", "30/09/2026", "Giao cơ quan giải quyết");
            assertThat(rows.get(2).get(1)).contains("(Ý kiến của: Thôn Broch, Làng Đê Kjiêng)");
            assertThat(rows.get(2).subList(2, 5)).containsExactly("UBND tỉnh Gia Lai", "31/12/2026", "Chuyển cấp trên");
            assertThat(rows.get(3).subList(1, 5)).containsExactly("Chính sách hỗ trợ đã được giải thích tại hội nghị", "", "",
                    "Giải thích, làm rõ");
        }
    }

    @Test
    void theDiacriticsAreKeptAsTypedAndNoSpeakerNameNorPhoneIsInTheFile() throws IOException {
        try (XWPFDocument doc = written(NoticeOfConclusions.of(ClosedMeeting.state(), "Kiến Minh", PUBLISHED))) {
            String text = allText(doc);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            assertThat(text).contains("Làng Đê Kjiêng", "Ủy ban nhân dân xã", "niêm yết công khai", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
            assertThat(text).doesNotContain(ClosedMeeting.AN, ClosedMeeting.AN_PHONE, ClosedMeeting.LAN, ClosedMeeting.LAN_PHONE,
                    ClosedMeeting.RESPONDER);
        }
    }

    @Test
    void aMeetingWithoutConclusionsSaysSoInsteadOfAnEmptyTable() throws IOException {
        var empty = new NoticeOfConclusions("Kiến Minh", "Ủy ban nhân dân\nxã Kiến Minh", "Kiến Minh", PUBLISHED,
                "Hội nghị <b>đối thoại</b> {MERGEFIELD x}", LocalDate.of(2026, 6, 15), null, List.of(), null, List.of(),
                new Signature("TM. Ủy ban nhân dân", "Chủ tịch", null), List.of("Lưu: VT."));
        try (XWPFDocument doc = written(empty)) {
            assertThat(doc.getTables()).hasSize(2); // the header block and the signature block
            String text = allText(doc);
            assertThat(text).contains("Hội nghị không có kết luận nào được ghi nhận.", "Hội nghị <b>đối thoại</b> {MERGEFIELD x}");
            assertThat(doc.getParagraphs()).noneMatch(p -> p.getCTP().xmlText().contains("fldSimple")
                    || p.getCTP().xmlText().contains("instrText"));
        }
    }
}
