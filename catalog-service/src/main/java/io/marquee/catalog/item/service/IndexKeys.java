package io.marquee.catalog.item.service;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an item appears in listings: its buckets ({@code all}, {@code genre#G}, {@code year#Y}) and
 * its sort key within each bucket (normalized title, then the id, so listings are alphabetical and
 * stable). A listing by genre and year reads the year's bucket and keeps that genre's rows: a year
 * holds a small share of any catalog, and a bucket per genre and year cost each item two more rows
 * to write (a fifth of the rows a new movie writes).
 */
public final class IndexKeys {

    public static final String ALL = "all";
    /** Only this much of the normalized title goes into the sort key, which keeps cursors short. */
    static final int TITLE_KEY_LENGTH = 64;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(the|a|an) ");

    private IndexKeys() {
    }

    /**
     * What a listing with these (already canonical) filters reads: a bucket, and the genre its rows
     * must have when the bucket is the year's. {@code name} identifies the listing (its cursors are
     * valid for it alone).
     */
    public record Listing(String name, String bucket, String genre) {
    }

    public static Listing listing(String genre, Integer year) {
        if (genre != null && year != null) {
            return new Listing("genre#" + genre + "#year#" + year, bucket(null, year), genre);
        }
        String bucket = bucket(genre, year);
        return new Listing(bucket, bucket, null);
    }

    private static String bucket(String genre, Integer year) {
        if (genre != null) {
            return "genre#" + genre;
        }
        if (year != null) {
            return "year#" + year;
        }
        return ALL;
    }

    /** Every bucket an item with these genres and year belongs to. */
    public static Set<String> buckets(Iterable<String> genres, Integer year) {
        Set<String> buckets = new LinkedHashSet<>();
        buckets.add(ALL);
        if (year != null) {
            buckets.add(bucket(null, year));
        }
        for (String genre : genres) {
            buckets.add(bucket(genre, null));
        }
        return buckets;
    }

    public static String sortKey(String title, String itemId) {
        return normalizedTitle(title) + "#" + itemId;
    }

    /** Lower case, accents stripped, whitespace collapsed, a leading "the/a/an " dropped, truncated. */
    static String normalizedTitle(String title) {
        String text = Normalizer.normalize(title, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        text = text.toLowerCase(Locale.ROOT);
        text = SPACES.matcher(text).replaceAll(" ").trim();
        text = LEADING_ARTICLE.matcher(text).replaceFirst("");
        if (text.length() > TITLE_KEY_LENGTH) {
            int end = TITLE_KEY_LENGTH;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = text.substring(0, end);
        }
        return text;
    }
}
