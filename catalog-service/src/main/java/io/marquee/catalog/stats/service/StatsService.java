package io.marquee.catalog.stats.service;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.item.service.Item;
import io.marquee.catalog.stats.repository.StatsConflictException;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.marquee.catalog.stats.repository.StatsRepository.EntryWrite;
import io.marquee.catalog.stats.repository.StatsRepository.GenreRemoval;
import io.marquee.catalog.stats.repository.StatsRepository.Progress;
import io.marquee.catalog.stats.repository.StatsRepository.SequenceWrite;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.common.events.EventBounds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * rows' versions. A rating change numbered by its producer is also skipped when its user's
 * applied number (a row moved in the same transaction, conditioned on being below what it adds)
 * has reached it: that catches the same change published again under a new offset. See ADR 7.
 * An interaction counts once per visitor, item and window ({@link VisitorWindows}, ADR 39): a view
 * towards the item's views, any interaction towards trending; repeats are skipped like applied changes.
 */
@ApplicationScoped
public class StatsService {

    private static final Logger LOG = Logger.getLogger(StatsService.class);
    /**
     * Transaction actions left for entries (one each, more while old genre copies remain) and
     * users' applied numbers (one per user) once the watermark, totals and newest rows have theirs.
     */
    static final int ACTION_BUDGET = CatalogTables.MAX_TRANSACTION_ACTIONS - 3;
    private static final int ITEM_CHANGE_ATTEMPTS = 20;
    private static final int MAX_CONFLICTS = 1_000;

    /** The shortest window a visitor's repeated interactions can be counted in (window numbers are ints). */
    static final long MIN_VISITOR_WINDOW_MILLIS = 60_000;

    private final StatsRepository repository;
    private final CatalogConfig config;
    private final AbsorbGate gate;
    private final AppliedSequences sequences = new AppliedSequences();
    private final VisitorWindows visitors;
    private final long visitorWindowMillis;

    public StatsService(StatsRepository repository, CatalogConfig config, AbsorbGate gate) {
        this.repository = repository;
        this.config = config;
        this.gate = gate;
        this.visitors = new VisitorWindows(config.events().perVisitor().maxPairs());
        this.visitorWindowMillis = Math.max(MIN_VISITOR_WINDOW_MILLIS, config.events().perVisitor().window().toMillis());
    }

    public ItemStats statsOf(String itemId) {
        return repository.find(itemId).map(Entry::stats).orElse(ItemStats.NONE);
    }

    /** The figures of each of {@code itemIds} that has any, in batch reads; absent ids have none yet. */
    public Map<String, ItemStats> statsOfAll(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ItemStats> figures = new HashMap<>();
        repository.findAll(itemIds).forEach((id, entry) -> figures.put(id, entry.stats()));
        return figures;
    }

    /** The catalog-wide figures the chart scores depend on (consistent reads). */
    public Totals totals() {
        return repository.totals();
    }

    /**
     * The first {@code limit} catalog items by {@code ranking}, best first by their stored scores;
     * with a {@code genre}, only that genre's, found among at most {@code maxRead} rows of the head.
     */
    public List<Entry> top(Ranking ranking, String genre, int limit, int maxRead) {
        return repository.top(ranking, genre, limit, maxRead);
    }

    /** The item's top-rated score against {@code totals}, as it is written; null when unrated. */
    public Double topRatedScore(Entry entry, Totals totals) {
        return Scores.topRated(entry, totals.meanRating(), config.charts().priorWeight());
    }

    /** The item's trending score against {@code totals}, as it is written; 0 when not rising. */
    public double trendingScore(Entry entry, Totals totals) {
        return Scores.trending(entry, totals.newestEventAt(), windowMillis());
    }

