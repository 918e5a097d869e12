package io.marquee.catalog.stats.service;

import java.time.Instant;

/**
 * What one Kafka record changes for one item, already validated.
 *
 * @param offset        the record's offset in its partition
 * @param views         1 for a {@code view} interaction, else 0
 * @param ratingsDelta  change of the number of ratings (-1, 0, +1)
 * @param halvesDelta   change of the sum of ratings, in half stars
 * @param interactionAt event time of an interaction (counts towards trending), null for rating changes
 */
public record Fact(long offset, String itemId, long views, long ratingsDelta, long halvesDelta,
                   Instant interactionAt) {

    public static Fact interaction(long offset, String itemId, boolean view, Instant at) {
        return new Fact(offset, itemId, view ? 1 : 0, 0, 0, at);
    }

    public static Fact rating(long offset, String itemId, long ratingsDelta, long halvesDelta) {
        return new Fact(offset, itemId, 0, ratingsDelta, halvesDelta, null);
    }
}
