package io.marquee.user.throttle.repository;

import static io.marquee.user.storage.Attributes.EXPIRES_AT;
import static io.marquee.user.storage.Attributes.n;
import static io.marquee.user.storage.Attributes.number;
import static io.marquee.user.storage.Attributes.s;

import io.marquee.user.storage.UserTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Failed-login counters in DynamoDB, so every replica sees the same counts: one row per key
 * (an account or a client address) with the failures of the current window and when the window
 * ends. A window starts at the first failure after the previous one ended (a fixed window, not a
 * sliding one: one row, one conditional write per failure). Rows expire by TTL when their window ends.
 */
@ApplicationScoped
public class LoginThrottleRepository {

    private static final String ID = "id";
    private static final String FAILURES = "failures";
    private static final String WINDOW_ENDS = "windowEnds";

    /** The counter of one key: failures so far and when the window ends (epoch milliseconds). */
    public record Window(long failures, Instant ends) {
    }

    private final DynamoDbClient dynamo;
    private final UserTables tables;

    public LoginThrottleRepository(DynamoDbClient dynamo, UserTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    /** The current window of {@code key}, if one is open at {@code now}. */
    public Optional<Window> current(String key, Instant now) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.loginThrottle())
                .key(Map.of(ID, s(key))).consistentRead(true)).item();
        if (row == null || row.isEmpty()) {
            return Optional.empty();
        }
        Instant ends = Instant.ofEpochMilli(number(row, WINDOW_ENDS));
        return ends.isAfter(now) ? Optional.of(new Window(number(row, FAILURES), ends)) : Optional.empty();
    }

    /** Counts one failure of {@code key}: in the open window, or in a new one ending at {@code now + window}. */
    public void recordFailure(String key, Instant now, java.time.Duration window) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                dynamo.updateItem(b -> b.tableName(tables.loginThrottle()).key(Map.of(ID, s(key)))
                        .updateExpression("ADD #f :one")
                        .conditionExpression("#w > :now")
                        .expressionAttributeNames(Map.of("#f", FAILURES, "#w", WINDOW_ENDS))
                        .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.toEpochMilli()))));
                return;
            } catch (ConditionalCheckFailedException noOpenWindow) {
                Instant ends = now.plus(window);
                try {
                    dynamo.putItem(b -> b.tableName(tables.loginThrottle())
                            .item(Map.of(ID, s(key), FAILURES, n(1), WINDOW_ENDS, n(ends.toEpochMilli()),
                                    EXPIRES_AT, n(ends.getEpochSecond() + 1)))
                            .conditionExpression("attribute_not_exists(#id) OR #w <= :now")
                            .expressionAttributeNames(Map.of("#id", ID, "#w", WINDOW_ENDS))
                            .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))));
                    return;
                } catch (ConditionalCheckFailedException windowOpenedMeanwhile) {
                    // Another replica opened a window between our two writes: count in that one.
                }
            }
        }
    }

    /** Forgets the failures of {@code key} (after a successful login). */
    public void clear(String key) {
        dynamo.deleteItem(b -> b.tableName(tables.loginThrottle()).key(Map.of(ID, s(key))));
    }
}
