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
 *                      and for an interaction that no longer counts towards trending
 * @param userId        who made a rating change, null for an interaction
 * @param sequence      that user's change number (1, 2, 3…), null for an interaction
 * @param visitor       who made an interaction (the signed-in user, else {@code anonymous:<session>}):
 *                      it counts once per visitor, item and window (ADR 39); null for a rating change
 * @param receivedAt    when Kafka received the interaction (the record's timestamp, epoch ms): the
 *                      time its window is chosen by, which no client sets
 */
public record Fact(long offset, String itemId, long views, long ratingsDelta, long halvesDelta,
                   Instant interactionAt, String userId, Long sequence, String visitor, long receivedAt) {

    public Fact {
        if ((userId == null) != (sequence == null)) {
            throw new IllegalArgumentException("a rating change needs both its user and its number");
        }
    }

    /** An interaction of nobody in particular: counted as it comes (the sums' own tests). */
    public static Fact interaction(long offset, String itemId, boolean view, Instant at) {
        return new Fact(offset, itemId, view ? 1 : 0, 0, 0, at, null, null, null, 0);
    }

    /** An interaction of {@code visitor}, received by Kafka at {@code receivedAt} (epoch ms). */
    public static Fact interaction(long offset, String itemId, boolean view, Instant at, String visitor,
                                   long receivedAt) {
        return new Fact(offset, itemId, view ? 1 : 0, 0, 0, at, null, null, visitor, receivedAt);
    }

    /** A rating change with the user's change number, which it is deduplicated by as well. */
    public static Fact rating(long offset, String itemId, long ratingsDelta, long halvesDelta,
                              String userId, long sequence) {
        return new Fact(offset, itemId, 0, ratingsDelta, halvesDelta, null, userId, sequence, null, 0);
    }

    public boolean numbered() {
        return sequence != null;
    }

    /** This interaction with its view and its part in trending counted only where they are {@code true}. */
    Fact counting(boolean view, boolean trend) {
        return new Fact(offset, itemId, view ? views : 0, ratingsDelta, halvesDelta, trend ? interactionAt : null,
                userId, sequence, visitor, receivedAt);
    }
}
