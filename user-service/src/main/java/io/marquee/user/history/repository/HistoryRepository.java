package io.marquee.user.history.repository;

import static io.marquee.user.storage.Attributes.n;
import static io.marquee.user.storage.Attributes.number;
import static io.marquee.user.storage.Attributes.s;

import io.marquee.user.history.service.History;
import io.marquee.user.history.service.RatedItem;
import io.marquee.user.history.service.ViewedItem;
import io.marquee.user.storage.UserTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One row per user holding both lists (at most a few kilobytes), read in one consistent get and
 * replaced with a version check, so two consumers touching one user cannot lose each other's entries.
 */
@ApplicationScoped
public class HistoryRepository {

    private static final String USER_ID = "userId";
    private static final String VIEWED = "viewed";
    private static final String RATED = "rated";
    private static final String VERSION = "version";
    private static final String ITEM_ID = "itemId";
    private static final String AT = "at";
    private static final String RATING = "rating";
    private static final String EVENT_ID = "eventId";

    /** A stored history with the version it was read at (0: no row yet). */
    public record Versioned(History history, long version) {
    }

    private final DynamoDbClient dynamo;
    private final UserTables tables;

    public HistoryRepository(DynamoDbClient dynamo, UserTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    public Versioned find(String userId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.history())
                .key(Map.of(USER_ID, s(userId))).consistentRead(true)).item();
        if (row == null || row.isEmpty()) {
            return new Versioned(History.EMPTY, 0);
        }
        List<ViewedItem> viewed = row.getOrDefault(VIEWED, AttributeValue.fromL(List.of())).l().stream()
                .map(AttributeValue::m)
                .map(m -> new ViewedItem(m.get(ITEM_ID).s(), Instant.parse(m.get(AT).s())))
                .toList();
        List<RatedItem> rated = row.getOrDefault(RATED, AttributeValue.fromL(List.of())).l().stream()
                .map(AttributeValue::m)
                .map(m -> new RatedItem(m.get(ITEM_ID).s(), Double.parseDouble(m.get(RATING).n()),
                        Instant.parse(m.get(AT).s()), m.get(EVENT_ID).s()))
                .toList();
        return new Versioned(new History(viewed, rated), number(row, VERSION));
    }

    /** Stores {@code history} if the row is still at {@code readVersion}; false if it changed meanwhile. */
    public boolean replace(String userId, History history, long readVersion) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(USER_ID, s(userId));
        row.put(VIEWED, AttributeValue.fromL(history.viewed().stream().map(v -> AttributeValue.fromM(
                Map.of(ITEM_ID, s(v.itemId()), AT, s(v.at().toString())))).toList()));
        row.put(RATED, AttributeValue.fromL(history.rated().stream().map(r -> AttributeValue.fromM(
                Map.of(ITEM_ID, s(r.itemId()), RATING, AttributeValue.fromN(Double.toString(r.rating())),
                        AT, s(r.at().toString()), EVENT_ID, s(r.eventId())))).toList()));
        row.put(VERSION, n(readVersion + 1));
        try {
            dynamo.putItem(b -> {
                b.tableName(tables.history()).item(row);
                if (readVersion == 0) {
                    b.conditionExpression("attribute_not_exists(#u)").expressionAttributeNames(Map.of("#u", USER_ID));
                } else {
                    b.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                            .expressionAttributeValues(Map.of(":v", n(readVersion)));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }
}
