package io.marquee.catalog.item.repository;

import io.marquee.catalog.item.service.IndexKeys;
import io.marquee.catalog.item.service.Item;
import io.marquee.catalog.item.service.ItemSummary;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.catalog.storage.OwnedTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * DynamoDB storage of items and of the listing index: the {@code catalog-items} and
 * {@code catalog-item-index} tables. An item and its index rows, and the rows other features keep
 * for it ({@link ItemCompanionRows}), only ever change together, in one transaction guarded by the
 * item's version.
 */
@ApplicationScoped
public class ItemRepository implements OwnedTables {

    private static final String ITEM_ID = "itemId";
    private static final String BUCKET = "bucket";
    /** Rows a filtered listing reads per query (see {@link #list}). */
    private static final int FILTERED_READ = 100;
    private static final String SORT_KEY = "sortKey";
    private static final String TITLE = "title";
    private static final String YEAR = "year";
    private static final String GENRES = "genres";
    private static final String RUNTIME = "runtimeMinutes";
    private static final String OVERVIEW = "overview";
    private static final String METADATA = "metadata";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final CatalogTables tables;
    private final Instance<ItemCompanionRows> companions;

    public ItemRepository(DynamoDbClient dynamo, CatalogTables tables, Instance<ItemCompanionRows> companions) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.companions = companions;
    }

    /** Items by id; the listing index, one row per (bucket, item) sorted by normalized title. */
    @Override
    public List<CreateTableRequest> tableDefinitions() {
        return List.of(
                CreateTableRequest.builder().tableName(tables.items())
                        .attributeDefinitions(OwnedTables.string(ITEM_ID))
                        .keySchema(OwnedTables.partitionKey(ITEM_ID)).build(),
                CreateTableRequest.builder().tableName(tables.index())
                        .attributeDefinitions(OwnedTables.string(BUCKET), OwnedTables.string(SORT_KEY))
                        .keySchema(OwnedTables.partitionKey(BUCKET), OwnedTables.sortKey(SORT_KEY)).build());
    }

    public Optional<Item> find(String id) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.items())
                .key(Map.of(ITEM_ID, s(id))).consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(toItem(row));
    }

    /** The stored items among {@code ids} (consistent reads), by id. */
    public Map<String, Item> findAll(Collection<String> ids) {
        Map<String, Item> found = new HashMap<>();
        List<String> all = List.copyOf(Set.copyOf(ids));
        for (int from = 0; from < all.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + BATCH_GET_LIMIT))
                    .stream().map(id -> Map.of(ITEM_ID, s(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(tables.items(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(current));
                response.responses().getOrDefault(tables.items(), List.of())
                        .forEach(row -> found.put(row.get(ITEM_ID).s(), toItem(row)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * Stores {@code item} and moves its index rows, all or nothing: the item only if it is still
     * at {@code previous}'s version (or still absent), the index rows of its new buckets, the
     * deletion of those of {@code previous} that no longer apply, and the changes of every
     * {@link ItemCompanionRows}.
     *
     * @throws ConcurrentUpdateException if the item changed since {@code previous} was read
     */
    public void write(Item item, Optional<Item> previous) {
        transact(changesOf(item, previous), item.id());
    }

    /** Every action of {@link #write}: the guarded item row, its index rows, its companions' rows. */
    private List<TransactWriteItem> changesOf(Item item, Optional<Item> previous) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().put(p -> {
            p.tableName(tables.items()).item(toRow(item));
            if (previous.isEmpty()) {
                p.conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ITEM_ID));
            } else {
                p.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":v", n(previous.get().version())));
            }
        }).build());
        Map<Key, Map<String, AttributeValue>> newRows = indexRows(item);
        newRows.values().forEach(row -> actions.add(
                TransactWriteItem.builder().put(p -> p.tableName(tables.index()).item(row)).build()));
        previous.ifPresent(old -> indexRows(old).keySet().stream()
                .filter(key -> !newRows.containsKey(key))
                .forEach(key -> actions.add(TransactWriteItem.builder().delete(d -> d.tableName(tables.index())
                        .key(Map.of(BUCKET, s(key.bucket()), SORT_KEY, s(key.sortKey())))).build())));
        companions.forEach(companion -> actions.addAll(companion.changes(item, previous)));
        return actions;
    }

    /** Runs {@code actions} as one transaction; a failed condition or a conflict is a concurrent update of {@code ids}. */
    private void transact(List<TransactWriteItem> actions, String ids) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(actions));
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                throw new ConcurrentUpdateException(ids, e);
            }
            throw e;
        } catch (TransactionConflictException e) {
            throw new ConcurrentUpdateException(ids, e);
        }
    }

    /** How many transaction actions {@link #createAll} spends on {@code item}: its row, its index rows, its companions' rows. */
    public int creationActions(Item item) {
        return creationOf(item).size();
    }

    /**
     * Creates {@code items}, none of which may be stored yet, in one transaction: each item's row
     * on condition that its id is still absent, with its index and companion rows. If another
     * write created any of them meanwhile, nothing at all is written (and nothing of that other
     * write is overwritten); the caller then writes each the one-item way ({@link #write}), which
     * re-reads it. Packing the new items of a bulk load this way costs one transaction per about
     * ten items instead of one each, which is what DynamoDB Local is slow at.
     *
     * @throws IllegalArgumentException  if they take more than {@link CatalogTables#MAX_TRANSACTION_ACTIONS}
     *                                   ({@link #creationActions} tells in advance)
     * @throws ConcurrentUpdateException if any of them exists already, or a conflicting transaction ran
     */
    public void createAll(List<Item> items) {
        List<TransactWriteItem> actions = new ArrayList<>();
        items.forEach(item -> actions.addAll(creationOf(item)));
        if (actions.size() > CatalogTables.MAX_TRANSACTION_ACTIONS) {
            throw new IllegalArgumentException(actions.size() + " actions do not fit one transaction");
        }
        transact(actions, items.stream().map(Item::id).collect(Collectors.joining(", ")));
    }

    /** The actions that create {@code item} where it is absent: as {@link #write} with no previous version. */
    private List<TransactWriteItem> creationOf(Item item) {
        return changesOf(item, Optional.empty());
    }

    /**
     * Up to {@code limit} summaries of a listing after {@code afterSortKey}, and whether more follow.
     * A listing that keeps only one genre's rows of its bucket reads on until it has a page (or the
     * bucket ends): DynamoDB counts the rows a query reads, not those its filter keeps.
     */
    public IndexPage list(IndexKeys.Listing listing, String afterSortKey, int limit) {
        boolean filtered = listing.genre() != null;
        Map<String, String> names = new HashMap<>(Map.of("#b", BUCKET));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":b", s(listing.bucket())));
        if (filtered) {
            names.put("#g", GENRES);
            values.put(":g", s(listing.genre()));
        }
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        Map<String, AttributeValue> start = afterSortKey == null ? null
                : Map.of(BUCKET, s(listing.bucket()), SORT_KEY, s(afterSortKey));
        do {
            Map<String, AttributeValue> from = start;
            int wanted = limit + 1 - rows.size();
            QueryResponse response = dynamo.query(b -> {
                b.tableName(tables.index()).keyConditionExpression("#b = :b")
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        // Filtered, a read of a few pages' worth finds a page in all but the sparsest genres.
                        .limit(filtered ? Math.max(wanted, FILTERED_READ) : wanted);
                if (filtered) {
                    b.filterExpression("contains(#g, :g)");
                }
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            rows.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (rows.size() <= limit && start != null && filtered);
        boolean more = rows.size() > limit;
        List<Map<String, AttributeValue>> page = more ? rows.subList(0, limit) : rows;
        List<ItemSummary> items = page.stream().map(ItemRepository::toSummary).toList();
        String last = more ? page.get(page.size() - 1).get(SORT_KEY).s() : null;
        return new IndexPage(items, last);
    }

    /** A page of index rows; {@code lastSortKey} is set only when more rows follow. */
    public record IndexPage(List<ItemSummary> items, String lastSortKey) {
    }

    private record Key(String bucket, String sortKey) {
    }

    private static Map<Key, Map<String, AttributeValue>> indexRows(Item item) {
        String sortKey = IndexKeys.sortKey(item.title(), item.id());
        Map<Key, Map<String, AttributeValue>> rows = new LinkedHashMap<>();
        for (String bucket : IndexKeys.buckets(item.genres(), item.year())) {
            Map<String, AttributeValue> row = new HashMap<>();
            row.put(BUCKET, s(bucket));
            row.put(SORT_KEY, s(sortKey));
            row.put(ITEM_ID, s(item.id()));
            row.put(TITLE, s(item.title()));
            if (item.year() != null) {
                row.put(YEAR, n(item.year()));
            }
            row.put(GENRES, strings(item.genres()));
            rows.put(new Key(bucket, sortKey), row);
        }
        return rows;
    }

    private static Map<String, AttributeValue> toRow(Item item) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(ITEM_ID, s(item.id()));
        row.put(TITLE, s(item.title()));
        if (item.year() != null) {
            row.put(YEAR, n(item.year()));
        }
        row.put(GENRES, strings(item.genres()));
        if (item.runtimeMinutes() != null) {
            row.put(RUNTIME, n(item.runtimeMinutes()));
        }
        if (item.overview() != null) {
            row.put(OVERVIEW, s(item.overview()));
        }
        Map<String, AttributeValue> metadata = new HashMap<>();
        item.metadata().forEach((k, v) -> metadata.put(k, s(v)));
        row.put(METADATA, AttributeValue.fromM(metadata));
        row.put(CREATED_AT, s(item.createdAt().toString()));
        row.put(UPDATED_AT, s(item.updatedAt().toString()));
        row.put(VERSION, n(item.version()));
        return row;
    }

    private static Item toItem(Map<String, AttributeValue> row) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (row.containsKey(METADATA)) {
            row.get(METADATA).m().forEach((k, v) -> metadata.put(k, v.s()));
        }
        return new Item(row.get(ITEM_ID).s(), row.get(TITLE).s(), integer(row.get(YEAR)), stringList(row.get(GENRES)),
                integer(row.get(RUNTIME)), row.containsKey(OVERVIEW) ? row.get(OVERVIEW).s() : null, metadata,
                Instant.parse(row.get(CREATED_AT).s()), Instant.parse(row.get(UPDATED_AT).s()),
                Long.parseLong(row.get(VERSION).n()));
    }

    private static ItemSummary toSummary(Map<String, AttributeValue> row) {
        return new ItemSummary(row.get(ITEM_ID).s(), row.get(TITLE).s(), integer(row.get(YEAR)),
                stringList(row.get(GENRES)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static Integer integer(AttributeValue value) {
        return value == null || value.n() == null ? null : Integer.valueOf(value.n());
    }

    private static List<String> stringList(AttributeValue value) {
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
