package io.marquee.catalog.stats.repository;

import io.marquee.catalog.stats.service.Entry;
import io.marquee.catalog.stats.service.Ranking;
import io.marquee.catalog.stats.service.Totals;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.catalog.storage.OwnedTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The {@code catalog-stats} table. Partition {@code bucket}, sort {@code itemId}:
 * <ul>
 * <li>{@code all} / item: the item's counters, chart state, title and genres ({@link Entry}), versioned;</li>
 * <li>{@code meta} / {@code ratings}, {@code newest}, {@code wm#topic#partition}: rating totals,
 *     the newest event time, and per-partition offset watermarks;</li>
 * <li>{@code user#<userId>} / {@code ratings}: the highest rating change number of the user applied
 *     to the counters (one partition per user, so these rows spread, and no index sees them).</li>
 * </ul>
 * Three sparse global secondary indexes (partition {@code bucket}) rank the rows of catalog items
 * by {@code viewScore}, {@code ratingScore} and {@code trendScore}: a chart is the first rows of
 * one index partition, whatever the catalog size; a genre chart filters the head of it. (Genre
 * copies of each row, {@code genre#G}, made every event cost 3-4 index writes instead of one and
 * the first-start burst took too long on DynamoDB Local; rows written by that version are removed
 * when their item next changes.)
 */
@ApplicationScoped
public class StatsRepository implements OwnedTables {

    private static final String BUCKET = "bucket";
    private static final String ITEM_ID = "itemId";
    private static final String ALL = "all";
    private static final String VIEW_SCORE = "viewScore";
    private static final String RATING_SCORE = "ratingScore";
    private static final String TREND_SCORE = "trendScore";
    /** The ranking indexes, one per chart; their names are what a chart's query asks DynamoDB for. */
    public static final String BY_VIEWS = "by-views";
    public static final String BY_RATING = "by-rating";
    public static final String BY_TREND = "by-trend";

    private static final String META = "meta";
    private static final String RATINGS_TOTAL = "ratings";
    private static final String NEWEST = "newest";
    private static final String TITLE = "title";
    private static final String YEAR = "year";
    private static final String GENRES = "genres";
    private static final String ITEM_VERSION = "itemVersion";
    private static final String CHART_GENRES = "chartGenres";
    private static final String VIEWS = "views";
    private static final String RATINGS = "ratings";
    private static final String RATING_HALVES = "ratingHalves";
    private static final String TREND_WINDOW = "trendWindow";
    private static final String TREND_CURRENT = "trendCurrent";
    private static final String TREND_PREVIOUS = "trendPrevious";
    private static final String VERSION = "version";
    private static final String OFFSET = "offset";
    private static final String COUNT = "count";
    private static final String HALVES = "halves";
    private static final String AT = "at";
    private static final String USER_PREFIX = "user#";
    /** Sort key of a user's row: what the number counts (the user's rating changes). */
    private static final String USER_RATINGS = "ratings";
    private static final String SEQUENCE = "seq";
    private static final int BATCH_GET_LIMIT = 100;
    private static final MathContext SCORE_PRECISION = new MathContext(15);

    private final DynamoDbClient dynamo;
    private final CatalogTables tables;

    public StatsRepository(DynamoDbClient dynamo, CatalogTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public List<CreateTableRequest> tableDefinitions() {
        return List.of(CreateTableRequest.builder().tableName(tables.stats())
                .attributeDefinitions(OwnedTables.string(BUCKET), OwnedTables.string(ITEM_ID),
                        OwnedTables.number(VIEW_SCORE), OwnedTables.number(RATING_SCORE),
                        OwnedTables.number(TREND_SCORE))
                .keySchema(OwnedTables.partitionKey(BUCKET), OwnedTables.sortKey(ITEM_ID))
                .globalSecondaryIndexes(ranking(BY_VIEWS, VIEW_SCORE), ranking(BY_RATING, RATING_SCORE),
                        ranking(BY_TREND, TREND_SCORE))
                .build());
    }

    /** A chart: the rows of one bucket ordered by a score, whole rows projected so a chart is one query. */
    private static GlobalSecondaryIndex ranking(String name, String score) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(OwnedTables.partitionKey(BUCKET), OwnedTables.sortKey(score))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    /** Bucket of the genre copies an earlier version kept of an item's row (now only deleted). */
    public static String genreBucket(String genre) {
        return "genre#" + genre;
    }

    public Optional<Entry> find(String itemId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.stats())
                .key(key(ALL, itemId)).consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(toEntry(row));
    }

    /** The stored entries among {@code itemIds} (consistent reads), by item id. */
    public Map<String, Entry> findAll(Collection<String> itemIds) {
        Map<String, Entry> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(itemIds));
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))
                    .stream().map(id -> key(ALL, id)).toList();
            Map<String, KeysAndAttributes> request = Map.of(tables.stats(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(current));
                response.responses().getOrDefault(tables.stats(), List.of())
                        .forEach(row -> found.put(row.get(ITEM_ID).s(), toEntry(row)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * The highest rating change number applied for each of {@code userIds} that has one
     * (consistent reads); users absent from the answer have none.
     */
    public Map<String, Long> appliedSequences(Collection<String> userIds) {
        Map<String, Long> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))
                    .stream().map(StatsRepository::sequenceKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(tables.stats(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(current));
                for (Map<String, AttributeValue> row : response.responses().getOrDefault(tables.stats(), List.of())) {
                    if (row.containsKey(SEQUENCE)) {
                        found.put(row.get(BUCKET).s().substring(USER_PREFIX.length()), number(row.get(SEQUENCE)));
                    }
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /** The last offset of {@code topic}/{@code partition} already applied, or -1. */
    public long watermark(String topic, int partition) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.stats())
                .key(key(META, watermarkId(topic, partition))).consistentRead(true)).item();
        return row == null || !row.containsKey(OFFSET) ? -1 : Long.parseLong(row.get(OFFSET).n());
    }

    public Totals totals() {
        Map<String, KeysAndAttributes> request = Map.of(tables.stats(), KeysAndAttributes.builder()
                .keys(key(META, RATINGS_TOTAL), key(META, NEWEST)).consistentRead(true).build());
        long count = 0;
        long halves = 0;
        Long newest = null;
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(current));
            for (Map<String, AttributeValue> row : response.responses().getOrDefault(tables.stats(), List.of())) {
                if (RATINGS_TOTAL.equals(row.get(ITEM_ID).s())) {
                    count = number(row.get(COUNT));
                    halves = number(row.get(HALVES));
                } else if (row.containsKey(AT)) {
                    newest = number(row.get(AT));
                }
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return new Totals(count, halves, newest);
    }

    /**
     * A new state of an item's row.
     *
     * @param entry       the new state; its {@code version} is the stored one plus one
     * @param ratingScore top-rated score for the index, null when unrated
     * @param trendScore  trending score for the index, 0 when not rising
     */
    public record EntryWrite(Entry entry, Double ratingScore, double trendScore) {
    }

    /**
     * Changes of the catalog-wide rows and of a partition's watermark that go with some entry writes.
     *
     * @param watermarkExpected the watermark as read (-1: absent), checked so no offset is applied twice
     * @param newestExpected    the newest event time as read, checked when {@code newest} moves it
     */
    public record Progress(String topic, int partition, long watermarkExpected, long watermark,
                           long ratingsDelta, long halvesDelta, Long newestExpected, Long newest) {
    }

    /**
     * A user's numbered rating changes {@code first..last} applied with some entry writes: the
     * user's row moves to {@code last}, on condition that it is below {@code first}, so no change is
     * applied twice, whoever else applies the same user's changes.
     */
    public record SequenceWrite(String userId, long first, long last) {
    }

    /** A genre copy of an item's row, written by an earlier version, to delete. */
    public record GenreRemoval(String itemId, String genre) {
    }

    /**
     * Writes {@code writes} (each conditioned on the version it was computed from), deletes
     * {@code removals} and, when given, applies {@code progress}, all or nothing.
     *
     * @throws StatsConflictException if anything changed since it was read
     */
    public void commit(List<EntryWrite> writes, List<GenreRemoval> removals, Progress progress) {
        commit(writes, removals, List.of(), progress);
    }

    /**
     * As {@link #commit(List, List, Progress)}, also moving the users' applied rating numbers, in
     * the same transaction as the counters they guard.
     *
     * @throws StatsConflictException if anything changed since it was read, or a user's row is
     *                                already at or above the first number written for it
     */
    public void commit(List<EntryWrite> writes, List<GenreRemoval> removals, List<SequenceWrite> sequences,
                       Progress progress) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (EntryWrite write : writes) {
            addEntryActions(actions, write);
        }
        for (SequenceWrite sequence : sequences) {
            actions.add(TransactWriteItem.builder().update(u -> u.tableName(tables.stats())
                    .key(sequenceKey(sequence.userId())).updateExpression("SET #s = :last")
                    .conditionExpression("attribute_not_exists(#s) OR #s < :first")
                    .expressionAttributeNames(Map.of("#s", SEQUENCE))
                    .expressionAttributeValues(Map.of(":last", n(sequence.last()), ":first", n(sequence.first()))))
                    .build());
        }
        for (GenreRemoval removal : removals) {
            actions.add(TransactWriteItem.builder().delete(d -> d.tableName(tables.stats())
                    .key(key(genreBucket(removal.genre()), removal.itemId()))).build());
        }
        if (progress != null) {
            addProgressActions(actions, progress);
        }
        if (actions.isEmpty()) {
            return;
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(actions));
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                throw new StatsConflictException(e);
            }
            throw e;
        } catch (TransactionConflictException e) {
            throw new StatsConflictException(e);
        }
    }

    /** How many transaction actions writing {@code entry} takes: its row and the removal of old genre copies. */
    public static int actionsFor(Entry entry) {
        return 1 + entry.chartGenres().size();
    }

    /**
     * The first {@code limit} catalog items in the order of {@code ranking}'s index, best first; with
     * a {@code genre}, only that genre's, found among at most {@code maxRead} rows of the head.
     */
    public List<Entry> top(Ranking ranking, String genre, int limit, int maxRead) {
        String index = switch (ranking) {
            case VIEWS -> BY_VIEWS;
            case TOP_RATED -> BY_RATING;
            case TRENDING -> BY_TREND;
        };
        List<Entry> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int read = 0;
        do {
            Map<String, AttributeValue> from = start;
            int page = genre == null ? limit : Math.min(maxRead - read, Math.max(limit * 4, 100));
            QueryRequest.Builder query = QueryRequest.builder().tableName(tables.stats()).indexName(index)
                    .scanIndexForward(false).limit(page).exclusiveStartKey(from);
            if (genre == null) {
                query.keyConditionExpression("#b = :b").expressionAttributeNames(Map.of("#b", BUCKET))
                        .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(ALL)));
            } else {
                query.keyConditionExpression("#b = :b").filterExpression("contains(#g, :g)")
                        .expressionAttributeNames(Map.of("#b", BUCKET, "#g", GENRES))
                        .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(ALL),
                                ":g", AttributeValue.fromS(genre)));
            }
            QueryResponse response = dynamo.query(query.build());
            response.items().stream().map(StatsRepository::toEntry).limit(limit - found.size()).forEach(found::add);
            read += page;
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (genre != null && start != null && found.size() < limit && read < maxRead);
        return found;
    }

    private void addEntryActions(List<TransactWriteItem> actions, EntryWrite write) {
        Entry entry = write.entry();
        Map<String, AttributeValue> row = toRow(entry, write);
        Map<String, AttributeValue> allRow = new HashMap<>(row);
        allRow.put(BUCKET, AttributeValue.fromS(ALL));
        long expected = entry.version() - 1;
        actions.add(TransactWriteItem.builder().put(p -> {
            p.tableName(tables.stats()).item(allRow);
            if (expected == 0) {
                p.conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ITEM_ID));
            } else {
                p.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":v", n(expected)));
            }
        }).build());
    }

    private void addProgressActions(List<TransactWriteItem> actions, Progress progress) {
        actions.add(TransactWriteItem.builder().update(u -> {
            u.tableName(tables.stats()).key(key(META, watermarkId(progress.topic(), progress.partition())))
                    .updateExpression("SET #o = :o").expressionAttributeNames(Map.of("#o", OFFSET));
            if (progress.watermarkExpected() < 0) {
                u.conditionExpression("attribute_not_exists(#o)")
                        .expressionAttributeValues(Map.of(":o", n(progress.watermark())));
            } else {
                u.conditionExpression("#o = :e")
                        .expressionAttributeValues(Map.of(":o", n(progress.watermark()),
                                ":e", n(progress.watermarkExpected())));
            }
        }).build());
        if (progress.ratingsDelta() != 0 || progress.halvesDelta() != 0) {
            // Additions commute: no condition needed, the watermark guards against applying twice.
            actions.add(TransactWriteItem.builder().update(u -> u.tableName(tables.stats())
                    .key(key(META, RATINGS_TOTAL)).updateExpression("ADD #c :c, #h :h")
                    .expressionAttributeNames(Map.of("#c", COUNT, "#h", HALVES))
                    .expressionAttributeValues(Map.of(":c", n(progress.ratingsDelta()),
                            ":h", n(progress.halvesDelta())))).build());
        }
        if (progress.newest() != null && !progress.newest().equals(progress.newestExpected())) {
            actions.add(TransactWriteItem.builder().update(u -> {
                u.tableName(tables.stats()).key(key(META, NEWEST)).updateExpression("SET #t = :t")
                        .expressionAttributeNames(Map.of("#t", AT));
                if (progress.newestExpected() == null) {
                    u.conditionExpression("attribute_not_exists(#t)")
                            .expressionAttributeValues(Map.of(":t", n(progress.newest())));
                } else {
                    u.conditionExpression("#t = :e").expressionAttributeValues(Map.of(
                            ":t", n(progress.newest()), ":e", n(progress.newestExpected())));
                }
            }).build());
        }
    }

    private static Map<String, AttributeValue> sequenceKey(String userId) {
        return key(USER_PREFIX + userId, USER_RATINGS);
    }

    private static String watermarkId(String topic, int partition) {
        return "wm#" + topic + "#" + partition;
    }

    private static Map<String, AttributeValue> toRow(Entry entry, EntryWrite write) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(ITEM_ID, AttributeValue.fromS(entry.itemId()));
        if (entry.title() != null) {
            row.put(TITLE, AttributeValue.fromS(entry.title()));
        }
        if (entry.year() != null) {
            row.put(YEAR, n(entry.year()));
        }
        row.put(GENRES, strings(entry.genres()));
        row.put(ITEM_VERSION, n(entry.itemVersion()));
        row.put(CHART_GENRES, strings(entry.chartGenres()));
        row.put(VIEWS, n(entry.views()));
        row.put(RATINGS, n(entry.ratings()));
        row.put(RATING_HALVES, n(entry.ratingHalves()));
        if (entry.trendWindow() != null) {
            row.put(TREND_WINDOW, n(entry.trendWindow()));
        }
        row.put(TREND_CURRENT, n(entry.trendCurrent()));
        row.put(TREND_PREVIOUS, n(entry.trendPrevious()));
        row.put(VERSION, n(entry.version()));
        // Only catalog items are ranked: the index attributes are absent otherwise (sparse indexes).
        if (entry.inCatalog()) {
            if (entry.views() > 0) {
                row.put(VIEW_SCORE, n(entry.views()));
            }
            if (write.ratingScore() != null) {
                row.put(RATING_SCORE, decimal(write.ratingScore()));
            }
            if (write.trendScore() > 0) {
                row.put(TREND_SCORE, decimal(write.trendScore()));
            }
        }
        return row;
    }

    private static Entry toEntry(Map<String, AttributeValue> row) {
        return new Entry(row.get(ITEM_ID).s(), row.containsKey(TITLE) ? row.get(TITLE).s() : null,
                row.containsKey(YEAR) ? (int) number(row.get(YEAR)) : null, strings(row.get(GENRES)),
                number(row.get(ITEM_VERSION)), strings(row.get(CHART_GENRES)), number(row.get(VIEWS)),
                number(row.get(RATINGS)), number(row.get(RATING_HALVES)),
                row.containsKey(TREND_WINDOW) ? number(row.get(TREND_WINDOW)) : null,
                number(row.get(TREND_CURRENT)), number(row.get(TREND_PREVIOUS)), number(row.get(VERSION)));
    }

    private static Map<String, AttributeValue> key(String bucket, String itemId) {
        return Map.of(BUCKET, AttributeValue.fromS(bucket), ITEM_ID, AttributeValue.fromS(itemId));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue decimal(double value) {
        return AttributeValue.fromN(new BigDecimal(value).round(SCORE_PRECISION).toPlainString());
    }

    private static long number(AttributeValue value) {
        return value == null || value.n() == null ? 0 : new BigDecimal(value.n()).longValue();
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(AttributeValue value) {
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
