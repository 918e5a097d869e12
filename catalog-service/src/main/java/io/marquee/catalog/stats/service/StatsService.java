package io.marquee.catalog.stats.service;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.item.service.Item;
import io.marquee.catalog.stats.repository.StatsConflictException;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.marquee.catalog.stats.repository.StatsRepository.EntryWrite;
import io.marquee.catalog.stats.repository.StatsRepository.GenreRemoval;
import io.marquee.catalog.stats.repository.StatsRepository.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Keeps each item's counters and chart scores. Kafka records are applied a polled batch at a
 * time, summed per item, in transactions that also move the partition's offset watermark: a
 * record at or below the watermark has been applied and is skipped, so redelivery (a rebalance,
 * a restart before the commit) changes nothing, and concurrent writers are serialized by the
 * rows' versions. See ADR 7.
 */
@ApplicationScoped
public class StatsService {

    private static final Logger LOG = Logger.getLogger(StatsService.class);
    /** Transaction actions left for entries once the watermark, totals and newest rows have theirs. */
    static final int ENTRY_ACTION_BUDGET = 100 - 3;
    private static final int ITEM_CHANGE_ATTEMPTS = 20;
    private static final int MAX_CONFLICTS = 1_000;
    /** Items read ahead for one chunk: each takes one action (more only while old genre copies remain). */
    private static final int CHUNK_READ = ENTRY_ACTION_BUDGET;

    private final StatsRepository repository;
    private final CatalogConfig config;

    public StatsService(StatsRepository repository, CatalogConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public ItemStats statsOf(String itemId) {
        return repository.find(itemId).map(Entry::stats).orElse(ItemStats.NONE);
    }

    /**
     * Applies the records of one partition, in offset order, up to and including {@code lastOffset}
     * (records that were malformed have no fact but still move the watermark).
     *
     * @throws RuntimeException when DynamoDB keeps failing; nothing is skipped, the batch can be redelivered
     */
    public void apply(String topic, int partition, long lastOffset, List<Fact> facts) {
        int maxFailures = Math.max(1, config.events().maxAttempts());
        int failures = 0;
        int conflicts = 0;
        while (true) {
            try {
                applyOnce(topic, partition, lastOffset, facts);
                return;
            } catch (StatsConflictException e) {
                // Another writer committed first: it made progress, so waiting and re-reading is
                // safe; the bound only guards against a bug that would conflict forever.
                if (++conflicts >= MAX_CONFLICTS) {
                    throw e;
                }
                backOff(Math.min(conflicts, 10));
            } catch (SdkException e) {
                if (++failures >= maxFailures) {
                    throw e;
                }
                LOG.warnf("retrying %s-%d up to offset %d after: %s", topic, partition, lastOffset, e.getMessage());
                backOff(failures * 4);
            }
        }
    }

    /** Copies an item's title, year and genres into its stats rows after the item was written. */
    public void itemChanged(Item item) {
        for (int attempt = 1; ; attempt++) {
            Entry old = repository.find(item.id()).orElse(Entry.empty(item.id()));
            if (old.itemVersion() >= item.version()) {
                return; // a newer write of the item got here first
            }
            Totals totals = repository.totals();
            Entry next = old.withItem(item.title(), item.year(), item.genres(), item.version()).nextVersion();
            try {
                repository.commit(List.of(write(next, totals)), removals(old, next), null);
                return;
            } catch (StatsConflictException e) {
                if (attempt >= ITEM_CHANGE_ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * Applies what is above the watermark in chunks of at most one transaction each; every chunk
     * reads its items right before writing them, which keeps the window for conflicts short.
     */
    private void applyOnce(String topic, int partition, long lastOffset, List<Fact> facts) {
        long watermark = repository.watermark(topic, partition);
        if (lastOffset <= watermark) {
            return; // all of it was applied before: a redelivery
        }
        List<Fact> pending = facts.stream().filter(f -> f.offset() > watermark).toList();
        // Read once: if another writer moves the totals meanwhile, the newest-event condition fails
        // and the whole attempt starts again from fresh reads.
        Totals totals = repository.totals();
        long applied = watermark;
        int from = 0;
        while (true) {
            Set<String> upcoming = new LinkedHashSet<>();
            for (int i = from; i < pending.size() && upcoming.size() < CHUNK_READ; i++) {
                upcoming.add(pending.get(i).itemId());
            }
            Map<String, Entry> entries = new HashMap<>(repository.findAll(upcoming));
            Set<String> chunkItems = new LinkedHashSet<>();
            int cost = 0;
            int to = from;
            while (to < pending.size()) {
                String id = pending.get(to).itemId();
                if (!chunkItems.contains(id)) {
                    if (!upcoming.contains(id)) {
                        break;
                    }
                    int actions = StatsRepository.actionsFor(entries.getOrDefault(id, Entry.empty(id)));
                    if (!chunkItems.isEmpty() && cost + actions > ENTRY_ACTION_BUDGET) {
                        break;
                    }
                    chunkItems.add(id);
                    cost += actions;
                }
                to++;
            }
            boolean last = to >= pending.size();
            long chunkEnd = last ? lastOffset : pending.get(to - 1).offset();

            Map<String, Entry> changed = new LinkedHashMap<>();
            long ratingsDelta = 0;
            long halvesDelta = 0;
            Long newest = totals.newestEventAt();
            for (Fact fact : pending.subList(from, to)) {
                Entry entry = changed.getOrDefault(fact.itemId(),
                        entries.getOrDefault(fact.itemId(), Entry.empty(fact.itemId())));
                changed.put(fact.itemId(), withFact(entry, fact));
                ratingsDelta += fact.ratingsDelta();
                halvesDelta += fact.halvesDelta();
                if (fact.interactionAt() != null) {
                    long at = fact.interactionAt().toEpochMilli();
                    newest = newest == null ? at : Math.max(newest, at);
                }
            }
            Totals after = new Totals(totals.ratings() + ratingsDelta, totals.ratingHalves() + halvesDelta, newest);
            List<EntryWrite> writes = new ArrayList<>();
            List<GenreRemoval> removals = new ArrayList<>();
            for (Entry entry : changed.values()) {
                Entry next = entry.nextVersion();
                writes.add(write(next, after));
                removals.addAll(removals(entries.getOrDefault(entry.itemId(), Entry.empty(entry.itemId())), next));
            }
            repository.commit(writes, removals, new Progress(topic, partition, applied, chunkEnd,
                    ratingsDelta, halvesDelta, totals.newestEventAt(), newest));
            applied = chunkEnd;
            totals = after;
            from = to;
            if (last) {
                return;
            }
        }
    }

    private Entry withFact(Entry entry, Fact fact) {
        Entry next = entry.withCounts(entry.views() + fact.views(), entry.ratings() + fact.ratingsDelta(),
                entry.ratingHalves() + fact.halvesDelta());
        if (fact.interactionAt() == null) {
            return next;
        }
        long window = Math.floorDiv(fact.interactionAt().toEpochMilli(), windowMillis());
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

    private EntryWrite write(Entry next, Totals totals) {
        return new EntryWrite(next, Scores.topRated(next, totals.meanRating(), config.charts().priorWeight()),
                Scores.trending(next, totals.newestEventAt(), windowMillis()));
    }

    private static List<GenreRemoval> removals(Entry before, Entry next) {
        return before.chartGenres().stream().filter(g -> !next.chartGenres().contains(g))
                .map(g -> new GenreRemoval(next.itemId(), g)).toList();
    }

    long windowMillis() {
        return Math.max(1, config.charts().trendingWindow().toMillis());
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a stats write", e);
        }
    }
}
