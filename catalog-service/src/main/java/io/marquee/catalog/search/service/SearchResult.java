package io.marquee.catalog.search.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a title search's matches, best first.
 *
 * @param nextCursor pass as {@code cursor} (with the same {@code q}) for the next page; absent on the last page
 */
public record SearchResult(List<SearchHit> items,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    public SearchResult {
        items = List.copyOf(items);
    }
}
