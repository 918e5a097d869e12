package io.marquee.catalog.item.service;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.item.repository.ConcurrentUpdateException;
import io.marquee.catalog.item.repository.ItemRepository;
import io.marquee.catalog.stats.service.ItemStats;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.catalog.web.ReadCache;
import io.marquee.catalog.web.ReadCaches;
import io.marquee.common.catalog.Genres;
import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.problem.ProblemMappers;
import io.marquee.common.web.PageCursor;
import io.marquee.common.web.QueryNumbers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Reading, listing and writing catalog items. An item's detail is read through two caches
 * (ADR 10): its stored fields, kept long since only admin writes change them and a write here
 * forgets them at once, and its figures, kept briefly since every event moves them.
 */
@ApplicationScoped
public class ItemService {

    private static final Logger LOG = Logger.getLogger(ItemService.class);

    /** How often a write that lost a race is re-read, recomputed and retried. */
    static final int MAX_ATTEMPTS = 20;
    static final int MAX_BATCH = 100;
    /** The most ids one batch read may ask for: a personal ranking of 500 items is enriched in one call. */
    public static final int MAX_LOOKUP = 500;

    private final ItemRepository repository;
    private final StatsService stats;
    private final CatalogConfig config;
    private final Validator validator;
    private final Clock clock;
    private final ExecutorService batchWriters;
    private final Event<ItemChanged> changes;
    /** Items by id; an empty value is a known miss (404), kept only {@code catalog.cache.missing-ttl}. */
    private final ReadCache<String, Optional<Item>> stored;
    private final ReadCache<String, ItemStats> figures;

