package io.marquee.gateway.catalog.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of catalog-service's JSON, for the OpenAPI document only: the gateway relays the
 * service's answers unchanged and never binds them to these types. They mirror catalog-service's
 * {@code Item}, {@code ItemSummary} and {@code ItemDraft}; change both together.
 */
final class MovieSchemas {

    private MovieSchemas() {
    }

    @Schema(name = "Movie", description = "A catalog item (a movie by default)")
    record Movie(
            @Schema(description = "Catalog id", examples = "1") String id,
            @Schema(description = "Title, without the year", examples = "The Silent Harbor") String title,
            @Schema(description = "Release year, 1870 to 2100", examples = "1995") Integer year,
            @Schema(description = "MovieLens genre names", examples = "[\"Animation\",\"Comedy\"]") List<String> genres,
            @Schema(description = "Running time in minutes", examples = "104") Integer runtimeMinutes,
            @Schema(description = "A sentence or two about the story") String overview,
            @Schema(description = "Free metadata, e.g. imdbId, tmdbId, tags, series") Map<String, String> metadata,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "Increases by one on every replace") long version) {
    }

    @Schema(name = "MovieSummary", description = "A movie in a listing")
    record MovieSummary(String id, String title, Integer year, List<String> genres) {
    }

    @Schema(name = "MoviePage", description = "One page of movies, in title order")
    record MoviePage(
            List<MovieSummary> items,
            @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
    }

    @Schema(name = "MovieDraft", description = "What an admin wants a movie to be")
    record MovieDraft(
            @Schema(required = true, maxLength = 300) String title,
            @Schema(minimum = "1870", maximum = "2100") Integer year,
            @Schema(maxItems = 10, description = "MovieLens genre names, any case") List<String> genres,
            @Schema(minimum = "1", maximum = "1000") Integer runtimeMinutes,
            @Schema(maxLength = 4000) String overview,
            @Schema(maxProperties = 20, description = "Keys: 1 to 64 of A-Z a-z 0-9 _ . -; values up to 1000 characters")
            Map<String, String> metadata) {
    }
}