    /**
     * Applies the records of one partition, in offset order, up to and including {@code lastOffset}
     * (records that were malformed have no fact but still move the watermark).
     *
     * @return how many records were skipped as counted before: numbered rating changes their user's
     *         number had reached, interactions their visitor had in the same window
     * @throws RuntimeException when DynamoDB keeps failing; nothing is skipped, the batch can be redelivered
     * @throws AbsorbGate.AbsorbStopped when the service is stopping; the chunks applied so far are
     *         recorded in the watermark, the rest is applied when the batch is delivered again
     */
    public int apply(String topic, int partition, long lastOffset, List<Fact> facts) {
        int maxFailures = Math.max(1, config.events().maxAttempts());
        int failures = 0;
        int conflicts = 0;
        while (true) {
            try {
                return applyOnce(topic, partition, lastOffset, facts);
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

    /**
     * Forgets what this instance knew of the users' applied numbers in these partitions: they were
     * revoked, and whoever gets them next may move those numbers.
     */
    public void partitionsRevoked(String topic, Collection<Integer> partitions) {
        sequences.forget(topic, partitions);
        visitors.forget(topic, partitions);
    }

    /** How many users' applied numbers this instance holds in memory for a partition. */
    public int knownUsers(String topic, int partition) {
        return sequences.known(topic, partition);
    }

    /** How many visitor-item pairs this instance holds in memory for a partition. */
    public int knownVisitorPairs(String topic, int partition) {
        return visitors.known(topic, partition);
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
     * {@link #itemChanged} for many items at once, as a bulk load writes them: their rows read in
     * one batch and the totals once, then written in as few transactions as fit (each row still
     * conditioned on the version it was computed from).
     *
     * @throws StatsConflictException if a row changed meanwhile (its item's events were applied):
     *         the transactions before it are written; {@link #itemChanged} for each item then
     *         re-reads and retries, skipping those already written
     */
    public void itemsChanged(List<Item> items) {
        Map<String, Entry> stored = repository.findAll(items.stream().map(Item::id).toList());
        Totals totals = repository.totals();
        List<EntryWrite> writes = new ArrayList<>();
        List<GenreRemoval> removals = new ArrayList<>();
        for (Item item : items) {
            Entry old = stored.getOrDefault(item.id(), Entry.empty(item.id()));
            if (old.itemVersion() >= item.version()) {
                continue; // a newer write of the item got here first
            }
            Entry next = old.withItem(item.title(), item.year(), item.genres(), item.version()).nextVersion();
            List<GenreRemoval> own = removals(old, next);
            if (writes.size() + removals.size() + 1 + own.size() > CatalogTables.MAX_TRANSACTION_ACTIONS) {
                repository.commit(writes, removals, null);
                writes = new ArrayList<>();
                removals = new ArrayList<>();
            }
            writes.add(write(next, totals));
            removals.addAll(own);
        }
        repository.commit(writes, removals, null);
    }

    /**
     * Applies what is above the watermark in chunks of at most one transaction each; every chunk
     * reads its items right before writing them, which keeps the window for conflicts short.
     *
     * @return how many records were skipped as counted before
     */
    private int applyOnce(String topic, int partition, long lastOffset, List<Fact> facts) {
        long watermark = repository.watermark(topic, partition);
        VisitorWindows.Partition seen = visitors.of(topic, partition);
        // What was applied before (Kafka delivers it again after a restart, from the last committed
        // offset) still tells which visitors had which items in their window: learn it, count nothing.
        facts.stream().filter(f -> f.offset() <= watermark).forEach(f -> remember(seen, f));
        if (lastOffset <= watermark) {
            return 0; // all of it was applied before: a redelivery
        }
        List<Fact> pending = facts.stream().filter(f -> f.offset() > watermark).toList();
        AppliedSequences.Partition known = sequences.of(topic, partition, watermark);
        List<Fact> counted = counted(topic, partition, known, seen, pending);
        // Read once: if another writer moves the totals meanwhile, the newest-event condition fails
        // and the whole attempt starts again from fresh reads.
        Totals totals = repository.totals();
        long done = watermark;
        for (int from = 0; ; ) {
            // Each chunk is one transaction that also moves the watermark: a safe place to stop or yield.
            gate.beforeChunk();
            Chunk chunk = readChunk(counted, from, lastOffset);
            ChunkSums sums = ChunkSums.of(chunk.facts(), chunk.stored(), totals.newestEventAt(), windowMillis());
            commitChunk(topic, partition, done, totals, chunk, sums, known, seen);
            if (chunk.last()) {
                return pending.size() - counted.size();
            }
            done = chunk.endOffset();
            totals = sums.after(totals);
            from = chunk.to();
        }
    }

    /**
     * The facts one transaction applies, {@code counted[from, to)}, with what it reads and moves.
     *
     * @param stored    the stored entries of the items read ahead (an item absent has none yet)
     * @param users     the applied numbers the chunk moves, per user
     * @param endOffset the watermark once it is applied: its last fact's offset, or the batch's last
     *                  offset for the last chunk (records without a fact after it are passed too)
     */
    private record Chunk(List<Fact> facts, Map<String, Entry> stored, Map<String, SequenceWrite> users, int to,
                         long endOffset, boolean last) {
    }

    /** Reads the items the chunk from {@code from} can reach, in one batch, and decides where it ends. */
    private Chunk readChunk(List<Fact> counted, int from, long lastOffset) {
        Set<String> upcoming = upcomingItems(counted, from);
        Map<String, Entry> stored = repository.findAll(upcoming);
        Map<String, SequenceWrite> users = new LinkedHashMap<>();
        int to = chunkEnd(counted, from, upcoming, stored, users);
        boolean last = to >= counted.size();
        long endOffset = last ? lastOffset : counted.get(to - 1).offset();
        return new Chunk(counted.subList(from, to), stored, users, to, endOffset, last);
    }

    /**
     * Writes the chunk's entries (scored against the totals as they stand after it), moves its
     * users' applied numbers, the totals and the watermark, all in one transaction; then remembers
     * the users' numbers.
     *
     * @throws StatsConflictException if anything changed since it was read; the users' numbers are
     *                                forgotten, to be read again by the next attempt
     */
    private void commitChunk(String topic, int partition, long done, Totals totals, Chunk chunk, ChunkSums sums,
                             AppliedSequences.Partition known, VisitorWindows.Partition seen) {
        Totals after = sums.after(totals);
        List<EntryWrite> writes = new ArrayList<>();
        List<GenreRemoval> removals = new ArrayList<>();
        for (Entry entry : sums.changed().values()) {
            Entry next = entry.nextVersion();
            writes.add(write(next, after));
            removals.addAll(removals(chunk.stored().getOrDefault(entry.itemId(), Entry.empty(entry.itemId())), next));
        }
        try {
            repository.commit(writes, removals, List.copyOf(chunk.users().values()), new Progress(topic, partition,
                    done, chunk.endOffset(), sums.ratingsDelta(), sums.halvesDelta(), totals.newestEventAt(),
                    sums.newest()));
        } catch (StatsConflictException e) {
            // Perhaps a user's number was further than known here (another instance applied
            // some of their changes): read those users again on the next attempt.
            known.forget(chunk.users().keySet());
            throw e;
        }
        chunk.users().values().forEach(u -> known.remember(u.userId(), u.last()));
        known.advancedTo(chunk.endOffset());
        // Only now, committed, do they count as had: a chunk that failed is decided again from this.
        chunk.facts().forEach(f -> remember(seen, f));
    }

    /**
     * Where the chunk starting at {@code from} ends (exclusive): as many facts as one transaction's
     * action budget holds, among the items read ahead. Fills {@code chunkUsers} with the numbers the
     * chunk moves each user's applied number over.
     */
    private static int chunkEnd(List<Fact> counted, int from, Set<String> upcoming, Map<String, Entry> entries,
                                Map<String, SequenceWrite> chunkUsers) {
        Set<String> chunkItems = new LinkedHashSet<>();
        int cost = 0;
        int to = from;
        while (to < counted.size()) {
            Fact fact = counted.get(to);
            String id = fact.itemId();
            boolean newItem = !chunkItems.contains(id);
            if (newItem && !upcoming.contains(id)) {
                break;
            }
            boolean newUser = fact.numbered() && !chunkUsers.containsKey(fact.userId());
            int actions = (newItem ? StatsRepository.actionsFor(entries.getOrDefault(id, Entry.empty(id))) : 0)
                    + (newUser ? 1 : 0);
            if (to > from && cost + actions > ACTION_BUDGET) {
                break;
            }
            chunkItems.add(id);
            if (fact.numbered()) {
                // One user's counted numbers only grow: the first one met is the chunk's lowest.
                chunkUsers.merge(fact.userId(), new SequenceWrite(fact.userId(), fact.sequence(), fact.sequence()),
                        (before, next) -> new SequenceWrite(before.userId(), before.first(), next.last()));
            }
            cost += actions;
            to++;
        }
        return to;
    }

    /**
     * Which of {@code pending} count, decided once, in offset order: a numbered change at or below
     * its user's applied number was applied before (possibly published again under another
     * offset); one far above it is not believed (common's {@code EventBounds}). An interaction
     * counts as a view only if its visitor had no view of the item counted in its window yet, and
     * towards trending only if they had no interaction with it counted in its window yet; one
     * that counts for neither is skipped.
     */
    private List<Fact> counted(String topic, int partition, AppliedSequences.Partition known,
                               VisitorWindows.Partition seen, List<Fact> pending) {
        Map<String, Long> running = appliedSequences(known, pending);
        Map<Long, Long> visited = new HashMap<>(); // this batch's decisions, before they are committed
        List<Fact> counted = new ArrayList<>(pending.size());
        for (Fact fact : pending) {
            if (fact.visitor() != null) {
                long pair = visitors.pair(fact.visitor(), fact.itemId());
                Long decided = visited.get(pair);
                long before = decided != null ? decided : seen.get(pair);
                int window = visitorWindow(fact);
                boolean view = fact.views() > 0 && VisitorWindows.viewWindow(before) < window;
                boolean trend = fact.interactionAt() != null && VisitorWindows.interactionWindow(before) < window;
                if (!view && !trend) {
                    continue;
                }
                visited.put(pair, VisitorWindows.windows(view ? window : VisitorWindows.viewWindow(before),
                        trend ? window : VisitorWindows.interactionWindow(before)));
                fact = fact.counting(view, trend);
            } else if (fact.numbered()) {
                long applied = running.getOrDefault(fact.userId(), 0L);
                if (fact.sequence() <= applied) {
                    continue;
                }
                if (!EventBounds.plausibleNextSequence(fact.sequence(), applied)) {
                    // Not from rating-service, whose numbers step by one: believed, it would make
                    // every later real change of this user look applied before.
                    LOG.warnf("skipped rating change %d of user %s on %s-%d: more than %d above the applied %d",
                            fact.sequence(), fact.userId(), topic, partition, EventBounds.MAX_SEQUENCE_STEP, applied);
                    continue;
                }
                running.put(fact.userId(), fact.sequence());
            }
            counted.add(fact);
        }
        return counted;
    }

    /**
     * The users' applied numbers (0: none), for every user with a numbered change among
     * {@code facts}: from what this instance knows, the rest read in one batch and remembered.
     */
    private Map<String, Long> appliedSequences(AppliedSequences.Partition known, List<Fact> facts) {
        Map<String, Long> applied = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (Fact fact : facts) {
            if (fact.numbered() && !applied.containsKey(fact.userId())) {
                Long value = known.get(fact.userId());
                if (value != null) {
                    applied.put(fact.userId(), value);
                } else {
                    unknown.add(fact.userId());
                }
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, Long> stored = repository.appliedSequences(unknown);
            for (String user : unknown) {
                long value = stored.getOrDefault(user, 0L);
                applied.put(user, value);
                known.remember(user, value);
            }
        }
        return applied;
    }

    /**
     * The items the next chunk from {@code from} can reach, to read ahead in one batch: counting
     * one action per new item and per new numbered user (the usual case), as many as fit.
     */
    private static Set<String> upcomingItems(List<Fact> counted, int from) {
        Set<String> items = new LinkedHashSet<>();
        Set<String> users = new HashSet<>();
        for (int i = from; i < counted.size(); i++) {
            Fact fact = counted.get(i);
            int actions = (items.contains(fact.itemId()) ? 0 : 1)
                    + (fact.numbered() && !users.contains(fact.userId()) ? 1 : 0);
            if (items.size() + users.size() + actions > ACTION_BUDGET) {
                break;
            }
            items.add(fact.itemId());
            if (fact.numbered()) {
                users.add(fact.userId());
            }
        }
        return items;
    }

    /** Records in {@code seen} that {@code fact}'s visitor had what it counts (or, applied before, could count). */
    private void remember(VisitorWindows.Partition seen, Fact fact) {
        if (fact.visitor() != null) {
            int window = visitorWindow(fact);
            seen.remember(visitors.pair(fact.visitor(), fact.itemId()),
                    fact.views() > 0 ? window : VisitorWindows.NONE,
                    fact.interactionAt() != null ? window : VisitorWindows.NONE);
        }
    }

    private int visitorWindow(Fact fact) {
        long window = Math.floorDiv(fact.receivedAt(), visitorWindowMillis);
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, window));
    }

    private EntryWrite write(Entry next, Totals totals) {
        return new EntryWrite(next, topRatedScore(next, totals), trendingScore(next, totals));
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
