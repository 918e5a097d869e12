package io.marquee.catalog.stats.service;

/**
 * An item's audience figures, as shown with the item.
 *
 * @param ratingAverage null when nobody has rated the item
 */
public record ItemStats(long ratingCount, Double ratingAverage, long viewCount) {

    public static final ItemStats NONE = new ItemStats(0, null, 0);
}
