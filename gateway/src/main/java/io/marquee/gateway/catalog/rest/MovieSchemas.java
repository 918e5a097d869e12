package io.marquee.gateway.catalog.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of catalog answers, for the OpenAPI document only: the gateway relays catalog-service's
 * JSON unchanged and never binds it to these types.
 */
final class MovieSchemas {

    private MovieSchemas() {
    }

    @Schema(name = "Movie", description = "A catalog item (a movie by default)")
    record Movie(
            @Schema(description = "Catalog id", examples = "1") String id,
            @Schema(description = "Title", examples = "Toy Story (1995)") String title,
            @Schema(description = "MovieLens genre names", examples = "[\"Animation\",\"Comedy\"]") List<String> genres,
            @Schema(description = "Release year", examples = "1995") Integer year,
            @Schema(description = "Free metadata") Map<String, Object> metadata) {
    }

    @Schema(name = "MoviePage", description = "One page of movies")
    record MoviePage(
            List<Movie> items,
            @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
    }
}
