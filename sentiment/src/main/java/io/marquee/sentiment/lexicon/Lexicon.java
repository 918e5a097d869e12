package io.marquee.sentiment.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Word valences on VADER's scale (-4 most negative .. +4 most positive): VADER's own lexicon
 * (vader_lexicon.txt from the vader-sentiment package, Apache-2.0, see NOTICE-vader.txt) plus a short
 * list of review words it lacks (review_lexicon.tsv, ours) and a few emoji. Immutable once loaded.
 */
public final class Lexicon {

    private static final String VADER = "/io/marquee/sentiment/vader_lexicon.txt";
    private static final String REVIEW = "/io/marquee/sentiment/review_lexicon.tsv";

    private final Map<String, Double> valences;

    private Lexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    /** VADER's lexicon with the review words and emoji added (ours win where both list a word). */
    public static Lexicon standard() {
        Map<String, Double> all = new HashMap<>(read(VADER));
        all.putAll(read(REVIEW));
        all.putAll(Emoji.VALENCES);
        return new Lexicon(all);
    }

    /** Exactly the given valences; for tests of single rules. */
    public static Lexicon of(Map<String, Double> valences) {
        return new Lexicon(valences);
    }

    /** The valence of a lower-case token, or null when the lexicon does not know it. */
    public Double valence(String lowerToken) {
        return valences.get(lowerToken);
    }

    public boolean contains(String lowerToken) {
        return valences.containsKey(lowerToken);
    }

    public int size() {
        return valences.size();
    }

    /** Reads "token TAB valence [TAB ...]" lines; '#' starts a comment line. */
    private static Map<String, Double> read(String resource) {
        InputStream in = Lexicon.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        Map<String, Double> out = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length < 2) {
                    continue;
                }
                out.put(parts[0].toLowerCase(Locale.ROOT), Double.parseDouble(parts[1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
