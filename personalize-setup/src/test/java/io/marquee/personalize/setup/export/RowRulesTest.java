package io.marquee.personalize.setup.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.personalize.setup.Schemas;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personalize's rules for one row, each refusal with its reason. */
class RowRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final RowRules interactions = rules(Schemas.INTERACTIONS);
    private final RowRules items = rules(Schemas.ITEMS);
    private final RowRules users = rules(Schemas.USERS);

    private static RowRules rules(String schema) {
        return new RowRules(DatasetSchema.parse(schema), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, String> event(String column, String value) {
        Map<String, String> row = new HashMap<>(Map.of("USER_ID", "u1", "ITEM_ID", "m1",
                "TIMESTAMP", Long.toString(NOW.getEpochSecond()), "EVENT_TYPE", "view"));
        row.put(column, value);
        return row;
    }

    @Test
    void theHeaderIsTheSchemasFieldsInOrder() {
        assertThat(interactions.schema().header()).containsExactly("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE");
        assertThat(items.schema().header()).containsExactly("ITEM_ID", "GENRES", "YEAR", "CREATION_TIMESTAMP");
        assertThat(users.schema().header()).containsExactly("USER_ID", "AGE", "GENDER");
        assertThat(items.schema().fields().get(1).categorical()).isTrue();
        assertThat(items.schema().fields().get(1).nullable()).isTrue();
    }

    @Test
    void aWellFormedEventPasses() {
        assertThat(interactions.check(event("EVENT_VALUE", "4.5"))).isEmpty();
        assertThat(interactions.check(event("EVENT_VALUE", null))).isEmpty();
        assertThat(interactions.check(event("USER_ID", "é".repeat(256)))).isEmpty();
    }

    @Test
    void requiredFieldsMustBeThere() {
        assertThat(interactions.check(event("USER_ID", null))).contains("USER_ID is missing");
        assertThat(interactions.check(event("ITEM_ID", ""))).contains("ITEM_ID is missing");
        assertThat(interactions.check(event("EVENT_TYPE", null))).contains("EVENT_TYPE is missing");
        assertThat(interactions.check(event("TIMESTAMP", null))).contains("TIMESTAMP is missing");
        assertThat(items.check(Map.of("GENRES", "Drama"))).contains("ITEM_ID is missing");
    }

    @Test
    void idsAndEventTypesHaveLengthAndCharacterLimits() {
        assertThat(interactions.check(event("USER_ID", "u".repeat(257)))).contains("USER_ID is longer than 256 characters");
        assertThat(interactions.check(event("ITEM_ID", "i".repeat(257)))).contains("ITEM_ID is longer than 256 characters");
        assertThat(interactions.check(event("EVENT_TYPE", "t".repeat(257)))).contains("EVENT_TYPE is longer than 256 characters");
        assertThat(interactions.check(event("USER_ID", "a\nb"))).contains("USER_ID has a control character");
        assertThat(interactions.check(event("EVENT_TYPE", "view\u0000"))).contains("EVENT_TYPE has a control character");
        assertThat(interactions.check(event("ITEM_ID", "   "))).contains("ITEM_ID is blank");
    }

    @Test
    void timestampsAreEpochSecondsNotMillisecondsNorTheFuture() {
        assertThat(interactions.check(event("TIMESTAMP", "soon"))).contains("TIMESTAMP is not a long");
        assertThat(interactions.check(event("TIMESTAMP", "0"))).contains("TIMESTAMP is not after 1970-01-01 (epoch seconds)");
        assertThat(interactions.check(event("TIMESTAMP", Long.toString(NOW.toEpochMilli()))))
                .contains("TIMESTAMP is in milliseconds, not epoch seconds");
        assertThat(interactions.check(event("TIMESTAMP", Long.toString(NOW.plusSeconds(2 * 86_400).getEpochSecond()))))
                .contains("TIMESTAMP is in the future");
        assertThat(interactions.check(event("TIMESTAMP", Long.toString(NOW.plusSeconds(3600).getEpochSecond())))).isEmpty();
    }

    @Test
    void typesAreTheSchemas() {
        assertThat(interactions.check(event("EVENT_VALUE", "NaN"))).contains("EVENT_VALUE is not a finite float");
        assertThat(interactions.check(event("EVENT_VALUE", "1e39"))).contains("EVENT_VALUE is not a finite float");
        assertThat(interactions.check(event("EVENT_VALUE", "four"))).contains("EVENT_VALUE is not a float");
        assertThat(users.check(Map.of("USER_ID", "u1", "AGE", "30.5"))).contains("AGE is not an int");
        assertThat(items.check(Map.of("ITEM_ID", "m1", "YEAR", "99999999999"))).contains("YEAR is not an int");
    }

    @Test
    void categoricalValuesStayWithinPersonalizesLimit() {
        String atTheLimit = "G".repeat(RowRules.MAX_CATEGORICAL_LENGTH);
        assertThat(items.check(Map.of("ITEM_ID", "m1", "GENRES", atTheLimit))).isEmpty();
        assertThat(items.check(Map.of("ITEM_ID", "m1", "GENRES", atTheLimit + "|X")))
                .contains("GENRES is longer than 1000 characters");
        assertThat(items.check(Map.of("ITEM_ID", "m1", "GENRES", "Drama||Comedy"))).contains("GENRES has an empty category");
        assertThat(users.check(Map.of("USER_ID", "u1", "GENDER", "x".repeat(1001))))
                .contains("GENDER is longer than 1000 characters");
    }

    @Test
    void decimalsAreWrittenWithoutExponent() {
        assertThat(RowRules.decimal(4.0)).isEqualTo("4.0");
        assertThat(RowRules.decimal(1e-7)).isEqualTo("0.00000010");
        assertThat(RowRules.decimal(3.5)).isEqualTo("3.5");
    }
}
