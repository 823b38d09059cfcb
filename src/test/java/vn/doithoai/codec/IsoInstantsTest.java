package vn.doithoai.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    private record Stamped(Instant at) {
    }

    /** Stored states and events hold instants written by ISO_INSTANT, frames Instant.toString(): the text must stay the same. */
    @Test
    void writesExactlyWhatIsoInstantWrites() throws Exception {
        for (Instant instant : samples()) {
            String expected = "{\"at\":\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"}";
            assertThat(Json.write(new Stamped(instant))).as("%s", instant).isEqualTo(expected);
            assertThat(IsoInstants.text(instant)).isEqualTo(instant.toString());
            assertThat(Json.read(expected, Stamped.class).at()).isEqualTo(instant);
            assertThat(Json.read(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), Stamped.class).at())
                    .isEqualTo(instant);
        }
    }

    @Test
    void readsEveryFractionLengthAsInstantParseDoes() throws Exception {
        String[] texts = {"2026-06-15T01:00:00Z", "2026-06-15T01:00:00.5Z", "2026-06-15T01:00:00.02Z",
            "2026-06-15T01:00:00.020Z", "2026-06-15T01:00:00.0201Z", "2026-06-15T01:00:00.123456789Z",
            "2024-02-29T23:59:59.999Z", "2000-02-29T12:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.9Z", "0000-01-01T00:00:00Z"};
        for (String text : texts) {
            assertThat(Json.read("{\"at\":\"" + text + "\"}", Stamped.class).at()).as(text).isEqualTo(Instant.parse(text));
        }
    }

    /** Other shapes go to the full parser: an offset is read, a day that does not exist is an error. */
    @Test
    void leavesOtherShapesToTheFullParser() throws Exception {
        assertThat(Json.read("{\"at\":\"2026-06-15T08:00:00+07:00\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-06-15T01:00:00Z"));
        assertThat(Json.read("{\"at\":\"+10000-01-01T00:00:00Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(IsoInstants.text(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
        assertThat(Json.write(new Stamped(Instant.parse("+10000-01-01T00:00:00Z"))))
                .isEqualTo("{\"at\":\"+10000-01-01T00:00:00Z\"}");
        assertThat(Json.read("{\"at\":\"2026-06-15T24:00:00Z\"}", Stamped.class).at()) // as ISO_INSTANT reads it
                .isEqualTo(Instant.parse("2026-06-16T00:00:00Z"));
        for (String wrong : List.of("2026-02-30T01:00:00Z", "2026-02-29T01:00:00Z", "1900-02-29T01:00:00Z",
                "2026-04-31T01:00:00Z", "2026-13-01T01:00:00Z", "2026-06-15T01:00:00.1234567890Z", "2026-06-1ST01:00:00Z",
                "hôm nay")) {
            assertThatThrownBy(() -> Json.read("{\"at\":\"" + wrong + "\"}", Stamped.class)).as(wrong)
                    .isInstanceOf(JsonProcessingException.class).hasMessageContaining(wrong);
        }
    }

    private static List<Instant> samples() {
        var samples = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-06-15T01:00:00Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2024-02-29T12:00:00.000001Z")));
        var random = new SplittableRandom(20261126);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            samples.add(Instant.ofEpochSecond(seconds, nanos));
        }
        return samples;
    }
}
