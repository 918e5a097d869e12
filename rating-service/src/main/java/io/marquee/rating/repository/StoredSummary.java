package io.marquee.rating.repository;

import io.marquee.sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An item's summary row as one read returns it: the review counters, and the most helpful reviews
 * as last derived from the helpful index, with the revision they were derived at (ADR 0041).
 *
 * @param exists      false when the item has no row: no labelled review of it was ever counted
 * @param counts      labelled reviews per label (zeros when none)
 * @param revision    moved by every committed change that can change what the summary shows; 0 on
 *                    rows of builds before ADR 0041
 * @param changedAt   when {@code revision} last moved, or null (rows of older builds)
 * @param topRevision the revision {@code top} was derived at, or null when never derived
 * @param topAt       when {@code top} was derived, or null
 * @param top         the most helpful review per label, only labels that have one
 */
public record StoredSummary(boolean exists, Map<Label, Long> counts, long revision, Instant changedAt,
                            Long topRevision, Instant topAt, Map<Label, TopReview> top) {

    public StoredSummary {
        counts = Map.copyOf(counts);
        top = Map.copyOf(top);
    }

    /**
     * Whether {@code top} may be answered as it is: derived at the current revision (no change was
     * committed since), and less than {@code maxAge} ago, which bounds how long a change that did
     * not move the revision (a writer of an older build, a lagging index read) can stay unseen.
     */
    public boolean topCurrent(Instant now, Duration maxAge) {
        return topRevision != null && topRevision == revision && topAt != null
                && !now.isBefore(topAt) && now.isBefore(topAt.plus(maxAge));
    }

    /**
     * Whether the last change is old enough, by {@code settle}, for the helpful index to show it, so
     * that what is derived from the index now may be kept as this revision's.
     */
    public boolean settled(Instant now, Duration settle) {
        return changedAt == null || !now.isBefore(changedAt.plus(settle));
    }
}
