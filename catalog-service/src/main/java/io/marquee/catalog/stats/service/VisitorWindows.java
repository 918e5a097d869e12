package io.marquee.catalog.stats.service;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * For each partition of {@code interactions}, the last window in which each visitor-item pair had
 * a view counted, and an interaction counted towards trending (ADR 39). A visitor is the record's
 * key, so all their events are in one partition and whoever owns it sees every one: a table per
 * partition is complete for its visitors without any shared store.
 *
 * <p>Bounded: a partition keeps two generations of at most {@code maxPairs / 2} pairs each, in
 * open-addressing tables of two {@code long}s per slot (a 64-bit hash of visitor and item, and the
 * two window numbers), at most three quarters full. When the newer generation is full the older one
 * is dropped: the most recent {@code maxPairs / 2} distinct pairs are always remembered, and a
 * pair met again is copied forward. Forgetting only ever lets a pair count again (the window fails
 * open), never suppresses a count. Memory: tables double from 1,024 slots (16 KB) as they fill, up
 * to 16 bytes x the power of two that holds {@code maxPairs / 2} pairs three quarters full, twice:
 * 4 MB per partition for the default 131,072 pairs.
 *
 * <p>Every window number stored is that of a record applied to the counters (by this instance, or
 * found below the watermark when delivered again), so a stored number is never above what an
 * ideal, unbounded window would hold: a partition's table that is stale (another instance applied
 * records of it meanwhile) is incomplete, not wrong. It is dropped when the partition is revoked.
 *
 * <p>The hash is seeded per instance, so nobody can choose session ids whose pairs collide with
 * another visitor's; a collision of 64-bit hashes among the pairs of one partition is negligible.
 */
final class VisitorWindows {

    /** Window number of a pair that never had one counted. */
    static final int NONE = Integer.MIN_VALUE;

    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    private final int maxPairs;
    private final long seed = ThreadLocalRandom.current().nextLong();

    VisitorWindows(int maxPairs) {
        this.maxPairs = Math.max(2, maxPairs);
    }

    Partition of(String topic, int partition) {
        return partitions.computeIfAbsent(topic + '#' + partition, k -> new Partition(maxPairs / 2));
    }

    /** Forgets these partitions (revoked: their next owner applies them). */
    void forget(String topic, Collection<Integer> partitionNumbers) {
        partitionNumbers.forEach(p -> partitions.remove(topic + '#' + p));
    }

    /** How many pairs this instance remembers for a partition. */
    int known(String topic, int partition) {
        Partition known = partitions.get(topic + '#' + partition);
        return known == null ? 0 : known.size();
    }

    /** The key of a visitor-item pair in this instance's tables; never 0 (an empty slot). */
    long pair(String visitor, String itemId) {
        long h = mix(seed, visitor);
        h = mix(h ^ 0x6A09E667F3BCC909L, itemId);
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = Long.rotateLeft((h ^ s.charAt(i)) * 0x9E3779B97F4A7C15L, 27) * 0xBF58476D1CE4E5B9L;
        }
        h ^= s.length();
        // MurmurHash3's finalizer: every input bit reaches every output bit.
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** Packs a view window and an interaction window into one slot value. */
    static long windows(int view, int interaction) {
        return ((long) view << 32) | (interaction & 0xFFFFFFFFL);
    }

    static int viewWindow(long windows) {
        return (int) (windows >> 32);
    }

    static int interactionWindow(long windows) {
        return (int) windows;
    }

    /** One partition's pairs. Used by the partition's consumer thread; synchronized for the revoke callback's reads. */
    static final class Partition {

        private final int generationPairs;
        private final int maxSlots;
        private Table current = new Table();
        private Table previous;

        private Partition(int generationPairs) {
            this.generationPairs = Math.max(1, generationPairs);
            this.maxSlots = Table.slotsFor(this.generationPairs);
        }

        /** The pair's windows (see {@link VisitorWindows#windows}); {@link #NONE} for both when unknown. */
        synchronized long get(long pair) {
            int at = current.find(pair);
            if (at >= 0) {
                return current.values[at];
            }
            if (previous != null) {
                int before = previous.find(pair);
                if (before >= 0) {
                    long found = previous.values[before];
                    put(pair, found); // still in use: keep it past the next generation change
                    return found;
                }
            }
            return windows(NONE, NONE);
        }

        /** Records that the pair had a view counted in {@code view} and an interaction in {@code interaction}; never moves a window back. */
        synchronized void remember(long pair, int view, int interaction) {
            long before = get(pair);
            long after = windows(Math.max(viewWindow(before), view), Math.max(interactionWindow(before), interaction));
            if (after != before) {
                put(pair, after);
            }
        }

        synchronized int size() {
            return current.size + (previous == null ? 0 : previous.size);
        }

        /** Slots allocated in both generations (16 bytes each). */
        synchronized int slots() {
            return current.keys.length + (previous == null ? 0 : previous.keys.length);
        }

        private void put(long pair, long windows) {
            if (current.find(pair) < 0 && current.size >= generationPairs) {
                previous = current;
                current = new Table();
            }
            current.put(pair, windows, maxSlots);
        }
    }

    /** Linear probing over two arrays (key 0: empty); grows by doubling up to a bound, never removes. */
    private static final class Table {

        private static final int FIRST_SLOTS = 1_024;

        private long[] keys = new long[FIRST_SLOTS];
        private long[] values = new long[FIRST_SLOTS];
        private int size;

        /** The slot holding {@code pair}, or -1. */
        int find(long pair) {
            int mask = keys.length - 1;
            for (int i = (int) pair & mask; ; i = (i + 1) & mask) {
                if (keys[i] == pair) {
                    return i;
                }
                if (keys[i] == 0) {
                    return -1;
                }
            }
        }

        void put(long pair, long value, int maxSlots) {
            if ((size + 1) * 4L > keys.length * 3L && keys.length < maxSlots) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = (int) pair & mask; ; i = (i + 1) & mask) {
                if (keys[i] == pair) {
                    values[i] = value;
                    return;
                }
                if (keys[i] == 0) {
                    keys[i] = pair;
                    values[i] = value;
                    size++;
                    return;
                }
            }
        }

        /** The fewest slots (a power of two, at least 1,024) that hold {@code pairs} at most three quarters full. */
        static int slotsFor(int pairs) {
            int slots = FIRST_SLOTS;
            while (slots * 3L < pairs * 4L) {
                slots <<= 1;
            }
            return slots;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = (int) oldKeys[j] & mask;
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
