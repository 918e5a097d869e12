package io.marquee.devstack.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MovieLens's title convention: "American President, The (1995)" means the title "The American
 * President" from 1995. Series ranges like "(1995-2003)" give the first year; no parenthesised year
 * gives a null year. Alternative titles in parentheses get their articles moved too.
 */
final class MovieLensTitles {

    /** A title split into its display form and year (null when the file gives none). */
    record ParsedTitle(String title, Integer year) {
    }

    private static final Pattern YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:\\s*[-\u2013]\\s*(?:\\d{4})?\\s*)?\\)\\s*$", Pattern.DOTALL);
    private static final Pattern ARTICLE = Pattern.compile(
            "^(.+?), (The|A|An|Les|La|Le|Das|Der|Die|El|Il|L')(\\s+\\((.*)\\))?$", Pattern.DOTALL);

    private MovieLensTitles() {
    }

    static ParsedTitle parse(String raw) {
        String text = raw.strip();
        Integer year = null;
        Matcher m = YEAR.matcher(text);
        if (m.matches() && !m.group(1).isBlank()) {
            text = m.group(1).strip();
            year = Integer.valueOf(m.group(2));
        }
        return new ParsedTitle(moveArticle(text), year);
    }

    static String moveArticle(String title) {
        Matcher m = ARTICLE.matcher(title);
        if (!m.matches()) {
            return title;
        }
        String article = m.group(2);
        // "L'" is elided: "Auberge espagnole, L'" is "L'Auberge espagnole".
        String moved = article.endsWith("'") ? article + m.group(1) : article + " " + m.group(1);
        if (m.group(3) != null) {
            moved += " (" + moveArticle(m.group(4)) + ")";
        }
        return moved;
    }

    /** The MovieLens form of a title and year, as written by {@link CatalogFiles}. */
    static String format(String title, Integer year) {
        return year == null ? title : title + " (" + year + ")";
    }
}
