package io.marquee.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The interactions consumers' reading rule: unknown fields ignored, anything that is not an event refused. */
class InteractionEventJsonTest {

    /** An event as a newer producer might write it: every known field and two this code does not know. */
    private static final String NEWER = """
            {"eventId":"e-1","userId":"u-1","sessionId":"s-1","itemId":"m-1","eventType":"rate","eventValue":4.5,
             "sentAt":"2026-12-01T10:00:00Z","device":"web","page":"/movies/m-1","recommendationId":"r-1",
             "impression":["m-2","m-3"],"properties":{"source":"home"},
             "consent":{"analytics":true},"region":"eu-west-1"}""";

    private static final InteractionEvent EXPECTED = new InteractionEvent("e-1", "u-1", "s-1", "m-1", "rate", 4.5,
            Instant.parse("2026-12-01T10:00:00Z"), "web", "/movies/m-1", "r-1", List.of("m-2", "m-3"),
            Map.of("source", "home"));

    @Test
    void unknownFieldsAreIgnoredAndTheKnownOnesRead() throws Exception {
        assertThat(InteractionEventJson.read(NEWER)).isEqualTo(EXPECTED);
        assertThat(InteractionEventJson.read(NEWER.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXPECTED);
    }

    @Test
    void unknownFieldsAreIgnoredEvenOnAMapperThatRefusesThem() throws Exception {
        ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        assertThat((InteractionEvent) InteractionEventJson.reader(strict).readValue(NEWER)).isEqualTo(EXPECTED);
    }

    @Test
    void missingOptionalFieldsReadAsNull() throws Exception {
        InteractionEvent event = InteractionEventJson.read(
                "{\"eventId\":\"e-2\",\"userId\":\"u-2\",\"eventType\":\"view\",\"sentAt\":\"2026-12-01T10:00:00Z\"}");

        assertThat(event).isEqualTo(new InteractionEvent("e-2", "u-2", null, null, "view", null,
                Instant.parse("2026-12-01T10:00:00Z"), null, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "",
            "{\"eventId\":\"e-1\",",
            "[\"e-1\"]",
            "42",
            "{\"eventId\":\"e-1\",\"sentAt\":\"yesterday\"}",
            "{\"eventId\":\"e-1\",\"impression\":\"m-2\"}"
    })
    void whatIsNotAnEventIsRefusedAsUnreadableJson(String value) {
        assertThatThrownBy(() -> InteractionEventJson.read(value)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> InteractionEventJson.read(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aJsonNullIsNoEvent() throws Exception {
        assertThat(InteractionEventJson.read("null")).isNull();
    }
}
