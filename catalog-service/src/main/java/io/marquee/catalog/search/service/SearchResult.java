package io.marquee.catalog.search.service;

import java.util.List;

/** The best matches of a title search, best first (at most the {@code limit} asked for). */
public record SearchResult(List<SearchHit> items) {

    public SearchResult {
        items = List.copyOf(items);
    }
}
