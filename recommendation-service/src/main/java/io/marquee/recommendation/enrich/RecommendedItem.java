package io.marquee.recommendation.enrich;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One title of an answer: catalog data and, when a campaign made the list, Personalize's score. */
public record RecommendedItem(String id, String title, Integer year, List<String> genres,
                              @Schema(nullable = true, description = "Catalog's average rating; null when unrated")
                              Double ratingAverage,
                              long ratingCount,
                              @Schema(nullable = true, description = "Personalize's score; null in a fallback answer")
                              Double score) {

    public RecommendedItem {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }

    public static RecommendedItem of(CatalogItem item, Double score) {
        return new RecommendedItem(item.id(), item.title(), item.year(), item.genres(), item.ratingAverage(),
                item.ratingCount(), score);
    }
}
