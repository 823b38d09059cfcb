package vn.doithoai.documents;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.util.regex.Pattern;

/**
 * Text into a .docx as plain runs only: whatever a citizen typed ("<b>", "{MERGEFIELD}", a
 * "<script>") is written as characters, never as markup or a field, because a run's text is
 * escaped by the XML writer and no field or hyperlink element is ever made from it.
 */
public final class DocxText {

    /** Decree 30/2020/NĐ-CP asks for a Unicode font of the TCVN 6909:2001 set; offices use this one. */
    public static final String FONT = "Times New Roman";
    public static final int BODY_SIZE = 14;
    public static final int TABLE_SIZE = 13;

    /**
     * Characters XML 1.0 cannot hold (control characters other than tab and new line, lone
     * surrogates, U+FFFE/FFFF): written as they are, they make a file Word will not open, which
     * is worse than losing an invisible character.
     */
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\t\\n\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private DocxText() {
    }

    public enum Style {
        PLAIN, BOLD, ITALIC, BOLD_ITALIC;

        boolean bold() {
            return this == BOLD || this == BOLD_ITALIC;
        }

        boolean italic() {
            return this == ITALIC || this == BOLD_ITALIC;
        }
    }

    /** Adds the text to the paragraph; its new lines become line breaks and its tabs tabs. */
    public static XWPFRun run(XWPFParagraph paragraph, String text, int size, Style style) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        // Only what differs from plain text is written: a long table's runs stay small, and its
        // document quick to build and save.
        if (style.bold()) {
            run.setBold(true);
        }
        if (style.italic()) {
            run.setItalic(true);
        }
        String[] lines = NOT_XML.matcher(text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            writeTabbed(run, lines[i]);
        }
        return run;
    }

    /** A paragraph whose text is one run. */
    public static XWPFParagraph line(XWPFParagraph paragraph, String text, int size, Style style,
                                     ParagraphAlignment alignment) {
        paragraph.setAlignment(alignment);
        run(paragraph, text, size, style);
        return paragraph;
    }

    private static void writeTabbed(XWPFRun run, String line) {
        String[] parts = line.split("\t", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                run.addTab();
            }
            if (!parts[i].isEmpty()) {
                run.setText(parts[i], run.getCTR().sizeOfTArray());
            }
        }
    }
}
