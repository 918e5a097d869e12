package io.marquee.sentiment.lexicon;

import java.util.List;

/**
 * What the valence rules made of one text.
 *
 * @param tokens     the text's tokens
 * @param valences   each token's valence after negation, boosters, caps and contrast (0 for words
 *                   the lexicon does not know)
 * @param compound   VADER's normalised sum in [-1, 1], punctuation emphasis included
 * @param positive   share of positive intensity (VADER's "pos")
 * @param negative   share of negative intensity (VADER's "neg")
 * @param contrastAt index of the first contrast word ("but", "however"), or -1
 * @param negations  how many negating words the text has
 */
public record Valence(List<Token> tokens, double[] valences, double compound, double positive,
                      double negative, int contrastAt, int negations) {

    /** How many tokens carry a valence. */
    public int hits() {
        int n = 0;
        for (double v : valences) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }
}
