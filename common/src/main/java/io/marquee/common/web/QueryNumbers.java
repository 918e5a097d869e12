package io.marquee.common.web;

/** Whole numbers from query parameters (page sizes, years), read without ever throwing. */
public final class QueryNumbers {

    /** Longer text is no int whatever it holds ("-2147483648" has 11 characters). */
    private static final int MAX_LENGTH = 11;

    private QueryNumbers() {
    }

    /** {@code text} as an int in {@code [min, max]}, or null when it is not a whole number in that range. */
    public static Integer inRange(String text, long min, long max) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            return value < min || value > max ? null : (int) value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
