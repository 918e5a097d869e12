package io.marquee.ingest.ingest.service;

import java.util.regex.Pattern;

/**
 * A short ASCII token: letters and digits plus a few punctuation marks, with a rule for its first
 * character and a length range. {@link #pattern()} says the same as a regular expression, for
 * messages and as the specification the tests hold {@link #matches} to. Every accepted event has
 * five such fields and a batch a hundred events: with {@code java.util.regex} their checks were
 * the largest part of the accept path's own CPU (docs/benchmarks.md), a plain loop is far cheaper.
 */
final class Token {

    /** Which characters may come first. */
    enum First { LETTER, LETTER_OR_DIGIT, ANY_ALLOWED }

    private final Pattern pattern;
    private final First first;
    private final String punctuation;
    private final int maxLength;

    /**
     * 1 to {@code maxLength} characters: ASCII letters, digits and {@code punctuation}, the first
     * as {@code first} says.
     *
     * @param punctuation written into the pattern's character classes as it is, so a {@code -} only last
     */
    Token(First first, String punctuation, int maxLength) {
        for (int i = 0; i < punctuation.length(); i++) {
            char c = punctuation.charAt(i);
            if ("\\^[]".indexOf(c) >= 0 || (c == '-' && i < punctuation.length() - 1)) {
                throw new IllegalArgumentException("punctuation must be plain, a - only last: " + punctuation);
            }
        }
        this.first = first;
        this.punctuation = punctuation;
        this.maxLength = maxLength;
        String any = "[A-Za-z0-9" + punctuation + "]";
        this.pattern = Pattern.compile(switch (first) {
            case LETTER -> "[A-Za-z]" + any + "{0," + (maxLength - 1) + "}";
            case LETTER_OR_DIGIT -> "[A-Za-z0-9]" + any + "{0," + (maxLength - 1) + "}";
            case ANY_ALLOWED -> any + "{1," + maxLength + "}";
        });
    }

    Pattern pattern() {
        return pattern;
    }

    boolean matches(String value) {
        int length = value.length();
        if (length < 1 || length > maxLength) {
            return false;
        }
        char c = value.charAt(0);
        boolean firstOk = switch (first) {
            case LETTER -> isLetter(c);
            case LETTER_OR_DIGIT -> isLetter(c) || isDigit(c);
            case ANY_ALLOWED -> allowed(c);
        };
        if (!firstOk) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            if (!allowed(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean allowed(char c) {
        return isLetter(c) || isDigit(c) || punctuation.indexOf(c) >= 0;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
