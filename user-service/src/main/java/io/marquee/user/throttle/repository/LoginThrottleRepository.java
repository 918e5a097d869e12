package io.marquee.user.throttle.repository;

import static io.marquee.user.storage.Attributes.EXPIRES_AT;
import static io.marquee.user.storage.Attributes.n;
import static io.marquee.user.storage.Attributes.number;
import static io.marquee.user.storage.Attributes.s;

import io.marquee.user.storage.UserTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Login-attempt counters in DynamoDB, so every replica sees the same counts: one row per key
 * (an account or a client address) with the attempts of the current window that were not
 * successes, and when the window ends. A window starts at the first failure after the previous one ended (a fixed window, not a
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

    /**
     * Counts one attempt of {@code key} unless {@code max} are already counted in the open window,
     * in one conditional write, so parallel attempts cannot all pass a check made before any of
     * them was counted. A new window, ending at {@code now + window}, opens when none is open.
     *
     * @return empty when the attempt was counted, else when the open window ends
     */
    public Optional<Instant> tryCount(String key, int max, Instant now, Duration window) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                dynamo.updateItem(b -> b.tableName(tables.loginThrottle()).key(Map.of(ID, s(key)))
                        .updateExpression("ADD #f :one")
                        .conditionExpression("#w > :now AND #f < :max")
                        .expressionAttributeNames(Map.of("#f", FAILURES, "#w", WINDOW_ENDS))
                        .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.toEpochMilli()),
                                ":max", n(max))));
                return Optional.empty();
            } catch (ConditionalCheckFailedException notCounted) {
                Optional<Window> open = current(key, now);
                if (open.isPresent()) {
                    if (open.get().failures() >= max) {
                        return Optional.of(open.get().ends());
                    }
                    continue; // the window changed between the two reads: count again
                }
                Instant ends = now.plus(window);
                try {
                    dynamo.putItem(b -> b.tableName(tables.loginThrottle())
                            .item(Map.of(ID, s(key), FAILURES, n(1), WINDOW_ENDS, n(ends.toEpochMilli()),
                                    EXPIRES_AT, n(ends.getEpochSecond() + 1)))
                            .conditionExpression("attribute_not_exists(#id) OR #w <= :now")
                            .expressionAttributeNames(Map.of("#id", ID, "#w", WINDOW_ENDS))
                            .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))));
                    return Optional.empty();
                } catch (ConditionalCheckFailedException windowOpenedMeanwhile) {
                    // Another request opened a window between our two writes: count in that one.
                }
            }
        }
        // Lost five races in a row: many attempts at this key right now. Refuse rather than let
        // one through uncounted.
        return Optional.of(now.plusSeconds(1));
    }

    /** Takes back one counted attempt of {@code key} (it was not a failure after all). */
    public void uncount(String key) {
        try {
            dynamo.updateItem(b -> b.tableName(tables.loginThrottle()).key(Map.of(ID, s(key)))
                    .updateExpression("ADD #f :minusOne")
                    .conditionExpression("#f > :zero")
                    .expressionAttributeNames(Map.of("#f", FAILURES))
                    .expressionAttributeValues(Map.of(":minusOne", n(-1), ":zero", n(0))));
        } catch (ConditionalCheckFailedException nothingCounted) {
            // The window ended or the row expired meanwhile: nothing to take back.
        }
    }

    /** Forgets the failures of {@code key} (after a successful login). */
    public void clear(String key) {
        dynamo.deleteItem(b -> b.tableName(tables.loginThrottle()).key(Map.of(ID, s(key))));
    }
}
