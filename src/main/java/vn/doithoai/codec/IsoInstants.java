package vn.doithoai.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Instants as the ISO-8601 text we store ("2026-06-15T01:00:00.020Z"), read and written without
 * {@code DateTimeFormatter}. A long meeting's state holds one instant per registration and per
 * line of the minutes; parsing them through the formatter was half the time of reading that
 * state back after a start. The text is exactly what {@code DateTimeFormatter.ISO_INSTANT} makes;
 * any other shape (an offset, a year past 9999, a number) goes to jackson-datatype-jsr310's own
 * reader and writer, with their error messages.
 */
public final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;

    private IsoInstants() {
    }

    /** Registered after the JavaTimeModule, so these take its place for {@link Instant}. */
    static SimpleModule module() {
        return new SimpleModule("doithoai-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** The same text as {@link Instant#toString()}, made without the formatter for years 0–9999. */
    public static String text(Instant instant) {
        String text = format(instant);
        return text != null ? text : instant.toString();
    }

    /** "yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z" as ISO_INSTANT writes it, or null for a year outside 0–9999. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < -62_167_219_200L || seconds >= 253_402_300_800L) { // 0000-01-01 … 9999-12-31
            return null;
        }
        // Plain arithmetic into one char array: this runs for every event sent, and right after a
        // start, before the JIT has compiled anything, LocalDateTime and a StringBuilder took 40 µs a time.
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        long date = civilFromDays(days);
        int nanos = instant.getNano();
        // Fraction digits in groups of three, as many as needed.
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[fraction == 0 ? 20 : 21 + fraction];
        digits(text, 0, (int) (date / 10_000), 4);
        text[4] = '-';
        digits(text, 5, (int) (date / 100 % 100), 2);
        text[7] = '-';
        digits(text, 8, (int) (date % 100), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (fraction > 0) {
            text[19] = '.';
            digits(text, 20, nanos / POWERS_OF_TEN[9 - fraction], fraction);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};

    /** {@code value} in {@code width} decimal digits (leading zeros) at {@code at}. */
    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The day {@code days} after 1970-01-01 as yyyyMMdd (proleptic Gregorian; H. Hinnant's civil_from_days). */
    private static long civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // from March 1st
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }

    /** The days from 1970-01-01 to a date that exists (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(long year, int month, int day) {
        year -= month <= 2 ? 1 : 0;
        long era = Math.floorDiv(year, 400);
        long yearOfEra = year - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * The instant in "yyyy-MM-ddTHH:mm:ss[.f…]Z" (1 to 9 fraction digits), or null if the text has
     * another shape or names no real time (the caller then asks the full parser, which says why).
     */
    static Instant parse(char[] text, int offset, int length) {
        if (length < 20 || length > 30 || text[offset + length - 1] != 'Z'
                || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return null;
        }
        int year = number(text, offset, 4);
        int month = number(text, offset + 5, 2);
        int day = number(text, offset + 8, 2);
        int hour = number(text, offset + 11, 2);
        int minute = number(text, offset + 14, 2);
        int second = number(text, offset + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionEnd = offset + length - 1;
        if (fractionEnd > offset + 19) {
            int digitCount = fractionEnd - offset - 20;
            if (text[offset + 19] != '.' || digitCount < 1 || digitCount > 9) {
                return null;
            }
            nanos = number(text, offset + 20, digitCount);
            if (nanos < 0) {
                return null;
            }
            nanos *= POWERS_OF_TEN[9 - digitCount];
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        return Instant.ofEpochSecond(daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L
                + second, nanos);
    }

    /** The decimal number in {@code count} characters, or -1 if one of them is not a digit. */
    private static int number(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static final class Writer extends StdScalarSerializer<Instant> {
        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String text = format(value);
            if (text != null) {
                gen.writeString(text);
            } else {
                InstantSerializer.INSTANCE.serialize(value, gen, provider);
            }
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {
        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                Instant fast = parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
