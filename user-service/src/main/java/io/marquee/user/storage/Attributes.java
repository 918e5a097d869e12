package io.marquee.user.storage;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Small conversions every repository of this service needs. */
public final class Attributes {

    /** The TTL attribute (epoch seconds) of the tables whose rows expire. */
    public static final String EXPIRES_AT = "expiresAt";

    private Attributes() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue epochSeconds(Instant instant) {
        return n(instant.getEpochSecond());
    }

    public static String string(Map<String, AttributeValue> row, String name) {
        AttributeValue value = row.get(name);
        return value == null ? null : value.s();
    }

    public static Long number(Map<String, AttributeValue> row, String name) {
        AttributeValue value = row.get(name);
        return value == null || value.n() == null ? null : Long.valueOf(value.n());
    }

    /** Whether a cancelled transaction failed on the condition of action {@code index}. */
    public static boolean conditionFailed(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    /** Whether a cancelled transaction lost a race with another transaction (worth retrying). */
    public static boolean conflicted(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch("TransactionConflict"::equals);
    }
}
