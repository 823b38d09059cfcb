package vn.doithoai.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, in Vietnam: from {@code from} up to, not including, {@code to}.
 * Named as a page or a link names it: a month (2026-07), a quarter (2026-Q3), the first half
 * (2026-H1), the first nine months (2026-9M), a year (2026), or any two days.
 */
public record Period(LocalDate from, LocalDate to) {

    /** A province's report for more than this is not a report but an archive: asked in pieces. */
    public static final int MAX_DAYS = 3 * 366;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern NINE_MONTHS = Pattern.compile("(\\d{4})-9M");

    public Period {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    /** The period a name gives, or empty when the name is none of the forms above. */
    public static Optional<Period> named(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        Matcher m;
        if ((m = YEAR.matcher(n)).matches()) {
            LocalDate start = LocalDate.of(year(m), 1, 1);
            return Optional.of(new Period(start, start.plusYears(1)));
        }
        if ((m = NINE_MONTHS.matcher(n)).matches()) {
            LocalDate start = LocalDate.of(year(m), 1, 1);
            return Optional.of(new Period(start, start.plusMonths(9)));
        }
        if ((m = HALF.matcher(n)).matches()) {
            LocalDate start = LocalDate.of(year(m), m.group(2).equals("1") ? 1 : 7, 1);
            return Optional.of(new Period(start, start.plusMonths(6)));
        }
        if ((m = QUARTER.matcher(n)).matches()) {
            LocalDate start = LocalDate.of(year(m), 3 * Integer.parseInt(m.group(2)) - 2, 1);
            return Optional.of(new Period(start, start.plusMonths(3)));
        }
        if ((m = MONTH.matcher(n)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                return Optional.empty();
            }
            LocalDate start = LocalDate.of(year(m), month, 1);
            return Optional.of(new Period(start, start.plusMonths(1)));
        }
        return Optional.empty();
    }

    /** Two days as a form gives them, both included; empty when either is not a date or the end comes first. */
    public static Optional<Period> between(String firstDay, String lastDay) {
        try {
            LocalDate first = LocalDate.parse(firstDay.trim());
            LocalDate last = LocalDate.parse(lastDay.trim());
            return last.isBefore(first) ? Optional.empty() : Optional.of(new Period(first, last.plusDays(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The last day included. */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay();
    }

    private static int year(Matcher m) {
        return Integer.parseInt(m.group(1));
    }
}
