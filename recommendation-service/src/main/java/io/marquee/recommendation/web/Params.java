package io.marquee.recommendation.web;

import io.marquee.common.catalog.Genres;
import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.QueryNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads query and path parameters the way every endpoint here does, collecting every problem so
 * one 400 names them all. Call {@link #check()} once all are read.
 */
public final class Params {

    /** Item ids as the catalog stores them: safe in URLs, keys and logs. */
    public static final String ITEM_ID_REGEX = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    public static final Pattern ITEM_ID = Pattern.compile(ITEM_ID_REGEX);
    public static final String ITEM_ID_MESSAGE = "must match " + ITEM_ID_REGEX;
    public static final long MIN_YEAR = 1870;
    public static final long MAX_YEAR = 2100;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** A whole number in {@code [1, max]}, or {@code fallback} when absent. */
    public int count(String name, String text, int fallback, int max) {
        if (absent(text)) {
            return fallback;
        }
        Integer value = QueryNumbers.inRange(text, 1, max);
        if (value == null) {
            errors.add(new Problem.FieldError(name, "must be a whole number from 1 to " + max));
            return fallback;
        }
        return value;
    }

    /** The canonical genre, or null when absent. */
    public String genre(String text) {
        if (absent(text)) {
            return null;
        }
        String genre = Genres.canonical(text).orElse(null);
        if (genre == null) {
            errors.add(new Problem.FieldError("genre", "must be one of " + String.join(", ", Genres.ALL)));
        }
        return genre;
    }

    /** A release year, or null when absent. */
    public Integer year(String text) {
        if (absent(text)) {
            return null;
        }
        Integer year = QueryNumbers.inRange(text, MIN_YEAR, MAX_YEAR);
        if (year == null) {
            errors.add(new Problem.FieldError("year", "must be a whole number from " + MIN_YEAR + " to " + MAX_YEAR));
        }
        return year;
    }

    /** An item id (path parameter {@code name}). */
    public String itemId(String name, String text) {
        if (text == null || !ITEM_ID.matcher(text).matches()) {
            errors.add(new Problem.FieldError(name, ITEM_ID_MESSAGE));
        }
        return text;
    }

    /** Answers 400 naming every bad parameter, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean absent(String text) {
        return text == null || text.isEmpty();
    }
}
