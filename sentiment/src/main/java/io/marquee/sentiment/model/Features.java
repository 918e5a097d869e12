package io.marquee.sentiment.model;

import io.marquee.sentiment.lexicon.Token;
import io.marquee.sentiment.lexicon.Valence;
import io.marquee.sentiment.lexicon.ValenceAnalyzer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a text into the classifier's named features: a dozen read off the valence rules
 * ("lex:*", "punct:*") and the text's words and word pairs ("w:*", "b:*"). A word within the reach
 * of a negation (up to the end of its clause) is written "w:not_word", so "not good" and "good" are
 * different evidence. Which n-grams count is the model's business: it keeps weights only for those
 * frequent in its training data and ignores the rest.
 */
public final class Features {

    /** Lexicon valences run from -4 to 4; the sums and extremes are divided by this. */
    private static final double SCALE = 4.0;

    private final ValenceAnalyzer valences;

    public Features(ValenceAnalyzer valences) {
        this.valences = valences;
    }

    /** The features of a text and the valence analysis they came from. */
    public record Extracted(Map<String, Double> values, Valence valence) {
    }

    public Extracted extract(String text) {
        Valence v = valences.analyze(text);
        Map<String, Double> f = new HashMap<>();
        double sumPositive = 0;
        double sumNegative = 0;
        double max = 0;
        double min = 0;
        double afterContrast = 0;
        double[] vals = v.valences();
        for (int i = 0; i < vals.length; i++) {
            double x = vals[i];
            if (x > 0) {
                sumPositive += x;
            } else {
                sumNegative += x;
            }
            max = Math.max(max, x);
            min = Math.min(min, x);
            if (v.contrastAt() >= 0 && i > v.contrastAt()) {
                afterContrast += x;
            }
        }
        f.put("lex:compound", v.compound());
        f.put("lex:pos", v.positive());
        f.put("lex:neg", v.negative());
        f.put("lex:sumPos", squash(sumPositive / SCALE));
        f.put("lex:sumNeg", squash(sumNegative / SCALE));
        f.put("lex:max", max / SCALE);
        f.put("lex:min", min / SCALE);
        f.put("lex:afterContrast", squash(afterContrast / SCALE));
        f.put("lex:none", v.hits() == 0 ? 1.0 : 0.0);
        f.put("lex:negations", Math.min(v.negations(), 3) / 3.0);
        f.put("punct:exclaim", text.indexOf('!') >= 0 ? 1.0 : 0.0);
        f.put("punct:question", text.indexOf('?') >= 0 ? 1.0 : 0.0);
        addNgrams(v.tokens(), f);
        return new Extracted(f, v);
    }

    private static void addNgrams(List<Token> tokens, Map<String, Double> f) {
        boolean negated = false;
        String previous = null;
        for (Token token : tokens) {
            String word = token.lower();
            if (word.equals("but") || word.equals("however")) {
                negated = false;
            }
            f.put("w:" + (negated ? "not_" : "") + word, 1.0);
            if (previous != null) {
                f.put("b:" + previous + "_" + word, 1.0);
            }
            if (ValenceAnalyzer.isNegator(word)) {
                negated = true;
            }
            if (token.endsClause()) {
                negated = false;
                previous = null;
            } else {
                previous = word;
            }
        }
    }

    /** Keeps long texts' sums in (-1, 1) without flattening short ones. */
    private static double squash(double x) {
        return Math.tanh(x);
    }

    /** Whether a feature name is an n-gram (kept only when frequent in the training data). */
    public static boolean isNgram(String name) {
        return name.startsWith("w:") || name.startsWith("b:");
    }
}
