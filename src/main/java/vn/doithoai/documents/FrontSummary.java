package vn.doithoai.documents;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Front's summary of the petitions of the people (plan 000, V.4; plan 004, III.2), as plain
 * data: the counts by field, by village and by channel, and the petitions the Front marked as
 * sensitive. It holds no contact of anyone; the content of a sensitive petition is given short.
 *
 * @param issuingBody  e.g. "Ủy ban MTTQ Việt Nam\nxã Kiến Minh"; its lines are kept, in capitals
 * @param place        the place the date is written at, e.g. "Kiến Minh"
 * @param meetingTitle the meeting the summary is for, or null
 * @param recipients   the "Nơi nhận" list, e.g. "Thường trực Đảng ủy xã;"
 */
public record FrontSummary(String communeName, String issuingBody, String place, LocalDate date,
                           String meetingTitle, List<CountRow> byField, List<CountRow> byVillage,
                           List<CountRow> byChannel, List<SensitivePetition> sensitive, Signature signature,
                           List<String> recipients) {

    /** A petition the Front flagged, as it may be printed: no name, no contact. */
    public record SensitivePetition(LocalDate receivedOn, String village, String field, String content) {
    }

    /** Each count in Vietnamese alphabetical order of its labels (a, ă, â, b, ..., d, đ, ...). */
    public FrontSummary {
        byField = vietnameseOrder(byField);
        byVillage = vietnameseOrder(byVillage);
        byChannel = vietnameseOrder(byChannel);
        sensitive = List.copyOf(sensitive);
        recipients = List.copyOf(recipients);
    }

    /** Every petition has one field, so the count by field adds up to all of them. */
    public int total() {
        return byField.stream().mapToInt(CountRow::count).sum();
    }

    private static List<CountRow> vietnameseOrder(List<CountRow> rows) {
        // A Collator is not safe to share between threads: one each time.
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        return rows.stream().sorted(Comparator.comparing(CountRow::label, collator)).toList();
    }
}
