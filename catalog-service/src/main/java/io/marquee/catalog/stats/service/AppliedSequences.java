package io.marquee.catalog.stats.service;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance knows of the stored per-user rating sequences, per partition, so that most
 * numbered events need no read: a topic keyed by user keeps each user in one partition, and only
 * the partition's owner normally writes that user's number.
 *
 * <p>Every value was read from DynamoDB or committed by this instance, and stored values only
 * grow, so a value here is never above the stored one: at worst it is stale, which makes a
 * transaction's condition fail and the users of that chunk be read again, never a change skipped
 * wrongly. A partition's values are dropped when it is revoked, when the partition's watermark is
 * not the one they were known at (another instance wrote meanwhile), and when they grow past a
 * bound.
 */
final class AppliedSequences {

    /** Beyond this many users in one partition, start over rather than grow without bound. */
    static final int MAX_USERS_PER_PARTITION = 200_000;

    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();

    /** The partition's known values, valid for {@code watermark} (the one just read). */
    Partition of(String topic, int partition, long watermark) {
        Partition known = partitions.computeIfAbsent(key(topic, partition), k -> new Partition(watermark));
        if (known.validAt != watermark || known.applied.size() > MAX_USERS_PER_PARTITION) {
            known.applied.clear();
            known.validAt = watermark;
        }
        return known;
    }

    /** Forgets what was known of these partitions (they were revoked or lost). */
    void forget(String topic, Collection<Integer> partitionNumbers) {
        partitionNumbers.forEach(p -> partitions.remove(key(topic, p)));
    }

    int known(String topic, int partition) {
        Partition known = partitions.get(key(topic, partition));
        return known == null ? 0 : known.applied.size();
    }

    private static String key(String topic, int partition) {
        return topic + '#' + partition;
    }

    static final class Partition {
        private final Map<String, Long> applied = new ConcurrentHashMap<>();
        private volatile long validAt;

        private Partition(long validAt) {
            this.validAt = validAt;
        }

        /** The user's applied number if known (0: none stored), else null. */
        Long get(String userId) {
            return applied.get(userId);
        }

        /** Records a value read or committed; never lowers one (a concurrent writer may be ahead). */
        void remember(String userId, long sequence) {
            applied.merge(userId, sequence, Math::max);
        }

        void forget(Collection<String> userIds) {
            userIds.forEach(applied::remove);
        }

        /** After this instance moved the watermark: what it knows stays valid. */
        void advancedTo(long watermark) {
            validAt = watermark;
        }
    }
}
