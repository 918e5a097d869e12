package io.marquee.personalize.server.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.personalize.engine.Interaction;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FilterExpressionTest {

    private static final Map<String, Map<String, String>> ITEMS = Map.of(
            "a", Map.of("GENRES", "Comedy|Drama", "PRICE", "5", "YEAR", "1999"),
            "b", Map.of("GENRES", "Horror", "PRICE", "20", "YEAR", "2010"),
            "c", Map.of("GENRES", "Comedy", "PRICE", "12.5"));
    private static final List<Interaction> HISTORY = List.of(
            new Interaction("u", "a", 1, "rate", 4.0), new Interaction("u", "b", 2, "click", Double.NaN));

    private static List<String> apply(String expression, Map<String, List<String>> params) {
        return apply(expression, params, Map.of());
    }

    private static List<String> apply(String expression, Map<String, List<String>> params, Map<String, String> user) {
        Predicate<String> allowed = FilterExpression.parse(expression).bind(new FilterExpression.Context(params, HISTORY,
                ITEMS::get, user, null));
        return List.of("a", "b", "c").stream().filter(allowed).toList();
    }

    @Test
    void excludesItemsTheUserInteractedWithByEventType() {
        assertThat(apply("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rate\")", Map.of())).containsExactly("b", "c");
        assertThat(apply("exclude itemid where interactions.event_type in ('rate', 'click')", Map.of()))
                .containsExactly("c");
        assertThat(apply("INCLUDE ItemID WHERE Interactions.EVENT_VALUE >= 4", Map.of())).containsExactly("a");
    }

    @Test
    void includesByItemFieldsWithParametersAndMultiValuedFields() {
        assertThat(apply("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)", Map.of("GENRE", List.of("Comedy"))))
                .containsExactly("a", "c");
        assertThat(apply("INCLUDE ItemID WHERE Items.GENRES NOT IN (\"Comedy\")", Map.of())).containsExactly("b");
        assertThat(apply("INCLUDE ItemID WHERE Items.PRICE < 15 AND Items.GENRES = \"Comedy\"", Map.of()))
                .containsExactly("a", "c");
        assertThat(apply("EXCLUDE ItemID WHERE Items.PRICE > $MAX", Map.of("MAX", List.of("10"))))
                .containsExactly("a");
        assertThat(apply("INCLUDE ItemID WHERE Items.YEAR <= 2000", Map.of())).containsExactly("a");
        assertThat(apply("INCLUDE ItemID WHERE Items.PRICE != 5", Map.of())).containsExactly("b", "c");
    }

    @Test
    void pipeCombinesExpressionsAndIfSwitchesOneOff() {
        String both = "INCLUDE ItemID WHERE Items.GENRES IN (\"Comedy\") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rate\")";
        assertThat(apply(both, Map.of())).containsExactly("c");
        String adultsOnly = "EXCLUDE ItemID WHERE Items.GENRES IN (\"Horror\") IF CurrentUser.AGE < 18";
        assertThat(apply(adultsOnly, Map.of(), Map.of("AGE", "12"))).containsExactly("a", "c");
        assertThat(apply(adultsOnly, Map.of(), Map.of("AGE", "40"))).containsExactly("a", "b", "c");
    }

    @Test
    void currentItemComparesWithTheItemRecommendationsAreRelatedTo() {
        Predicate<String> sameGenre = FilterExpression.parse("INCLUDE ItemID WHERE Items.GENRES IN (CurrentItem.GENRES)")
                .bind(new FilterExpression.Context(Map.of(), List.of(), ITEMS::get, null, ITEMS.get("c")));
        assertThat(List.of("a", "b", "c").stream().filter(sameGenre)).containsExactly("a", "c");
        Predicate<String> noCurrentItem = FilterExpression.parse("INCLUDE ItemID WHERE Items.GENRES IN (CurrentItem.GENRES)")
                .bind(new FilterExpression.Context(Map.of(), List.of(), ITEMS::get, null, null));
        assertThat(List.of("a", "b", "c").stream().filter(noCurrentItem)).isEmpty();
    }

    @Test
    void missingParametersAreNamed() {
        assertThatThrownBy(() -> apply("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$GENRE");
    }

    @Test
    void syntaxErrorsSayWhatWasExpectedAndWhere() {
        assertThatThrownBy(() -> FilterExpression.parse("EXCLUDE ItemID Interactions.EVENT_TYPE IN (\"x\")"))
                .hasMessageContaining("expected WHERE at position 15");
        assertThatThrownBy(() -> FilterExpression.parse("INCLUDE ItemID WHERE Items.GENRES IN \"x\""))
                .hasMessageContaining("'('");
        assertThatThrownBy(() -> FilterExpression.parse("INCLUDE ItemID WHERE Users.AGE > 3"))
                .hasMessageContaining("Items.<field> or Interactions.<field>");
        assertThatThrownBy(() -> FilterExpression.parse("INCLUDE ItemID WHERE Items.GENRES IN (\"x\") |"))
                .hasMessageContaining("INCLUDE or EXCLUDE");
        assertThatThrownBy(() -> FilterExpression.parse("INCLUDE ItemID WHERE Items.GENRES IN (\"x)"))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> FilterExpression.parse("INCLUDE ItemID WHERE Interactions.COLOR IN (\"x\")"))
                .hasMessageContaining("EVENT_TYPE");
        assertThatThrownBy(() -> FilterExpression.parse("INCLUDE ItemID WHERE Items.X ~ 3"))
                .hasMessageContaining("unexpected character '~'");
    }

    @Test
    void filterValuesAreQuotedCommaSeparatedLists() {
        assertThat(FilterExpression.parseValues("\"Comedy\",\"Drama\"")).containsExactly("Comedy", "Drama");
        assertThat(FilterExpression.parseValues("\"Sci-Fi\"")).containsExactly("Sci-Fi");
        assertThat(FilterExpression.parseValues("10")).containsExactly("10");
        assertThatThrownBy(() -> FilterExpression.parseValues("Comedy")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilterExpression.parseValues("\"a\" \"b\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersMatchAsNumbersAndWordsAsWordsInEveryPartOfAMultiValuedField() {
        Map<String, Map<String, String>> items = Map.of("x", Map.of("TAGS", "Noir|1.0|"), "y", Map.of("TAGS", "noir"),
                "z", Map.of("TAGS", "||"));
        Predicate<String> byNumber = FilterExpression.parse("INCLUDE ItemID WHERE Items.TAGS IN ($T)")
                .bind(new FilterExpression.Context(Map.of("T", List.of("1")), HISTORY, items::get, Map.of(), null));
        Predicate<String> byWord = FilterExpression.parse("INCLUDE ItemID WHERE Items.TAGS = \"Noir\"")
                .bind(new FilterExpression.Context(Map.of(), HISTORY, items::get, Map.of(), null));
        Predicate<String> notEmpty = FilterExpression.parse("EXCLUDE ItemID WHERE Items.TAGS IN (\"\")")
                .bind(new FilterExpression.Context(Map.of(), HISTORY, items::get, Map.of(), null));
        assertThat(List.of("x", "y", "z").stream().filter(byNumber).toList()).containsExactly("x");
        assertThat(List.of("x", "y", "z").stream().filter(byWord).toList()).containsExactly("x");
        assertThat(List.of("x", "y", "z").stream().filter(notEmpty).toList()).containsExactly("x", "y", "z");
    }
}
