package vn.doithoai.reports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A report as an .xlsx workbook, one sheet per family of figures (ReportTables), Vietnamese
 * headers in bold, figures as numbers so the sheet can sum them. Text is always written as text:
 * nothing a citizen typed becomes a formula.
 */
public final class ReportXlsx {

    private ReportXlsx() {
    }

    public static void write(Report report, OutputStream out) throws IOException {
        try (var book = new XSSFWorkbook()) {
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            CellStyle bold = book.createCellStyle();
            bold.setFont(boldFont);
            for (ReportTables.Table table : ReportTables.of(report)) {
                Sheet sheet = book.createSheet(table.sheet());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(table.heading() + " — " + report.scope() + ", "
                        + Dates.vietnamese(report.period().from()) + " – " + Dates.vietnamese(report.period().lastDay()));
                title.getCell(0).setCellStyle(bold);
                Row header = sheet.createRow(2);
                for (int i = 0; i < table.headers().size(); i++) {
                    header.createCell(i).setCellValue(table.headers().get(i));
                    header.getCell(i).setCellStyle(bold);
                }
                int r = 3;
                for (List<String> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(values.get(0));
                    for (int i = 1; i < values.size(); i++) {
                        if (values.get(i).isEmpty()) {
                            row.createCell(i).setBlank();
                        } else {
                            row.createCell(i).setCellValue(Integer.parseInt(values.get(i)));
                        }
                    }
                }
                sheet.setColumnWidth(0, 40 * 256);
                for (int i = 1; i < table.headers().size(); i++) {
                    sheet.setColumnWidth(i, 16 * 256);
                }
            }
            book.write(out);
        }
    }
}
