package io.marquee.rating.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * DynamoDB storage of ratings, of the outbox and of each user's change sequence. A rating never
 * changes without its outbox row: both, and the user's sequence head, are written in one
 * transaction guarded by the rating's version and the head's value.
 */
@ApplicationScoped
public class RatingRepository {

    static final String USER_ID = "userId";
    static final String ITEM_ID = "itemId";
    /** Sort key of {@link RatingTables#BY_USER_INDEX}: {@code <13-digit epoch millis>#<itemId>}. */
    static final String BY_USER_KEY = "byUserKey";
    /** Sort key of {@link RatingTables#REVIEWS_INDEX}, only on rows with a review: {@code <millis>#<userId>}. */
    static final String REVIEW_KEY = "reviewKey";
    static final String SEQUENCE = "seq";
    private static final String RATING = "rating";
    private static final String REVIEW = "review";
    private static final String RATED_AT = "ratedAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";
    private static final String RATING_EVENT = "ratingEvent";
    private static final String INTERACTION_EVENT = "interactionEvent";
    private static final String CREATED_AT = "createdAt";

    private final DynamoDbClient dynamo;
    private final RatingTables tables;

    public RatingRepository(DynamoDbClient dynamo, RatingTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    /** The user's current rating of the item (consistent read). */
    public Optional<RatingRow> find(String userId, String itemId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.ratings())
                .key(key(userId, itemId)).consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(toRating(row));
    }

