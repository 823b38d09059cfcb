package vn.doithoai.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Days as Vietnamese documents write them: 05/07/2026. */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Dates() {
    }

    static String vietnamese(LocalDate day) {
        return DAY.format(day);
    }
}
