package io.marquee.sentiment;

import io.marquee.sentiment.lexicon.Lexicon;
import io.marquee.sentiment.lexicon.Token;
import io.marquee.sentiment.lexicon.Tokenizer;
import io.marquee.sentiment.lexicon.Valence;
import io.marquee.sentiment.lexicon.ValenceAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Each VADER-style rule on a lexicon of a few words, so a number says exactly which rule moved it. */
class ValenceRulesTest {

    private final Lexicon lexicon = Lexicon.of(Map.of("good", 2.0, "bad", -2.0, "great", 3.0, ":)", 2.0));
    private final ValenceAnalyzer rules = new ValenceAnalyzer(lexicon);

    private double valenceOf(String text, String word) {
        Valence v = rules.analyze(text);
        for (int i = 0; i < v.tokens().size(); i++) {
            if (v.tokens().get(i).lower().equals(word)) {
                return v.valences()[i];
            }
        }
        throw new AssertionError(word + " not in " + v.tokens());
    }

    @Test
    void aNegationBeforeAWordFlipsAndDampensIt() {
        assertThat(valenceOf("the film was good", "good")).isEqualTo(2.0);
        assertThat(valenceOf("the film was not good", "good")).isCloseTo(-1.48, offset(1e-9));
        assertThat(valenceOf("the film wasn't good", "good")).isCloseTo(-1.48, offset(1e-9));
        assertThat(valenceOf("the film wasn’t good", "good")).as("curly apostrophe").isCloseTo(-1.48, offset(1e-9));
        assertThat(rules.analyze("not bad at all").compound()).isPositive();
    }

    @Test
    void aNegationReachesThreeWordsBackButNoFurther() {
        assertThat(valenceOf("never was it good", "good")).isNegative();
        assertThat(valenceOf("never was it really quite good", "good")).isPositive();
    }

    @Test
    void wordsBeforeButCountHalfAndAfterItOneAndAHalf() {
        assertThat(valenceOf("good but bad", "good")).isEqualTo(1.0);
        assertThat(valenceOf("good but bad", "bad")).isEqualTo(-3.0);
        assertThat(rules.analyze("the acting was good but the plot was bad").compound()).isNegative();
        assertThat(rules.analyze("the plot was bad but the acting was good").compound()).isPositive();
    }

    @Test
    void howeverContrastsLikeBut() {
        assertThat(valenceOf("good however bad", "bad")).isEqualTo(-3.0);
    }

    @Test
    void aShoutedWordInAMixedCaseTextGainsEmphasis() {
        assertThat(valenceOf("the film was GREAT", "great")).isCloseTo(3.733, offset(1e-9));
        assertThat(valenceOf("the film was BAD", "bad")).isCloseTo(-2.733, offset(1e-9));
        // All shouting is no emphasis, and a lone capital "I" is not shouting.
        assertThat(valenceOf("THE FILM WAS GREAT", "great")).isEqualTo(3.0);
        assertThat(valenceOf("I thought it great", "great")).isEqualTo(3.0);
    }

    @Test
    void boostersAddAndDampenersTakeAway() {
        assertThat(valenceOf("very good", "good")).isCloseTo(2.293, offset(1e-9));
        assertThat(valenceOf("slightly good", "good")).isCloseTo(1.707, offset(1e-9));
        assertThat(valenceOf("very bad", "bad")).isCloseTo(-2.293, offset(1e-9));
    }

    @Test
    void exclamationMarksRaiseTheCompound() {
        assertThat(rules.analyze("good!!!").compound()).isGreaterThan(rules.analyze("good").compound());
        assertThat(rules.analyze("bad!!!").compound()).isLessThan(rules.analyze("bad").compound());
    }

    @Test
    void noBeforeAWordNegatesIt() {
        assertThat(valenceOf("no good", "good")).isCloseTo(-1.48, offset(1e-9));
    }

    @Test
    void emoticonsAreKeptWholeAndScored() {
        assertThat(valenceOf("arrived today :)", ":)")).isEqualTo(2.0);
    }

    @Test
    void emojiAreScoredEvenWhenGluedToAWord() {
        ValenceAnalyzer standard = new ValenceAnalyzer(Lexicon.standard());
        assertThat(standard.analyze("the ending 😍").compound()).isPositive();
        assertThat(standard.analyze("the ending 😡👎").compound()).isNegative();
        assertThat(new Tokenizer(Lexicon.standard()).tokenize("great😀!").stream().map(Token::text))
                .containsExactly("great", "😀");
        // Presentation marks (variation selector) do not hide the heart.
        assertThat(standard.analyze("❤️").compound()).isPositive();
    }

    @Test
    void aTextWithoutKnownWordsIsNeutral() {
        Valence v = rules.analyze("I watched it on Tuesday.");
        assertThat(v.compound()).isZero();
        assertThat(v.hits()).isZero();
        assertThat(rules.analyze("").compound()).isZero();
    }
}
