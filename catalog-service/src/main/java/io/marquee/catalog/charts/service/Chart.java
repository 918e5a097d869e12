package io.marquee.catalog.charts.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A chart, best first.
 *
 * @param chart {@code most-viewed}, {@code top-rated} or {@code trending}
 * @param genre the genre it is limited to; absent for the whole catalog
 */
public record Chart(String chart, @JsonInclude(JsonInclude.Include.NON_NULL) String genre, List<ChartEntry> items) {

    public Chart {
        items = List.copyOf(items);
    }
}
