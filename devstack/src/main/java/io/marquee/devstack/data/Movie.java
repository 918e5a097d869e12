package io.marquee.devstack.data;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One catalog item. {@code id} is a numeric string like MovieLens's movieId; {@code title} excludes
 * the year; {@code genres} are canonical names from {@code Genres.ALL}. {@code year},
 * {@code runtimeMinutes} and {@code overview} are null when unknown (MovieLens has no runtime or overview).
 * {@code metadata} is free text (imdbId, tmdbId, tags, series, seriesPart); kept sorted so output is stable.
 */
public record Movie(String id, String title, Integer year, List<String> genres, Integer runtimeMinutes,
                    String overview, Map<String, String> metadata) {

    public Movie {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        genres = genres == null ? List.of() : List.copyOf(genres);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }
}
