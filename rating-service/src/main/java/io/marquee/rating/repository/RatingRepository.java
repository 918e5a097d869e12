package io.marquee.rating.repository;

import io.marquee.common.tracing.TraceParent;
import io.marquee.sentiment.Label;
import io.marquee.sentiment.Sentiment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
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
    private static final String TRACEPARENT = TraceParent.HEADER;
    private static final String SENTIMENT = "sentiment";
    private static final String SENTIMENT_SCORE = "sentimentScore";
    private static final String SENTIMENT_SOURCE = "sentimentSource";
    private static final String HELPFUL = "helpful";
    private static final String FLAGS = "flags";
    /** Sort key of {@link RatingTables#SENTIMENT_INDEX}, on labelled reviews: {@code <label>#<millis>#<userId>}. */
    static final String SENTIMENT_KEY = "sentimentKey";
    /**
     * Sort key of {@link RatingTables#HELPFUL_INDEX}, on labelled reviews:
     * {@code <label>#<10-digit helpful count>#<millis>#<userId>}, so the last key of a label is its most helpful review.
     */
    static final String HELPFUL_KEY = "helpfulKey";
    /** Hash key of {@link RatingTables#FLAGGED_INDEX}: the constant {@value #FLAGGED}, only on flagged reviews. */
    static final String FLAG = "flag";
    static final String FLAGGED = "review";
    /** Sort key of {@link RatingTables#FLAGGED_INDEX}: {@code <millis>#<userId>/<itemId>}. */
    static final String FLAG_KEY = "flagKey";
    private static final String VOTE_REVIEW = "reviewId";
    private static final String VOTER = "voterId";
    private static final String SUMMARY_ITEM = "itemId";
    /**
     * The summary row's revision: moved in the transaction of every change that can change what
     * the item's summary shows (ADR 0041), with {@link #SUMMARY_CHANGED_AT}, epoch millis.
     */
    private static final String SUMMARY_REVISION = "revision";
    private static final String SUMMARY_CHANGED_AT = "changedAt";
    /** The revision the kept most helpful reviews were derived at, and when (epoch millis). */
    private static final String TOP_REVISION = "topRevision";
    private static final String TOP_AT = "topAt";
    /** The kept most helpful review of a label: {@code top<Label>}, e.g. {@code topPositive}; absent when none. */
    private static final String TOP_PREFIX = "top";
    private static final String TOP_TEXT = "review";
    private static final String TOP_SCORE = "score";

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
     * from {@code sequence - 1} to {@code sequence}, the number the caller gave the change's event;
     * the outbox row with that sequence is added.
     *
     * @throws ConcurrentChangeException if the rating or the head changed since they were read
     */
    public void commit(String userId, String itemId, Optional<RatingRow> previous, Optional<RatingRow> next,
                       long sequence, String ratingEvent, String interactionEvent, Instant now) {
        commit(userId, itemId, previous, next, sequence, ratingEvent, interactionEvent, now, SummaryChange.NONE);
    }

    /**
     * As {@link #commit(String, String, Optional, Optional, long, String, String, Instant)}, also
     * moving the item's review summary counters by {@code summary} in the same transaction, so the
     * shares can never drift from the labels stored.
     */
    public void commit(String userId, String itemId, Optional<RatingRow> previous, Optional<RatingRow> next,
                       long sequence, String ratingEvent, String interactionEvent, Instant now, SummaryChange summary) {
        if (sequence < 1) {
            throw new IllegalArgumentException("change numbers start at 1, not " + sequence);
        }
        List<TransactWriteItem> actions = new ArrayList<>(4);
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
        long head = sequence - 1;
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
        // The committing request's trace, kept with the row: the record may be sent later, by the relay.
        TraceParent.current().ifPresent(traceparent -> outboxRow.put(TRACEPARENT, s(traceparent)));
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(tables.outbox()).item(outboxRow)).build());
        summaryUpdate(itemId, summary, shown(previous) || shown(next), now).ifPresent(actions::add);
        transact(userId, itemId, actions);
    }

    /**
     * Stores a new label (and flags) for an existing rating without publishing anything: the
     * backfill's write. Guarded by the version like every change; moves the summary counters with it.
     *
     * @throws ConcurrentChangeException if the rating changed since it was read
     */
    public void relabel(RatingRow previous, RatingRow next, SummaryChange summary) {
        List<TransactWriteItem> actions = new ArrayList<>(2);
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(tables.ratings()).item(toRow(next))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                .expressionAttributeValues(Map.of(":v", n(previous.version())))).build());
        summaryUpdate(previous.itemId(), summary, shown(Optional.of(previous)) || shown(Optional.of(next)),
                Instant.now()).ifPresent(actions::add);
        transact(previous.userId(), previous.itemId(), actions);
    }

    /**
     * Adds ({@code add}) or removes a helpful vote of {@code voterId} on {@code review}, and stores the
     * review with its new count, all or nothing: the vote row is guarded by its absence (or
     * presence), the review by its version. A vote is recorded against the review's
     * {@code ratedAt}, so votes on a deleted review never count for a later one.
     *
     * @return false if there was nothing to do (already voted, or no vote to remove)
     * @throws ConcurrentChangeException if the review or the vote changed since they were read
     */
    public boolean vote(RatingRow review, String voterId, boolean add) {
        String reviewId = reviewId(review);
        Map<String, AttributeValue> voteKey = Map.of(VOTE_REVIEW, s(reviewId), VOTER, s(voterId));
        boolean exists = hasVote(review, voterId);
        if (exists == add) {
            return false;
        }
        RatingRow next = review.withHelpful(Math.max(0, review.helpful() + (add ? 1 : -1)));
        List<TransactWriteItem> actions = new ArrayList<>(3);
        Instant now = Instant.now();
        if (add) {
            Map<String, AttributeValue> vote = new HashMap<>(voteKey);
            vote.put(CREATED_AT, s(now.toString()));
            actions.add(TransactWriteItem.builder().put(p -> p.tableName(tables.votes()).item(vote)
                    .conditionExpression("attribute_not_exists(#r)").expressionAttributeNames(Map.of("#r", VOTE_REVIEW)))
                    .build());
        } else {
            actions.add(TransactWriteItem.builder().delete(d -> d.tableName(tables.votes()).key(voteKey)
                    .conditionExpression("attribute_exists(#r)").expressionAttributeNames(Map.of("#r", VOTE_REVIEW)))
                    .build());
        }
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(tables.ratings()).item(toRow(next))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                .expressionAttributeValues(Map.of(":v", n(review.version())))).build());
        // A labelled review's count orders the helpful index: the summary's most helpful may change.
        summaryUpdate(review.itemId(), SummaryChange.NONE, shown(Optional.of(review)), now).ifPresent(actions::add);
        transact(review.userId(), review.itemId(), actions);
        return true;
    }

    /** Whether {@code voterId} has marked this review helpful (consistent read). */
    public boolean hasVote(RatingRow review, String voterId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.votes())
                .key(Map.of(VOTE_REVIEW, s(reviewId(review)), VOTER, s(voterId))).consistentRead(true)).item();
        return row != null && !row.isEmpty();
    }

    private static String reviewId(RatingRow review) {
        return review.itemId() + "#" + review.userId() + "#" + review.ratedAt().toEpochMilli();
    }

    /** Whether the row is one an item's summary counts and may show: a review with a label. */
    private static boolean shown(Optional<RatingRow> row) {
        return row.isPresent() && row.get().labelledReview();
    }

    /**
     * The summary row's part of a change: the counters moved by {@code change}, and, when the change
     * touches a review the summary counts ({@code touched}), the revision moved on, so kept most
     * helpful reviews are known to be out of date (ADR 0041). ADD and SET only, never a condition:
     * parallel changes of one item's reviews do not conflict on it.
     */
    private Optional<TransactWriteItem> summaryUpdate(String itemId, SummaryChange change, boolean touched,
                                                      Instant now) {
        if (change.isEmpty() && !touched) {
            return Optional.empty();
        }
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (Label label : Label.values()) {
            int delta = change.delta(label);
            if (delta != 0) {
                String token = label.wire();
                adds.add("#" + token + " :" + token);
                names.put("#" + token, token);
                values.put(":" + token, n(delta));
            }
        }
        adds.add("#rev :one");
        names.put("#rev", SUMMARY_REVISION);
        names.put("#changed", SUMMARY_CHANGED_AT);
        values.put(":one", n(1));
        values.put(":now", n(now.toEpochMilli()));
        String expression = "ADD " + String.join(", ", adds) + " SET #changed = :now";
        return Optional.of(TransactWriteItem.builder().update(u -> u.tableName(tables.summaries())
                .key(Map.of(SUMMARY_ITEM, s(itemId))).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build());
    }

    /**
     * The item's summary row in one consistent read: counters, revision and the most helpful
     * reviews kept with it. Rows of builds before ADR 0041 read as revision 0 with nothing kept.
     */
    public StoredSummary summary(String itemId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.summaries())
                .key(Map.of(SUMMARY_ITEM, s(itemId))).consistentRead(true)).item();
        boolean exists = row != null && !row.isEmpty();
        Map<String, AttributeValue> r = exists ? row : Map.of();
        Map<Label, Long> counts = new java.util.EnumMap<>(Label.class);
        Map<Label, TopReview> top = new java.util.EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            AttributeValue v = r.get(label.wire());
            counts.put(label, v == null ? 0L : Math.max(0L, Long.parseLong(v.n())));
            AttributeValue kept = r.get(topName(label));
            if (kept != null && kept.hasM()) {
                top.put(label, toTopReview(kept.m()));
            }
        }
        return new StoredSummary(exists, counts, r.containsKey(SUMMARY_REVISION) ? Long.parseLong(r.get(SUMMARY_REVISION).n()) : 0,
                millis(r.get(SUMMARY_CHANGED_AT)),
                r.containsKey(TOP_REVISION) ? Long.parseLong(r.get(TOP_REVISION).n()) : null,
                millis(r.get(TOP_AT)), top);
    }

    /**
     * Keeps {@code top} (the most helpful review per label, derived from the helpful index) on the
     * item's summary row as revision {@code revision}'s, only if the revision has not moved since
     * it was read: a change committed meanwhile wins, and the next read derives again.
     *
     * @return false if the revision moved (nothing was written)
     */
    public boolean keepTop(String itemId, long revision, Map<Label, TopReview> top, Instant now) {
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        sets.add("#topRev = :rev");
        sets.add("#topAt = :now");
        names.put("#topRev", TOP_REVISION);
        names.put("#topAt", TOP_AT);
        names.put("#rev", SUMMARY_REVISION);
        values.put(":rev", n(revision));
        values.put(":now", n(now.toEpochMilli()));
        for (Label label : Label.values()) {
            String name = "#" + topName(label);
            TopReview review = top.get(label);
            names.put(name, topName(label));
            if (review != null) {
                sets.add(name + " = :" + topName(label));
                values.put(":" + topName(label), AttributeValue.fromM(toTopRow(review)));
            } else {
                removes.add(name);
            }
        }
        // Rows of older builds have no revision: they are revision 0 until a change moves it.
        String condition = revision == 0 ? "attribute_exists(#item) AND attribute_not_exists(#rev)"
                : "#rev = :rev";
        if (revision == 0) {
            names.put("#item", SUMMARY_ITEM);
        }
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            dynamo.updateItem(b -> b.tableName(tables.summaries()).key(Map.of(SUMMARY_ITEM, s(itemId)))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static String topName(Label label) {
        String wire = label.wire();
        return TOP_PREFIX + Character.toUpperCase(wire.charAt(0)) + wire.substring(1);
    }

    private static Map<String, AttributeValue> toTopRow(TopReview review) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(USER_ID, s(review.userId()));
        row.put(RATING, AttributeValue.fromN(Double.toString(review.rating())));
        row.put(TOP_TEXT, s(review.review()));
        row.put(HELPFUL, n(review.helpful()));
        row.put(TOP_SCORE, AttributeValue.fromN(Double.toString(review.score())));
        row.put(UPDATED_AT, s(review.updatedAt().toString()));
        return row;
    }

    private static TopReview toTopReview(Map<String, AttributeValue> row) {
        return new TopReview(row.get(USER_ID).s(), Double.parseDouble(row.get(RATING).n()), row.get(TOP_TEXT).s(),
                Integer.parseInt(row.get(HELPFUL).n()), Double.parseDouble(row.get(TOP_SCORE).n()),
                Instant.parse(row.get(UPDATED_AT).s()));
    }

    private static Instant millis(AttributeValue value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    private void transact(String userId, String itemId, List<TransactWriteItem> actions) {
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

    /** The item's reviews labelled {@code label}, newest change first, after the given index sort key. */
    public Page reviews(String itemId, Label label, String afterKey, int limit) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(tables.ratings()).indexName(RatingTables.SENTIMENT_INDEX)
                    .keyConditionExpression("#i = :i AND begins_with(#k, :k)")
                    .expressionAttributeNames(Map.of("#i", ITEM_ID, "#k", SENTIMENT_KEY))
                    .expressionAttributeValues(Map.of(":i", s(itemId), ":k", s(label.wire() + "#")))
                    .scanIndexForward(false).limit(limit + 1);
            if (afterKey != null) {
                b.exclusiveStartKey(Map.of(ITEM_ID, s(itemId), USER_ID, s(afterPart(afterKey.substring(afterKey.indexOf('#') + 1))),
                        SENTIMENT_KEY, s(afterKey)));
            }
        });
        return page(response, limit, SENTIMENT_KEY);
    }

    /** The item's most helpful review labelled {@code label} (the newest among equals), if any. */
    public Optional<RatingRow> mostHelpful(String itemId, Label label) {
        List<Map<String, AttributeValue>> rows = dynamo.query(b -> b.tableName(tables.ratings())
                .indexName(RatingTables.HELPFUL_INDEX)
                .keyConditionExpression("#i = :i AND begins_with(#k, :k)")
                .expressionAttributeNames(Map.of("#i", ITEM_ID, "#k", HELPFUL_KEY))
                .expressionAttributeValues(Map.of(":i", s(itemId), ":k", s(label.wire() + "#")))
                .scanIndexForward(false).limit(1)).items();
        return rows.isEmpty() ? Optional.empty() : Optional.of(toRating(rows.get(0)));
    }

    /** Reviews flagged for moderation, newest change first, after the given index sort key. */
    public Page flagged(String afterKey, int limit) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(tables.ratings()).indexName(RatingTables.FLAGGED_INDEX)
                    .keyConditionExpression("#f = :f").expressionAttributeNames(Map.of("#f", FLAG))
                    .expressionAttributeValues(Map.of(":f", s(FLAGGED))).scanIndexForward(false).limit(limit + 1);
            if (afterKey != null) {
                String ids = afterPart(afterKey);
                int slash = ids.indexOf('/');
                b.exclusiveStartKey(Map.of(FLAG, s(FLAGGED), FLAG_KEY, s(afterKey),
                        USER_ID, s(ids.substring(0, slash)), ITEM_ID, s(ids.substring(slash + 1))));
            }
        });
        return page(response, limit, FLAG_KEY);
    }

    /**
     * One page of a scan over all ratings, in the table's own order; {@code after} is the last
     * (userId, itemId) of the previous page. For the backfill, off the request path.
     */
    public ScanPage scan(String[] after, int limit) {
        var response = dynamo.scan(b -> {
            b.tableName(tables.ratings()).limit(limit).consistentRead(true);
            if (after != null) {
                b.exclusiveStartKey(key(after[0], after[1]));
            }
        });
        List<RatingRow> rows = response.items().stream().map(RatingRepository::toRating).toList();
        String[] last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? new String[] {response.lastEvaluatedKey().get(USER_ID).s(), response.lastEvaluatedKey().get(ITEM_ID).s()}
                : null;
        return new ScanPage(rows, last);
    }

    /** A page of a scan; {@code last} is null when the scan is complete. */
    public record ScanPage(List<RatingRow> ratings, String[] last) {
    }

    /** Whether {@code key} is a sentiment index key: a label, {@code #}, then an {@link #indexKey}. */
    public static boolean isSentimentKey(String key) {
        int hash = key.indexOf('#');
        return hash > 0 && Label.fromWire(key.substring(0, hash)) != null && isIndexKey(key.substring(hash + 1));
    }

    /** Whether {@code key} is a moderation index key: an {@link #indexKey} of {@code <userId>/<itemId>}. */
    public static boolean isFlagKey(String key) {
        return isIndexKey(key) && key.indexOf('/', 14) > 14 && key.indexOf('/', 14) < key.length() - 1;
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
            String reviewKey = indexKey(rating.updatedAt(), rating.userId());
            row.put(REVIEW, s(rating.review()));
            row.put(REVIEW_KEY, s(reviewKey));
            if (rating.sentiment() != null) {
                String label = rating.sentiment().label().wire();
                row.put(SENTIMENT, s(label));
                row.put(SENTIMENT_SCORE, AttributeValue.fromN(Double.toString(rating.sentiment().score())));
                row.put(SENTIMENT_SOURCE, s(rating.sentiment().source()));
                row.put(SENTIMENT_KEY, s(label + "#" + reviewKey));
                row.put(HELPFUL_KEY, s(String.format("%s#%010d#%s", label, rating.helpful(), reviewKey)));
            }
            if (!rating.flags().isEmpty()) {
                row.put(FLAGS, s(String.join(",", rating.flags())));
                row.put(FLAG, s(FLAGGED));
                row.put(FLAG_KEY, s(indexKey(rating.updatedAt(), rating.userId() + "/" + rating.itemId())));
            }
        }
        if (rating.helpful() > 0) {
            row.put(HELPFUL, n(rating.helpful()));
        }
        return row;
    }

    private static RatingRow toRating(Map<String, AttributeValue> row) {
        Sentiment sentiment = null;
        if (row.containsKey(SENTIMENT)) {
            Label label = Label.fromWire(row.get(SENTIMENT).s());
            if (label != null) {
                sentiment = new Sentiment(label, Double.parseDouble(row.get(SENTIMENT_SCORE).n()),
                        row.containsKey(SENTIMENT_SOURCE) ? row.get(SENTIMENT_SOURCE).s() : "local");
            }
        }
        return new RatingRow(row.get(USER_ID).s(), row.get(ITEM_ID).s(), Double.parseDouble(row.get(RATING).n()),
                row.containsKey(REVIEW) ? row.get(REVIEW).s() : null, Instant.parse(row.get(RATED_AT).s()),
                Instant.parse(row.get(UPDATED_AT).s()), Long.parseLong(row.get(VERSION).n()), sentiment,
                row.containsKey(HELPFUL) ? Integer.parseInt(row.get(HELPFUL).n()) : 0,
                row.containsKey(FLAGS) ? Arrays.asList(row.get(FLAGS).s().split(",")) : List.of());
    }

    private static OutboxRow toOutbox(Map<String, AttributeValue> row) {
        return new OutboxRow(row.get(USER_ID).s(), Long.parseLong(row.get(SEQUENCE).n()), row.get(RATING_EVENT).s(),
                row.containsKey(INTERACTION_EVENT) ? row.get(INTERACTION_EVENT).s() : null,
                row.containsKey(TRACEPARENT) ? row.get(TRACEPARENT).s() : null,
                Instant.parse(row.get(CREATED_AT).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