    public ItemService(ItemRepository repository, StatsService stats, CatalogConfig config, Validator validator,
                       ReadCaches caches, Event<ItemChanged> changes) {
        this.repository = repository;
        this.stats = stats;
        this.config = config;
        this.validator = validator;
        this.changes = changes;
        this.clock = Clock.systemUTC();
        CatalogConfig.Cache cache = config.cache();
        this.stored = caches.create("catalog-items", cache.itemTtl(),
                found -> found.isPresent() ? cache.itemTtl() : cache.missingTtl(), cache.maxItems(), repository::find);
        this.figures = caches.create("catalog-item-stats", cache.statsTtl(), cache.maxItems(), stats::statsOf);
        AtomicInteger threads = new AtomicInteger();
        this.batchWriters = Executors.newFixedThreadPool(Math.max(1, config.batch().writeConcurrency()), r -> {
            Thread thread = new Thread(r, "catalog-batch-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        batchWriters.shutdownNow();
    }

    /**
     * The item with its rating and view figures, each from memory when fresh enough: another
     * instance's write shows within {@code catalog.cache.item-ttl}, new figures within
     * {@code catalog.cache.stats-ttl}, and a write through this instance at once.
     */
    public ItemDetail detail(String id) {
        Item item = stored.get(id).orElseThrow(() -> ProblemException.notFound("No item with id " + id));
        return ItemDetail.of(item, figures.get(id));
    }

    /**
     * Several items at once, with their figures: one batch read of the items and one of their
     * figures, for callers that show lists (recommendations). Ids are answered in the order given,
     * each once; unknown ids are listed as missing. Every bad id is reported together.
     */
    public ItemLookup lookup(List<String> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_LOOKUP) {
            throw ProblemException.invalid("ids", "must hold 1 to " + MAX_LOOKUP + " item ids");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null) {
                errors.add(new Problem.FieldError("ids[" + i + "]", "must not be null"));
            } else if (!ItemRules.ID.matcher(id).matches()) {
                errors.add(new Problem.FieldError("ids[" + i + "]", ItemRules.ID_MESSAGE));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<String, Item> found = repository.findAll(distinct);
        Map<String, ItemStats> figuresOf = stats.statsOfAll(found.keySet());
        List<ItemLookup.Found> items = new ArrayList<>(found.size());
        List<String> missing = new ArrayList<>();
        for (String id : distinct) {
            Item item = found.get(id);
            if (item == null) {
                missing.add(id);
            } else {
                items.add(new ItemLookup.Found(id, item.title(), item.year(), item.genres(),
                        figuresOf.getOrDefault(id, ItemStats.NONE)));
            }
        }
        return new ItemLookup(items, missing);
    }

    /**
     * One page of the listing for the given raw query parameters (empty means absent). All invalid
     * parameters are reported together.
     */
    public ItemPage list(String genre, String year, String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String canonicalGenre = null;
        if (present(genre)) {
            canonicalGenre = Genres.canonical(genre).orElse(null);
            if (canonicalGenre == null) {
                errors.add(new Problem.FieldError("genre", KnownGenre.MESSAGE));
            }
        }
        Integer yearValue = null;
        if (present(year)) {
            yearValue = QueryNumbers.inRange(year, ItemRules.MIN_YEAR, ItemRules.MAX_YEAR);
            if (yearValue == null) {
                errors.add(new Problem.FieldError("year", "must be a whole number from "
                        + ItemRules.MIN_YEAR + " to " + ItemRules.MAX_YEAR));
            }
        }
        int max = config.page().maxSize();
        int pageSize = config.page().defaultSize();
        if (present(limit)) {
            Integer parsed = QueryNumbers.inRange(limit, 1, max);
            if (parsed == null) {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + max));
            } else {
                pageSize = parsed;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        IndexKeys.Listing listing = IndexKeys.listing(canonicalGenre, yearValue);
        String after = present(cursor) ? PageCursor.decode(cursor, listing.name(), ItemService::isSortKey) : null;
        ItemRepository.IndexPage page = repository.list(listing, after, pageSize);
        String next = page.lastSortKey() == null ? null : new PageCursor(listing.name(), page.lastSortKey()).encode();
        return new ItemPage(page.items(), next);
    }

    /** Creates or replaces item {@code id} (the draft is already validated). */
    public WriteResult put(String id, ItemDraft draft) {
        return put(id, draft, repository.find(id));
    }

    /**
     * Validates every entry first (nothing is written if any is invalid), then writes them, several
     * transactions in parallel: the items not stored yet packed together, as many as one
     * transaction holds ({@link ItemRepository#createAll}), the others each in its own. A packed
     * transaction that finds one of its items created meanwhile (a concurrent {@code PUT}) writes
     * nothing, and its items are written one by one, as updates where they now exist: both writes
     * then stand, one after the other, as two of a single item's writes do.
     */
    public BatchResult putAll(List<BatchEntry> entries) {
        validateBatch(entries);
        Map<String, Item> existing = repository.findAll(entries.stream().map(BatchEntry::id).toList());
        Instant now = clock.instant();
        List<Future<List<WriteResult>>> writes = new ArrayList<>();
        List<Creation> packed = new ArrayList<>();
        int packedActions = 0;
        for (BatchEntry entry : entries) {
            Item stored = existing.get(entry.id());
            if (stored != null) {
                writes.add(batchWriters.submit(() -> List.of(put(entry.id(), entry.draft(), Optional.of(stored)))));
                continue;
            }
            Creation creation = new Creation(entry, newItem(entry.id(), entry.draft(), now));
            int actions = repository.creationActions(creation.item());
            if (!packed.isEmpty() && packedActions + actions > CatalogTables.MAX_TRANSACTION_ACTIONS) {
                List<Creation> full = packed;
                writes.add(batchWriters.submit(() -> createTogether(full)));
                packed = new ArrayList<>();
                packedActions = 0;
            }
            packed.add(creation);
            packedActions += actions;
        }
        if (!packed.isEmpty()) {
            List<Creation> last = packed;
            writes.add(batchWriters.submit(() -> createTogether(last)));
        }
        int created = 0;
        int updated = 0;
        RuntimeException failure = null;
        for (Future<List<WriteResult>> write : writes) {
            try {
                for (WriteResult result : write.get()) {
                    if (result.created()) {
                        created++;
                    } else {
                        updated++;
                    }
                }
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing a batch", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new BatchResult(created, updated);
    }

    /** A batch entry whose item was not stored when the batch was read, and its version 1. */
    private record Creation(BatchEntry entry, Item item) {
    }

    /**
     * Creates {@code creations}' items in one transaction, then their stats rows together; if any
     * was created meanwhile, writes each the one-item way.
     */
    private List<WriteResult> createTogether(List<Creation> creations) {
        List<Item> items = creations.stream().map(Creation::item).toList();
        try {
            try {
                repository.createAll(items);
            } finally {
                // Also when the outcome is unknown: see put.
                items.forEach(item -> forget(item.id()));
            }
        } catch (ConcurrentUpdateException e) {
            // Nothing of this transaction was written: each item goes the one-item way, which
            // re-reads it and writes it as an update where another write created it meanwhile.
            return creations.stream().map(c -> put(c.entry().id(), c.entry().draft(), Optional.empty())).toList();
        }
        chartsFollow(items);
        return items.stream().map(item -> new WriteResult(item, true)).toList();
    }

    /** Version 1 of item {@code id}, created {@code now}. */
    private static Item newItem(String id, ItemDraft draft, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return new Item(id, draft.title(), draft.year(), canonicalGenres(draft.genres()), draft.runtimeMinutes(),
                draft.overview(), draft.metadata(), at, at, 1L);
    }

    /** An entry of a batch: the item id and what it should be. */
    public record BatchEntry(String id, ItemDraft draft) {
    }

    private WriteResult put(String id, ItemDraft draft, Optional<Item> previous) {
        List<String> genres = canonicalGenres(draft.genres());
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Item item = new Item(id, draft.title(), draft.year(), genres, draft.runtimeMinutes(), draft.overview(),
                    draft.metadata(), previous.map(Item::createdAt).orElse(now), now,
                    previous.map(p -> p.version() + 1).orElse(1L));
            try {
                try {
                    repository.write(item, previous);
                    chartsFollow(item);
                } finally {
                    // Also when the outcome is unknown (a timeout may hide a commit): no read
                    // cached here may be older than this write once it is answered.
                    forget(id);
                }
                return new WriteResult(item, previous.isEmpty());
            } catch (ConcurrentUpdateException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw ProblemException.conflict("Item " + id + " is being changed by others; try again");
                }
                backOff(attempt);
                previous = repository.find(id);
            }
        }
    }

    /** Drops what this instance cached of item {@code id}, here and in every reader of {@link ItemChanged}. */
    private void forget(String id) {
        stored.invalidate(id);
        changes.fire(new ItemChanged(id));
    }

    /**
     * Charts show an item's title and filter by its genres, so its stats row follows the item. The
     * item is stored already: a failure here is logged, not answered, and mended by the item's
     * next write.
     */
    private void chartsFollow(Item item) {
        try {
            stats.itemChanged(item);
        } catch (RuntimeException e) {
            LOG.warnf(e, "charts could not follow item %s version %d yet", item.id(), item.version());
        }
    }

    /** {@link #chartsFollow(Item)} for items written together: together too, else one by one. */
    private void chartsFollow(List<Item> items) {
        try {
            stats.itemsChanged(items);
        } catch (RuntimeException e) {
            // Some rows may be written already: the one-item way skips those (their item version is reached).
            items.forEach(this::chartsFollow);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    private void validateBatch(List<BatchEntry> entries) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (entries == null || entries.isEmpty() || entries.size() > MAX_BATCH) {
            throw ProblemException.invalid("items", "must hold 1 to " + MAX_BATCH + " items");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String prefix = "items[" + i + "]";
            BatchEntry entry = entries.get(i);
            if (entry == null || entry.draft() == null) {
                errors.add(new Problem.FieldError(prefix, "must not be null"));
                continue;
            }
            if (entry.id() == null) {
                errors.add(new Problem.FieldError(prefix + ".id", "must not be null"));
            } else if (!ItemRules.ID.matcher(entry.id()).matches()) {
                errors.add(new Problem.FieldError(prefix + ".id", ItemRules.ID_MESSAGE));
            } else if (!seen.add(entry.id())) {
                errors.add(new Problem.FieldError(prefix + ".id", "repeats an id earlier in the batch"));
            }
            for (ConstraintViolation<ItemDraft> violation : validator.validate(entry.draft())) {
                errors.add(new Problem.FieldError(prefix + "." + ProblemMappers.fieldOf(violation),
                        violation.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw ProblemException.invalid(errors);
        }
    }

    private static List<String> canonicalGenres(List<String> genres) {
        if (genres == null) {
            return List.of();
        }
        Set<String> canonical = new LinkedHashSet<>();
        genres.forEach(g -> canonical.add(Genres.canonical(g).orElseThrow()));
        return List.copyOf(canonical);
    }

    private static boolean present(String parameter) {
        return parameter != null && !parameter.isEmpty();
    }

    /** A listing cursor's position is a sort key of the index: clean text, as item titles are. */
    private static boolean isSortKey(String position) {
        return CleanText.Validator.isClean(position);
    }
}
