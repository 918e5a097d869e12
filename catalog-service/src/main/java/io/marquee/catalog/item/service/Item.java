package io.marquee.catalog.item.service;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A catalog item as stored and served.
 *
 * @param version increases by one on every replace; the optimistic-concurrency guard
 */
public record Item(String id, String title, Integer year, List<String> genres, Integer runtimeMinutes,
                   String overview, Map<String, String> metadata, Instant createdAt, Instant updatedAt,
                   long version) {

    public Item {
        genres = genres == null ? List.of() : List.copyOf(genres);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    public ItemSummary summary() {
        return new ItemSummary(id, title, year, genres);
    }
}
