package io.marquee.catalog.item.service;

import io.marquee.catalog.stats.service.ItemStats;
import java.util.List;

/**
 * The answer of a batch read: the items found, in the order they were asked for (each once), and
 * the ids the catalog does not know.
 */
public record ItemLookup(List<Found> items, List<String> missing) {

    public ItemLookup {
        items = List.copyOf(items);
        missing = List.copyOf(missing);
    }

    /** What a list of recommendations shows of an item: its summary and its audience figures. */
    public record Found(String id, String title, Integer year, List<String> genres,
                        ItemStats stats) {

        public Found {
            genres = genres == null ? List.of() : List.copyOf(genres);
        }
    }
}
