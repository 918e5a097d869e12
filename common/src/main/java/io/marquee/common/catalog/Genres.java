package io.marquee.common.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The genre vocabulary: MovieLens's names, so demo data and imported MovieLens files look alike.
 * Matching is case-insensitive; the canonical spelling is what gets stored.
 */
public final class Genres {

    public static final List<String> ALL = List.of(
            "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
            "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western");

    /** What MovieLens writes for a movie without genres; it means an empty genre list. */
    public static final String NONE_LISTED = "(no genres listed)";

    private static final Map<String, String> BY_LOWER_CASE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(g -> g.toLowerCase(Locale.ROOT), Function.identity()));

    private Genres() {
    }

    /** The canonical spelling of {@code name}, or empty if it is not a known genre. */
    public static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LOWER_CASE.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
