package io.marquee.catalog.stats.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the facts of one chunk add up to, before anything is written.
 *
 * @param changed      the new state of each item the facts touch (versions not moved yet)
 * @param ratingsDelta change of the catalog-wide number of ratings
 * @param halvesDelta  change of the catalog-wide sum of ratings, in half stars
 * @param newest       the newest interaction time seen (epoch ms), never earlier than before; null
 *                     while there has been none
 */
record ChunkSums(Map<String, Entry> changed, long ratingsDelta, long halvesDelta, Long newest) {

    /**
     * Sums {@code facts} in order onto the {@code stored} entries (an item absent has none yet).
     *
     * @param newestBefore the newest interaction time before these facts, null if none
     * @param windowMillis the length of a trending window
     */
    static ChunkSums of(List<Fact> facts, Map<String, Entry> stored, Long newestBefore, long windowMillis) {
        Map<String, Entry> changed = new LinkedHashMap<>();
        long ratingsDelta = 0;
        long halvesDelta = 0;
        Long newest = newestBefore;
        for (Fact fact : facts) {
            Entry entry = changed.getOrDefault(fact.itemId(),
                    stored.getOrDefault(fact.itemId(), Entry.empty(fact.itemId())));
            changed.put(fact.itemId(), withFact(entry, fact, windowMillis));
            ratingsDelta += fact.ratingsDelta();
            halvesDelta += fact.halvesDelta();
            if (fact.interactionAt() != null) {
                long at = fact.interactionAt().toEpochMilli();
                newest = newest == null ? at : Math.max(newest, at);
            }
        }
        return new ChunkSums(changed, ratingsDelta, halvesDelta, newest);
    }

    /** The catalog-wide figures once these sums are applied to {@code before}. */
    Totals after(Totals before) {
        return new Totals(before.ratings() + ratingsDelta, before.ratingHalves() + halvesDelta, newest);
    }

    /**
     * The entry with one more fact counted. An interaction also counts towards trending: in the
     * entry's current window or the one before it; a later window moves the current count to the
     * previous one (one window on) or starts both afresh (further on); an older one has no bearing.
     */
    static Entry withFact(Entry entry, Fact fact, long windowMillis) {
        Entry next = entry.withCounts(entry.views() + fact.views(), entry.ratings() + fact.ratingsDelta(),
                entry.ratingHalves() + fact.halvesDelta());
        if (fact.interactionAt() == null) {
            return next;
        }
        long window = Math.floorDiv(fact.interactionAt().toEpochMilli(), windowMillis);
        Long current = next.trendWindow();
        if (current == null || window > current + 1) {
            return next.withTrend(window, 1, 0);
        }
        if (window == current + 1) {
            return next.withTrend(window, 1, next.trendCurrent());
        }
        if (window == current) {
            return next.withTrend(current, next.trendCurrent() + 1, next.trendPrevious());
        }
        if (window == current - 1) {
            return next.withTrend(current, next.trendCurrent(), next.trendPrevious() + 1);
        }
        return next; // older than both windows: no bearing on what trends now
    }
}
