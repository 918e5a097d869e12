package io.marquee.ingest.sessions.repository;

import io.marquee.common.dynamo.DynamoTables;
import io.marquee.ingest.config.IngestTables;
import io.marquee.ingest.config.TablesConfig;
import io.marquee.ingest.sessions.service.ClosedSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Closed sessions in DynamoDB ({@code <prefix>sessions}): a user's by {@code userId} and start
 * (newest first), and a day's through the {@code by-day} index (UTC day of the start) for the
 * analytics. A session is written under a key made of its user, start and id, so storing it again
 * (a redelivery) changes nothing.
 */
@ApplicationScoped
public class SessionRepository {

    static final String USER_ID = "userId";
    static final String START_KEY = "startKey";
    static final String DAY = "day";
    static final String BY_DAY = "by-day";

    private final DynamoDbClient dynamo;
    private final String table;
    private final boolean createTable;

    public SessionRepository(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.prefix() + IngestTables.SESSIONS;
        this.createTable = tables.createAtStartup();
    }

    /** Creates the table when it is absent, where tables are created at startup ({@code ingest.tables.create-at-startup}). */
    public void createTableIfAbsent() {
        if (!createTable) {
            return;
        }
        DynamoTables.createIfAbsent(dynamo, CreateTableRequest.builder().tableName(table)
                .attributeDefinitions(
                        a -> a.attributeName(USER_ID).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(START_KEY).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(DAY).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(USER_ID).keyType(KeyType.HASH),
                        k -> k.attributeName(START_KEY).keyType(KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(BY_DAY)
                        .keySchema(k -> k.attributeName(DAY).keyType(KeyType.HASH),
                                k -> k.attributeName(START_KEY).keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    public String table() {
        return table;
    }

    public void save(ClosedSession s) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(USER_ID, AttributeValue.fromS(s.userId()));
        row.put(START_KEY, AttributeValue.fromS(s.start() + "#" + s.sessionId()));
        row.put(DAY, AttributeValue.fromS(LocalDate.ofInstant(s.start(), ZoneOffset.UTC).toString()));
        row.put("sessionId", AttributeValue.fromS(s.sessionId()));
        row.put("start", AttributeValue.fromS(s.start().toString()));
        row.put("end", AttributeValue.fromS(s.end().toString()));
        row.put("events", AttributeValue.fromN(Long.toString(s.events())));
        putIfPresent(row, "entryPage", s.entryPage());
        putIfPresent(row, "exitPage", s.exitPage());
        putIfPresent(row, "device", s.device());
        if (!s.items().isEmpty()) {
            row.put("items", AttributeValue.fromL(s.items().stream().map(AttributeValue::fromS).toList()));
        }
        row.put("viewed", AttributeValue.fromBool(s.viewed()));
        row.put("ratedAfterView", AttributeValue.fromBool(s.ratedAfterView()));
        dynamo.putItem(b -> b.tableName(table).item(row));
    }

    /** A user's latest sessions, newest first. */
    public List<ClosedSession> ofUser(String userId, int limit) {
        QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", USER_ID))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                .scanIndexForward(false).limit(limit).build());
        return page.items().stream().map(SessionRepository::session).toList();
    }

    /** Every session that started on this UTC day. */
    public List<ClosedSession> ofDay(LocalDate day) {
        List<ClosedSession> sessions = new ArrayList<>();
        Map<String, AttributeValue> from = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BY_DAY)
                    .keyConditionExpression("#d = :d").expressionAttributeNames(Map.of("#d", DAY))
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(day.toString())));
            if (from != null) {
                query.exclusiveStartKey(from);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(row -> sessions.add(session(row)));
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
        return sessions;
    }

    private static ClosedSession session(Map<String, AttributeValue> row) {
        return new ClosedSession(row.get("sessionId").s(), row.get(USER_ID).s(), Instant.parse(row.get("start").s()),
                Instant.parse(row.get("end").s()), Long.parseLong(row.get("events").n()), text(row, "entryPage"),
                text(row, "exitPage"), row.containsKey("items") ? row.get("items").l().stream().map(AttributeValue::s).toList()
                        : List.of(), text(row, "device"), row.get("viewed").bool(), row.get("ratedAfterView").bool());
    }

    private static String text(Map<String, AttributeValue> row, String name) {
        return row.containsKey(name) ? row.get(name).s() : null;
    }

    private static void putIfPresent(Map<String, AttributeValue> row, String name, String value) {
        if (value != null) {
            row.put(name, AttributeValue.fromS(value));
        }
    }
}
