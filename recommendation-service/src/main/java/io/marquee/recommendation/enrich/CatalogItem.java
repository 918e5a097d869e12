package io.marquee.recommendation.enrich;

import java.util.List;

/** What an answer shows of a title, as catalog-service knows it. */
public record CatalogItem(String id, String title, Integer year, List<String> genres, long ratingCount,
                          Double ratingAverage) {

    public CatalogItem {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
