package io.marquee.catalog.item.service;

import java.util.List;

/** What a listing shows of an item; also what the index table projects. */
public record ItemSummary(String id, String title, Integer year, List<String> genres) {

    public ItemSummary {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
