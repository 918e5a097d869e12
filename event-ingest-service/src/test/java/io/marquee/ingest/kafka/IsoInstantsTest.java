package io.marquee.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path agrees with {@link Instant#parse}: same instant, or the same refusal. */
class IsoInstantsTest {

    @Test
    void theUsualShapesParseToWhatInstantParseGives() {
        Random random = new Random(30);
        List<String> texts = new ArrayList<>(List.of("2026-12-06T08:00:00Z", "1970-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.5Z",
                "1969-12-31T23:59:59.123Z", "2026-12-06T08:00:00.000001Z"));
        for (int i = 0; i < 20_000; i++) {
            int scale = (int) Math.pow(10, random.nextInt(10));
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(1_000_000_000) / scale * scale);
            texts.add(at.toString());
        }
        for (String text : texts) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void whatItDoesNotKnowIsLeftToInstantParseWhichDecides() {
        // Accepted or refused as Instant.parse has it (offsets, five-digit years, 24:00, a leap second,
        // lower case letters are among what it takes).
        for (String text : List.of("2026-12-06T08:00:00+01:00", "+12026-12-06T08:00:00Z", "2026-12-06T23:59:60Z",
                "2026-12-06T24:00:00Z", "2026-12-06t08:00:00z", "2026-12-06T08:00Z", "2026-12-06T08:00:00.Z",
                "2026-12-06T08:00:00.1234567890Z", "2026-02-30T08:00:00Z", "2026-13-06T08:00:00Z",
                "2026-12-06T25:00:00Z", "2026-12-06 08:00:00Z", "2026-1a-06T08:00:00Z", "not-a-time", "")) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException refused) {
                assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
        }
        assertThatThrownBy(() -> IsoInstants.parse("2026-02-30T08:00:00Z")).isInstanceOf(DateTimeParseException.class);
    }
}
