package io.marquee.sentiment.lexicon;

/**
 * One word, emoticon or emoji of a text.
 *
 * @param text       as written, punctuation around a word removed ("GREAT", ":)", "😀")
 * @param lower      lower case, apostrophes made straight ("don't")
 * @param endsClause whether the token was followed by clause punctuation (. , ; : ! ?), which ends
 *                   the reach of a negation for the n-gram features
 */
public record Token(String text, String lower, boolean endsClause) {

    /** Shouted: at least two letters and none of them lower case ("GREAT", not "I" or "Great"). */
    public boolean allCaps() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }
}
