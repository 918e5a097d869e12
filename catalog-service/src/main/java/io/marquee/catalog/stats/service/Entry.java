package io.marquee.catalog.stats.service;

import java.util.List;

/**
 * What the catalog knows of one item's audience, as stored in its {@code all} stats row.
 *
 * @param title          null until the item exists in the catalog (events may arrive first)
 * @param itemVersion    the item version whose title, year and genres are copied here
 * @param chartGenres    genres that still have a copy of this row (written by an earlier version; removed on the next write)
 * @param ratingHalves   the sum of all ratings, in half stars: ratings are multiples of 0.5, so the
 *                       sum stays an exact integer however many there are
 * @param trendWindow    index of the newest trending window this item had interactions in (null: none)
 * @param trendCurrent   interactions in {@code trendWindow}
 * @param trendPrevious  interactions in the window before it
 * @param version        optimistic-concurrency guard of the row, 0 when it does not exist yet
 */
public record Entry(String itemId, String title, Integer year, List<String> genres, long itemVersion,
                    List<String> chartGenres, long views, long ratings, long ratingHalves,
                    Long trendWindow, long trendCurrent, long trendPrevious, long version) {

    public Entry {
        genres = genres == null ? List.of() : List.copyOf(genres);
        chartGenres = chartGenres == null ? List.of() : List.copyOf(chartGenres);
    }

    /** The row of an item nothing has been recorded for yet. */
    public static Entry empty(String itemId) {
        return new Entry(itemId, null, null, List.of(), 0, List.of(), 0, 0, 0, null, 0, 0, 0);
    }

    public boolean inCatalog() {
        return title != null;
    }

    /** The average rating, or null when there is none. */
    public Double ratingAverage() {
        return ratings <= 0 ? null : ratingHalves / 2.0 / ratings;
    }

    public ItemStats stats() {
        return new ItemStats(ratings, ratingAverage(), views);
    }

    Entry withCounts(long newViews, long newRatings, long newRatingHalves) {
        return new Entry(itemId, title, year, genres, itemVersion, chartGenres, newViews, newRatings,
                newRatingHalves, trendWindow, trendCurrent, trendPrevious, version);
    }

    Entry withTrend(Long window, long current, long previous) {
        return new Entry(itemId, title, year, genres, itemVersion, chartGenres, views, ratings, ratingHalves,
                window, current, previous, version);
    }

    Entry withItem(String newTitle, Integer newYear, List<String> newGenres, long newItemVersion) {
        return new Entry(itemId, newTitle, newYear, newGenres, newItemVersion, chartGenres, views, ratings,
                ratingHalves, trendWindow, trendCurrent, trendPrevious, version);
    }

    /** This state as it is stored next: one version on, without genre copies. */
    Entry nextVersion() {
        return new Entry(itemId, title, year, genres, itemVersion, List.of(), views,
                ratings, ratingHalves, trendWindow, trendCurrent, trendPrevious, version + 1);
    }
}
