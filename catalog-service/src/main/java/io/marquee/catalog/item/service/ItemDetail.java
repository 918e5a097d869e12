package io.marquee.catalog.item.service;

import io.marquee.catalog.stats.service.ItemStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An item as {@code GET /items/{id}} shows it: the stored item and its audience figures. */
public record ItemDetail(String id, String title, Integer year, List<String> genres, Integer runtimeMinutes,
                         String overview, Map<String, String> metadata, Instant createdAt, Instant updatedAt,
                         long version, ItemStats stats) {

    static ItemDetail of(Item item, ItemStats stats) {
        return new ItemDetail(item.id(), item.title(), item.year(), item.genres(), item.runtimeMinutes(),
                item.overview(), item.metadata(), item.createdAt(), item.updatedAt(), item.version(), stats);
    }
}
