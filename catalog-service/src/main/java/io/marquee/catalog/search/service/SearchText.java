package io.marquee.catalog.search.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How titles and queries become words, identically on both sides: Unicode NFKD, combining marks
 * stripped, lower case, split on anything that is not a letter or a digit. So "Amélie" and
 * "AME\u0301LIE" are both {@code amelie}, and "Spider-Man: No Way Home" is
 * {@code spider man no way home}.
 */
public final class SearchText {

    /** A title contributes at most this many distinct words to the index (bounds the write transaction). */
    public static final int MAX_INDEXED_WORDS = 20;
    /** Words are indexed and matched on at most this many characters. */
    public static final int MAX_WORD_LENGTH = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** The words of {@code text} in order, repeats kept, each cut to {@link #MAX_WORD_LENGTH}. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("");
        folded = folded.toLowerCase(Locale.ROOT);
        // Lower-casing can itself produce combining marks (İ -> i + dot); fold once more.
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFKD)).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                words.add(cut(word));
            }
        }
        return words;
    }

    /** The distinct words of a title that go into the index, first ones first. */
    public static Set<String> indexedWords(String title) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String word : words(title)) {
            if (distinct.size() == MAX_INDEXED_WORDS) {
                break;
            }
            distinct.add(word);
        }
        return distinct;
    }

    /**
     * The index partition of a word or of a prefix of at least two characters: its first two code
     * points (or the whole word when shorter). Every word starting with a two-character prefix
     * lives in that prefix's partition, sorted, so a type-ahead is one range query.
     */
    public static String partitionOf(String word) {
        int end = word.offsetByCodePoints(0, Math.min(2, word.codePointCount(0, word.length())));
        return word.substring(0, end);
    }

    /** Whether a (query) word has fewer than two code points, so it has no partition of its own as a prefix. */
    public static boolean isSingleCharacter(String word) {
        return word.codePointCount(0, word.length()) < 2;
    }

    private static String cut(String word) {
        if (word.length() <= MAX_WORD_LENGTH) {
            return word;
        }
        int end = MAX_WORD_LENGTH;
        if (Character.isHighSurrogate(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}
