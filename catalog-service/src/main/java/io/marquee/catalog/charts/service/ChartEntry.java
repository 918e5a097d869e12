package io.marquee.catalog.charts.service;

import io.marquee.catalog.stats.service.ItemStats;
import java.util.List;

/**
 * One place in a chart: the item's summary, its figures and the chart's score for it (views for
 * most viewed, the damped average for top rated, the rise for trending).
 */
public record ChartEntry(String id, String title, Integer year, List<String> genres, ItemStats stats, double score) {

    public ChartEntry {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
