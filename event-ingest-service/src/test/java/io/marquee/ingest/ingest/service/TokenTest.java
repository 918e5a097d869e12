package io.marquee.ingest.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The accept path's field checks run a loop instead of {@code java.util.regex}: they must say
 * exactly what the patterns in the problem messages say, for every string.
 */
class TokenTest {

    private static final Map<String, Token> RULES = Map.of(
            "eventId/sessionId", EventRules.ID,
            "itemId", EventRules.ITEM_ID,
            "eventType", EventRules.EVENT_TYPE,
            "recommendationId", EventRules.RECOMMENDATION_ID,
            "device", EventRules.DEVICE,
            "property name", EventRules.PROPERTY_NAME);

    /** Letters, digits, every punctuation mark any rule allows, and characters none allows. */
    private static final String ALPHABET = "aZ09_.:-/ \t\u00e9\u0130[]^\\\u0000\ud83c\udfac";

    @Test
    void thePatternsInTheMessagesAreTheOnesClientsWereToldBefore() {
        assertThat(EventRules.ID.pattern().pattern()).isEqualTo("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
        assertThat(EventRules.ITEM_ID.pattern().pattern()).isEqualTo("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
        assertThat(EventRules.EVENT_TYPE.pattern().pattern()).isEqualTo("[A-Za-z][A-Za-z0-9_-]{0,63}");
        assertThat(EventRules.RECOMMENDATION_ID.pattern().pattern()).isEqualTo("[A-Za-z0-9_.:-]{1,40}");
        assertThat(EventRules.DEVICE.pattern().pattern()).isEqualTo("[A-Za-z0-9_.-]{1,32}");
        assertThat(EventRules.PROPERTY_NAME.pattern().pattern()).isEqualTo("[A-Za-z][A-Za-z0-9_]{0,63}");
    }

    @Test
    void everyRuleAgreesWithItsPatternOnEdgesAndOnRandomStrings() {
        List<String> inputs = new ArrayList<>(List.of("", "a", "0", "-", "_", ".", ":", "a-", "-a", "0a", "a0",
                "view", "watch_later", "tt0111161", "3f2c9a9e-7d1c-4a3e-9f0b-1c2d3e4f5a6b", "anonymous:abc",
                "web", "iOS-17.2", "a b", "a/b", "caf\u00e9", "\u0130stanbul", "a\u0000", "x\ud83c\udfac"));
        for (int length : new int[] {31, 32, 33, 39, 40, 41, 63, 64, 65, 127, 128, 129}) {
            inputs.add("a".repeat(length));
            inputs.add("1".repeat(length));
            inputs.add("a" + "-".repeat(length - 1));
        }
        Random random = new Random(20261207);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(6) == 0 ? random.nextInt(140) : random.nextInt(8);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            inputs.add(s.toString());
        }
        RULES.forEach((name, rule) -> {
            int accepted = 0;
            for (String input : inputs) {
                boolean expected = rule.pattern().matcher(input).matches();
                assertThat(rule.matches(input)).as("%s on \"%s\"", name, input).isEqualTo(expected);
                accepted += expected ? 1 : 0;
            }
            // Both answers occur for every rule, so the agreement says something.
            assertThat(accepted).as(name).isBetween(10, inputs.size() - 10);
        });
    }

    @Test
    void punctuationThatWouldChangeThePatternIsRefused() {
        assertThatThrownBy(() -> new Token(Token.First.LETTER, "-_", 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Token(Token.First.LETTER, "]", 8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Token(Token.First.LETTER, "_-", 8).matches("a_-")).isTrue();
    }
}
