package io.marquee.devstack.data;

import io.marquee.common.catalog.Genres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a dataset in the MovieLens file format ({@code movies.csv}, {@code ratings.csv},
 * {@code links.csv}) so that {@link MovieLensReader} and other MovieLens tools can read demo data.
 * Titles are written as "Title (Year)" without moving articles; only "rate" events become ratings.
 */
public final class CatalogFiles {

    private CatalogFiles() {
    }

    public static void writeMovies(Path dir, Dataset dataset) {
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve("movies.csv"), StandardCharsets.UTF_8)) {
                CsvWriter.row(out, "movieId", "title", "genres");
                for (Movie m : dataset.movies()) {
                    String genres = m.genres().isEmpty() ? Genres.NONE_LISTED : String.join("|", m.genres());
                    CsvWriter.row(out, m.id(), MovieLensTitles.format(m.title(), m.year()), genres);
                }
            }
            try (Writer out = Files.newBufferedWriter(dir.resolve("ratings.csv"), StandardCharsets.UTF_8)) {
                CsvWriter.row(out, "userId", "movieId", "rating", "timestamp");
                for (Interaction i : dataset.interactions()) {
                    if (i.isRating() && i.eventValue() != null) {
                        CsvWriter.row(out, i.userId(), i.itemId(), CsvWriter.number(i.eventValue()),
                                Long.toString(i.timestamp()));
                    }
                }
            }
            try (Writer out = Files.newBufferedWriter(dir.resolve("links.csv"), StandardCharsets.UTF_8)) {
                CsvWriter.row(out, "movieId", "imdbId", "tmdbId");
                for (Movie m : dataset.movies()) {
                    CsvWriter.row(out, m.id(), m.metadata().getOrDefault("imdbId", ""),
                            m.metadata().getOrDefault("tmdbId", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write MovieLens files to " + dir, e);
        }
    }
}
