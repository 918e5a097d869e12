package io.marquee.catalog.item.rest;

import io.marquee.catalog.item.service.ItemDraft;
import io.marquee.catalog.item.service.ItemService;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /items/batch}. Validated as a whole by the service, so that every bad
 * field of every item is reported at once ({@code items[3].title}).
 */
public record BatchRequest(List<Item> items) {

    /** One item of the batch: its id and the same fields as {@code PUT /items/{id}}. */
    public record Item(String id, String title, Integer year, List<String> genres, Integer runtimeMinutes,
                       String overview, Map<String, String> metadata) {
    }

    List<ItemService.BatchEntry> entries() {
        if (items == null) {
            return null;
        }
        return items.stream().map(i -> i == null ? null : new ItemService.BatchEntry(i.id(),
                new ItemDraft(i.title(), i.year(), i.genres(), i.runtimeMinutes(), i.overview(), i.metadata())))
                .toList();
    }
}