    /** The sequence number of the user's newest outbox row ever written, 0 if none. */
    public long head(String userId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.heads())
                .key(Map.of(USER_ID, s(userId))).consistentRead(true)).item();
        return row == null || row.isEmpty() ? 0 : Long.parseLong(row.get(SEQUENCE).n());
    }

    /**
     * Commits one change, all or nothing: the rating becomes {@code next} (or is deleted when
     * {@code next} is empty) only if it is still {@code previous}; the user's sequence head moves
     * from {@code head} to {@code head + 1}; the outbox row with that sequence is added.
     *
     * @throws ConcurrentChangeException if the rating or the head changed since they were read
     */
    public void commit(String userId, String itemId, Optional<RatingRow> previous, Optional<RatingRow> next,
                       long head, String ratingEvent, String interactionEvent, Instant now) {
        List<TransactWriteItem> actions = new ArrayList<>(3);
        Map<String, String> versionName = Map.of("#v", VERSION);
        if (next.isPresent()) {
            actions.add(TransactWriteItem.builder().put(p -> {
                p.tableName(tables.ratings()).item(toRow(next.get()));
                if (previous.isEmpty()) {
                    p.conditionExpression("attribute_not_exists(#u)").expressionAttributeNames(Map.of("#u", USER_ID));
                } else {
                    p.conditionExpression("#v = :v").expressionAttributeNames(versionName)
                            .expressionAttributeValues(Map.of(":v", n(previous.get().version())));
                }
            }).build());
        } else {
            RatingRow old = previous.orElseThrow(() -> new IllegalArgumentException("nothing to delete"));
            actions.add(TransactWriteItem.builder().delete(d -> d.tableName(tables.ratings())
                    .key(key(userId, itemId)).conditionExpression("#v = :v").expressionAttributeNames(versionName)
                    .expressionAttributeValues(Map.of(":v", n(old.version())))).build());
        }
        long sequence = head + 1;
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(tables.heads())
                .item(Map.of(USER_ID, s(userId), SEQUENCE, n(sequence)))
                .conditionExpression(head == 0 ? "attribute_not_exists(#s)" : "#s = :s")
                .expressionAttributeNames(Map.of("#s", SEQUENCE))
                .expressionAttributeValues(head == 0 ? null : Map.of(":s", n(head)))).build());
        Map<String, AttributeValue> outboxRow = new HashMap<>();
        outboxRow.put(USER_ID, s(userId));
        outboxRow.put(SEQUENCE, n(sequence));
        outboxRow.put(RATING_EVENT, s(ratingEvent));
        if (interactionEvent != null) {
            outboxRow.put(INTERACTION_EVENT, s(interactionEvent));
        }
        outboxRow.put(CREATED_AT, s(now.toString()));
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(tables.outbox()).item(outboxRow)).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(actions));
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                throw new ConcurrentChangeException(userId, itemId, e);
            }
            throw e;
        } catch (TransactionConflictException e) {
            throw new ConcurrentChangeException(userId, itemId, e);
        }
    }

    /** The user's ratings, newest change first, after the given index sort key. */
    public Page byUser(String userId, String afterKey, int limit) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(tables.ratings()).indexName(RatingTables.BY_USER_INDEX)
                    .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", USER_ID))
                    .expressionAttributeValues(Map.of(":u", s(userId))).scanIndexForward(false).limit(limit + 1);
            if (afterKey != null) {
                b.exclusiveStartKey(Map.of(USER_ID, s(userId), ITEM_ID, s(afterPart(afterKey)),
                        BY_USER_KEY, s(afterKey)));
            }
        });
        return page(response, limit, BY_USER_KEY);
    }

    /** The item's ratings that carry a review, newest change first, after the given index sort key. */
    public Page reviews(String itemId, String afterKey, int limit) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(tables.ratings()).indexName(RatingTables.REVIEWS_INDEX)
                    .keyConditionExpression("#i = :i").expressionAttributeNames(Map.of("#i", ITEM_ID))
                    .expressionAttributeValues(Map.of(":i", s(itemId))).scanIndexForward(false).limit(limit + 1);
            if (afterKey != null) {
                b.exclusiveStartKey(Map.of(ITEM_ID, s(itemId), USER_ID, s(afterPart(afterKey)),
                        REVIEW_KEY, s(afterKey)));
            }
        });
        return page(response, limit, REVIEW_KEY);
    }

    /** A page of ratings; {@code lastKey} (the index sort key of the last row) is set only when more follow. */
    public record Page(List<RatingRow> ratings, String lastKey) {
    }

    /**
     * An index sort key: the change time as 13 zero-padded digits of epoch millis (so text order
     * is time order), then {@code #} and the id that makes it unique.
     */
    public static String indexKey(Instant time, String id) {
        return String.format("%013d#%s", time.toEpochMilli(), id);
    }

    /** Whether {@code key} has the shape of {@link #indexKey}. */
    public static boolean isIndexKey(String key) {
        return key.length() > 14 && key.charAt(13) == '#' && key.substring(0, 13).chars().allMatch(Character::isDigit);
    }

    private static String afterPart(String indexKey) {
        return indexKey.substring(14);
    }

    private static Page page(QueryResponse response, int limit, String sortKey) {
        List<Map<String, AttributeValue>> rows = response.items();
        boolean more = rows.size() > limit;
        List<Map<String, AttributeValue>> page = more ? rows.subList(0, limit) : rows;
        String last = more ? page.get(page.size() - 1).get(sortKey).s() : null;
        return new Page(page.stream().map(RatingRepository::toRating).toList(), last);
    }

    /** Up to {@code limit} of the user's unpublished changes, oldest first (consistent read). */
    public List<OutboxRow> pending(String userId, int limit) {
        return dynamo.query(b -> b.tableName(tables.outbox()).keyConditionExpression("#u = :u")
                        .expressionAttributeNames(Map.of("#u", USER_ID))
                        .expressionAttributeValues(Map.of(":u", s(userId)))
                        .consistentRead(true).scanIndexForward(true).limit(limit))
                .items().stream().map(RatingRepository::toOutbox).toList();
    }

    /** Removes an outbox row once Kafka has acknowledged its events. */
    public void published(String userId, long sequence) {
        dynamo.deleteItem(b -> b.tableName(tables.outbox()).key(Map.of(USER_ID, s(userId), SEQUENCE, n(sequence))));
    }

    /**
     * Every outbox row, oldest first per user. A scan, but off the request path: the relay runs it
     * now and then, and the table only holds what the broker has not acknowledged yet.
     */
    public List<OutboxRow> allPending() {
        List<OutboxRow> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamo.scan(b -> {
                b.tableName(tables.outbox()).consistentRead(true);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            response.items().forEach(row -> rows.add(toOutbox(row)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    private static Map<String, AttributeValue> key(String userId, String itemId) {
        return Map.of(USER_ID, s(userId), ITEM_ID, s(itemId));
    }

    private static Map<String, AttributeValue> toRow(RatingRow rating) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(USER_ID, s(rating.userId()));
        row.put(ITEM_ID, s(rating.itemId()));
        row.put(RATING, AttributeValue.fromN(Double.toString(rating.rating())));
        row.put(RATED_AT, s(rating.ratedAt().toString()));
        row.put(UPDATED_AT, s(rating.updatedAt().toString()));
        row.put(VERSION, n(rating.version()));
        row.put(BY_USER_KEY, s(indexKey(rating.updatedAt(), rating.itemId())));
        if (rating.review() != null) {
            row.put(REVIEW, s(rating.review()));
            row.put(REVIEW_KEY, s(indexKey(rating.updatedAt(), rating.userId())));
        }
        return row;
    }

    private static RatingRow toRating(Map<String, AttributeValue> row) {
        return new RatingRow(row.get(USER_ID).s(), row.get(ITEM_ID).s(), Double.parseDouble(row.get(RATING).n()),
                row.containsKey(REVIEW) ? row.get(REVIEW).s() : null, Instant.parse(row.get(RATED_AT).s()),
                Instant.parse(row.get(UPDATED_AT).s()), Long.parseLong(row.get(VERSION).n()));
    }

    private static OutboxRow toOutbox(Map<String, AttributeValue> row) {
        return new OutboxRow(row.get(USER_ID).s(), Long.parseLong(row.get(SEQUENCE).n()), row.get(RATING_EVENT).s(),
                row.containsKey(INTERACTION_EVENT) ? row.get(INTERACTION_EVENT).s() : null,
                Instant.parse(row.get(CREATED_AT).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
