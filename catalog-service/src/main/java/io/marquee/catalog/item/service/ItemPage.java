package io.marquee.catalog.item.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; absent on the last page
 */
public record ItemPage(List<ItemSummary> items,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    public ItemPage {
        items = List.copyOf(items);
    }
}
