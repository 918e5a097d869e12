package io.marquee.sentiment.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text the way VADER does (on white space, punctuation trimmed from words but emoticons
 * kept whole) with two changes: emoji become tokens of their own even when glued to a word
 * ("great😀"), and a word keeps its trimmed form even when short ("ok." is "ok"; VADER kept "ok.").
 */
public final class Tokenizer {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final String CLAUSE_ENDS = ".,;:!?";

    private final Lexicon lexicon;

    public Tokenizer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        for (String raw : separateEmoji(normalize(text)).split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String lower = raw.toLowerCase(Locale.ROOT);
            if (lexicon.contains(lower)) {
                // A known word or an emoticon such as ":)" or ":-(", which trimming would destroy.
                tokens.add(new Token(raw, lower, false));
                continue;
            }
            int start = 0;
            int end = raw.length();
            while (start < end && PUNCTUATION.indexOf(raw.charAt(start)) >= 0) {
                start++;
            }
            while (end > start && PUNCTUATION.indexOf(raw.charAt(end - 1)) >= 0) {
                end--;
            }
            boolean endsClause = false;
            for (int i = end; i < raw.length(); i++) {
                if (CLAUSE_ENDS.indexOf(raw.charAt(i)) >= 0) {
                    endsClause = true;
                }
            }
            if (start == end) {
                // Punctuation alone (" - ", "..."): no word, but it may end the clause before it.
                if (endsClause && !tokens.isEmpty()) {
                    Token last = tokens.remove(tokens.size() - 1);
                    tokens.add(new Token(last.text(), last.lower(), true));
                }
                continue;
            }
            String word = raw.substring(start, end);
            tokens.add(new Token(word, word.toLowerCase(Locale.ROOT), endsClause));
        }
        return tokens;
    }

    /** Curly quotes as straight ones, so "don’t" is the negation "don't". */
    private static String normalize(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
    }

    private static String separateEmoji(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Emoji.isPresentationMark(cp) || Emoji.isEmoji(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                if (!Emoji.isPresentationMark(cp)) {
                    out.append(' ').appendCodePoint(cp).append(' ');
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
