package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.math.BigInteger;
import java.util.List;

import static vn.doithoai.documents.DocxText.Style.BOLD;
import static vn.doithoai.documents.DocxText.Style.PLAIN;
import static vn.doithoai.documents.DocxText.TABLE_SIZE;

/**
 * A ruled table of a document's body: a header row in bold, repeated on each page it runs over,
 * the rows, and an optional closing row of totals in bold.
 */
public final class DataTable {

    /** A column: its header, its width in twips, and how its cells are aligned. */
    public record Column(String header, int width, ParagraphAlignment alignment) {
    }

    private DataTable() {
    }

    /** @param total the closing row, or null for none */
    public static XWPFTable write(XWPFDocument doc, List<Column> columns, List<List<String>> rows, List<String> total) {
        XWPFTable table = doc.createTable(1, columns.size());
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(columns.stream().mapToInt(Column::width).sum()));

        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < columns.size(); i++) {
            fill(header.getCell(i), columns.get(i), columns.get(i).header(), true);
            header.getCell(i).getParagraphs().get(0).setAlignment(ParagraphAlignment.CENTER);
        }
        for (List<String> row : rows) {
            addRow(table, columns, row, false);
        }
        if (total != null) {
            addRow(table, columns, total, true);
        }
        return table;
    }

    private static void addRow(XWPFTable table, List<Column> columns, List<String> values, boolean bold) {
        XWPFTableRow row = table.createRow();
        row.setCantSplitRow(true);
        for (int i = 0; i < columns.size(); i++) {
            fill(row.getCell(i), columns.get(i), i < values.size() ? values.get(i) : "", bold);
        }
    }

    private static void fill(XWPFTableCell cell, Column column, String text, boolean bold) {
        // The width straight into the cell's properties: POI's setWidth parses a string with a
        // pattern each time, which a table of hundreds of rows feels.
        CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth width = properties.isSetTcW() ? properties.getTcW() : properties.addNewTcW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(column.width()));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        var paragraph = cell.getParagraphs().get(0);
        paragraph.setSpacingBefore(40);
        paragraph.setSpacingAfter(40);
        DocxText.line(paragraph, text, TABLE_SIZE, bold ? BOLD : PLAIN, column.alignment());
    }
}
