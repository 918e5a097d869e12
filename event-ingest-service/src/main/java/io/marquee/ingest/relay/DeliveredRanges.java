package io.marquee.ingest.relay;

import io.marquee.common.dynamo.DynamoTables;
import io.marquee.ingest.config.IngestTables;
import io.marquee.ingest.config.RelayConfig;
import io.marquee.ingest.config.TablesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What the relay is done with, as one DynamoDB item per partition and flush rather than one per
 * event (docs/adr/0030): an item names the partition, the lowest offset it covers, and the ids of
 * the events handled there (delivered, or dead-lettered). A relay that takes a partition reads
 * back the items from a window of offsets below where it starts ({@link #since}), so it neither
 * sends again what its predecessor delivered and did not commit, nor what a client resent shortly
 * after.
 */
@ApplicationScoped
public class DeliveredRanges {

    private static final Logger LOG = Logger.getLogger(DeliveredRanges.class);
    static final String PARTITION = "partition";
    /** {@code <offset, 19 digits>:<writer>:<seq>}: ordered by offset, unique per writer and flush. */
    static final String POSITION = "position";
    static final String DELIVERED = "delivered";
    static final String DEAD_LETTERED = "deadLettered";
    static final String LAST_OFFSET = "lastOffset";
    /** Epoch seconds after which the item may be forgotten (the table's TTL attribute). */
    static final String EXPIRES_AT = "expiresAt";
    /** DynamoDB's BatchWriteItem takes at most 25 items. */
    static final int MAX_WRITE = 25;
    /**
     * Bytes of ids per item, well under DynamoDB's 400 KB item limit: a flush holding more for one
     * partition becomes several items (ids on the topic are not bounded by the accept rules).
     */
    static final int MAX_ID_BYTES_PER_ITEM = 300_000;

    /** What became of an event. */
    public enum Outcome { DELIVERED, DEAD_LETTERED }

    /** An event the relay is done with, where it was on the topic. */
    public record Handled(TopicPartition partition, long offset, String eventId, Outcome outcome) {
    }

    private final DynamoDbClient dynamo;
    private final RelayConfig config;
    private final String table;
    private final boolean createTable;
    private final Clock clock = Clock.systemUTC();
    /** Keeps this process's items apart from any other writer's, whatever offsets they cover. */
    private final String writer = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong seq = new AtomicLong();

    public DeliveredRanges(DynamoDbClient dynamo, RelayConfig config, TablesConfig tables) {
        this.dynamo = dynamo;
        this.config = config;
        this.table = tables.prefix() + IngestTables.RELAY_DELIVERED_RANGES;
        this.createTable = tables.createAtStartup();
    }

    /**
     * Creates the table when it is absent and asks DynamoDB to expire old items, where tables are
     * created at startup ({@code ingest.tables.create-at-startup}); elsewhere they are provisioned.
     */
    public void createTableIfAbsent() {
        if (!createTable) {
            return;
        }
        DynamoTables.createIfAbsent(dynamo, CreateTableRequest.builder().tableName(table)
                .attributeDefinitions(a -> a.attributeName(PARTITION).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(POSITION).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(PARTITION).keyType(KeyType.HASH),
                        k -> k.attributeName(POSITION).keyType(KeyType.RANGE)));
        try {
            dynamo.updateTimeToLive(r -> r.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
        } catch (RuntimeException e) {
            // Already enabled (a ValidationException), or an engine without TTL: items then stay, harmlessly.
            LOG.debugf("TTL on %s not changed: %s", table, e.getMessage());
        }
    }

    public String table() {
        return table;
    }

    /**
     * Ids handled on {@code partition} at offsets from {@code fromOffset} on, as recorded by any
     * relay; when an id was handled twice (dead-lettered, then replayed and delivered), the later.
     */
    public Map<String, Outcome> since(TopicPartition partition, long fromOffset) {
        Map<String, Outcome> found = new LinkedHashMap<>();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#p = :p AND #o >= :o")
                .expressionAttributeNames(Map.of("#p", PARTITION, "#o", POSITION))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(key(partition)),
                        ":o", AttributeValue.fromS(offset(Math.max(0, fromOffset)))));
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                // Items come in offset order: a later outcome replaces an earlier one.
                idsOf(item, DEAD_LETTERED).forEach(id -> found.put(id, Outcome.DEAD_LETTERED));
                idsOf(item, DELIVERED).forEach(id -> found.put(id, Outcome.DELIVERED));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    /** Records these events as handled: one item per partition (more when its ids are many), 25 items a request. */
    public void record(List<Handled> handled) {
        if (handled.isEmpty()) {
            return;
        }
        Map<TopicPartition, List<Handled>> byPartition = new HashMap<>();
        handled.forEach(h -> byPartition.computeIfAbsent(h.partition(), k -> new ArrayList<>()).add(h));
        String expiresAt = Long.toString(clock.instant().plus(config.rememberDelivered()).getEpochSecond());
        List<WriteRequest> writes = new ArrayList<>();
        for (Map.Entry<TopicPartition, List<Handled>> partition : byPartition.entrySet()) {
            List<Handled> chunk = new ArrayList<>();
            int bytes = 0;
            for (Handled h : partition.getValue()) {
                int size = h.eventId().getBytes(StandardCharsets.UTF_8).length;
                if (!chunk.isEmpty() && bytes + size > MAX_ID_BYTES_PER_ITEM) {
                    writes.add(item(partition.getKey(), chunk, expiresAt));
                    chunk = new ArrayList<>();
                    bytes = 0;
                }
                chunk.add(h);
                bytes += size;
            }
            writes.add(item(partition.getKey(), chunk, expiresAt));
        }
        for (int from = 0; from < writes.size(); from += MAX_WRITE) {
            Map<String, List<WriteRequest>> request = Map.of(table, writes.subList(from, Math.min(writes.size(), from + MAX_WRITE)));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> pending = request;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(pending));
                request = response.unprocessedItems();
            }
        }
    }

    private WriteRequest item(TopicPartition partition, List<Handled> chunk, String expiresAt) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<String> delivered = new ArrayList<>();
        List<String> dead = new ArrayList<>();
        for (Handled h : chunk) {
            first = Math.min(first, h.offset());
            last = Math.max(last, h.offset());
            (h.outcome() == Outcome.DELIVERED ? delivered : dead).add(h.eventId());
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION, AttributeValue.fromS(key(partition)));
        item.put(POSITION, AttributeValue.fromS(offset(first) + ":" + writer + ":" + seq.incrementAndGet()));
        item.put(LAST_OFFSET, AttributeValue.fromN(Long.toString(last)));
        item.put(EXPIRES_AT, AttributeValue.fromN(expiresAt));
        // A string set may not be empty: an item without delivered (or dead-lettered) ids leaves it out.
        if (!delivered.isEmpty()) {
            item.put(DELIVERED, AttributeValue.fromSs(delivered.stream().distinct().toList()));
        }
        if (!dead.isEmpty()) {
            item.put(DEAD_LETTERED, AttributeValue.fromSs(dead.stream().distinct().toList()));
        }
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static List<String> idsOf(Map<String, AttributeValue> item, String attribute) {
        AttributeValue ids = item.get(attribute);
        return ids == null || !ids.hasSs() ? List.of() : ids.ss();
    }

    static String key(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }

    /** Zero-padded, so that the sort key's string order is the offsets' order. */
    static String offset(long offset) {
        return String.format("%019d", offset);
    }
}
