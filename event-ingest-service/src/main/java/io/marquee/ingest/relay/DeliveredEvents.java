package io.marquee.ingest.relay;

import io.marquee.common.dynamo.DynamoTables;
import io.marquee.ingest.config.IngestTables;
import io.marquee.ingest.config.RelayConfig;
import io.marquee.ingest.config.TablesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Event ids the relay is done with (the tracker took them, or they were dead-lettered),
 * remembered for a while in DynamoDB so that every replica (and a replica after a restart)
 * recognises a redelivered event: Kafka redelivers what was handled but not yet committed when a
 * relay stopped or the broker went away, and a client may send an accepted batch again after a
 * 503. See docs/adr/0014.
 */
@ApplicationScoped
public class DeliveredEvents {

    private static final Logger LOG = Logger.getLogger(DeliveredEvents.class);
    static final String EVENT_ID = "eventId";
    /** Epoch seconds after which the id may be forgotten (the table's TTL attribute). */
    static final String EXPIRES_AT = "expiresAt";
    static final String OUTCOME = "outcome";

    /** What became of an event. */
    public enum Outcome { DELIVERED, DEAD_LETTERED }
    /** DynamoDB's BatchGetItem takes at most 100 keys. */
    static final int MAX_GET = 100;
    /** DynamoDB's BatchWriteItem takes at most 25 items. */
    static final int MAX_WRITE = 25;

    private final DynamoDbClient dynamo;
    private final RelayConfig config;
    private final String table;
    private final boolean createTable;
    private final Clock clock = Clock.systemUTC();

    public DeliveredEvents(DynamoDbClient dynamo, RelayConfig config, TablesConfig tables) {
        this.dynamo = dynamo;
        this.config = config;
        this.table = tables.prefix() + IngestTables.RELAY_DELIVERED;
        this.createTable = tables.createAtStartup();
    }

    /**
     * Creates the table when it is absent and asks DynamoDB to expire old ids, where tables are
     * created at startup ({@code ingest.tables.create-at-startup}); elsewhere they are provisioned.
     */
    public void createTableIfAbsent() {
        if (!createTable) {
            return;
        }
        DynamoTables.createIfAbsent(dynamo, CreateTableRequest.builder().tableName(table)
                .attributeDefinitions(a -> a.attributeName(EVENT_ID).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(EVENT_ID).keyType(KeyType.HASH)));
        try {
            dynamo.updateTimeToLive(r -> r.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
        } catch (RuntimeException e) {
            // Already enabled (a ValidationException), or an engine without TTL: ids then stay, harmlessly.
            LOG.debugf("TTL on %s not changed: %s", table, e.getMessage());
        }
    }

    public String table() {
        return table;
    }

    /** What became of those of these ids the relay handled before. */
    public Map<String, Outcome> handled(Collection<String> eventIds) {
        Map<String, Outcome> found = new HashMap<>();
        List<String> ids = List.copyOf(new HashSet<>(eventIds));
        for (int from = 0; from < ids.size(); from += MAX_GET) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + MAX_GET)).stream()
                    .map(id -> Map.of(EVENT_ID, AttributeValue.fromS(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression(EVENT_ID + "," + OUTCOME).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
                response.responses().getOrDefault(table, List.of()).forEach(row -> found.put(row.get(EVENT_ID).s(),
                        row.containsKey(OUTCOME) ? Outcome.valueOf(row.get(OUTCOME).s()) : Outcome.DELIVERED));
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    /** Remembers what became of these ids. */
    public void remember(Collection<String> eventIds, Outcome outcome) {
        String expiresAt = Long.toString(clock.instant().plus(config.rememberDelivered()).getEpochSecond());
        List<WriteRequest> writes = new ArrayList<>();
        for (String id : new HashSet<>(eventIds)) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    EVENT_ID, AttributeValue.fromS(id), OUTCOME, AttributeValue.fromS(outcome.name()),
                    EXPIRES_AT, AttributeValue.fromN(expiresAt))).build()).build());
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
}
