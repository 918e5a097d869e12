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
 * @param userId        who made a rating change, null for an interaction
 * @param sequence      that user's change number (1, 2, 3…), null for an interaction
 */
public record Fact(long offset, String itemId, long views, long ratingsDelta, long halvesDelta,
                   Instant interactionAt, String userId, Long sequence) {

    public Fact {
        if ((userId == null) != (sequence == null)) {
            throw new IllegalArgumentException("a rating change needs both its user and its number");
        }
    }

    public static Fact interaction(long offset, String itemId, boolean view, Instant at) {
        return new Fact(offset, itemId, view ? 1 : 0, 0, 0, at, null, null);
    }

    /** A rating change with the user's change number, which it is deduplicated by as well. */
    public static Fact rating(long offset, String itemId, long ratingsDelta, long halvesDelta,
                              String userId, long sequence) {
        return new Fact(offset, itemId, 0, ratingsDelta, halvesDelta, null, userId, sequence);
    }

    public boolean numbered() {
        return sequence != null;
    }
}
