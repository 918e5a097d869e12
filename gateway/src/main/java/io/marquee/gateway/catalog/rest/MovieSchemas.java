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
            @Schema(description = "Increases by one on every replace") long version,
            @Schema(description = "Ratings and views so far") MovieStats stats,
            @Schema(nullable = true, description = "Its reviews at a glance; only on `GET /movies/{id}`, and left out "
                    + "when rating-service does not answer in time")
            io.marquee.gateway.rating.rest.RatingSchemas.ReviewSummary reviewSummary) {
    }

    @Schema(name = "MovieStats", description = "What users did with a movie; counted from rating and view events")
    record MovieStats(
            @Schema(description = "Number of ratings", examples = "42") long ratingCount,
            @Schema(description = "Mean rating, 0.5 to 5.0; absent without ratings", examples = "3.9") Double ratingAverage,
            @Schema(description = "Number of views", examples = "1234") long viewCount) {
    }

    @Schema(name = "SearchHit", description = "A movie whose title matches")
    record SearchHit(String id, String title, Integer year, List<String> genres, MovieStats stats,
                     @Schema(description = "How it matched: exact title, every word, or prefix of the last word")
                     String match) {
    }

    @Schema(name = "SearchResults", description = "Movies whose title matches the query, best first")
    record SearchResults(
            List<SearchHit> items,
            @Schema(description = "Pass as `cursor`, with the same `q`, to get the next page; absent on the "
                    + "last page") String nextCursor) {
    }

    @Schema(name = "ChartEntry", description = "A movie on a chart, with the figures it was ranked by")
    record ChartEntry(String id, String title, Integer year, List<String> genres, MovieStats stats,
                      @Schema(description = "The chart's score: views, damped average or rise in interest") double score) {
    }

    @Schema(name = "Chart", description = "A chart, best first")
    record Chart(
            @Schema(enumeration = {"most-viewed", "top-rated", "trending"}) String chart,
            @Schema(description = "The genre asked for; absent for the whole catalog") String genre,
            List<ChartEntry> items) {
    }

    @Schema(name = "MovieBatch", description = "Up to 100 movies to create or replace at once")
    record MovieBatch(@Schema(maxItems = 100) List<MovieBatchEntry> items) {
    }

    @Schema(name = "MovieBatchEntry")
    record MovieBatchEntry(@Schema(required = true) String id,
                           @Schema(required = true, maxLength = 300) String title,
                           Integer year, List<String> genres, Integer runtimeMinutes, String overview,
                           Map<String, String> metadata) {
    }

    @Schema(name = "MovieBatchResult", description = "How many movies were created and how many updated")
    record MovieBatchResult(int created, int updated) {
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
