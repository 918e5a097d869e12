package io.marquee.catalog.search.service;

import io.marquee.catalog.stats.service.ItemStats;
import java.util.List;

/**
 * One search result: the item's summary, its figures, and how it matched.
 *
 * @param match {@code exact} (the whole title), {@code words} (every query word is a word of the
 *              title) or {@code prefix} (the last query word starts a word of the title)
 */
public record SearchHit(String id, String title, Integer year, List<String> genres, ItemStats stats, String match) {

    public SearchHit {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
