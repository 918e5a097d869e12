package io.marquee.personalize.setup.export;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What Amazon Personalize's bulk import accepts in one row of a dataset file, checked before the
 * row is written: the schema's required fields and types, and Personalize's limits on ids, event
 * types, timestamps and categorical values. A row either passes whole or is refused with one
 * reason; nothing is truncated or repaired, so what reaches Personalize is what the platform holds.
 *
 * <p>Limits (Personalize's dataset and PutEvents documentation): USER_ID, ITEM_ID and EVENT_TYPE
 * 1 to 256 characters; a categorical value at most 1000 characters, categories separated by
 * {@code |}; TIMESTAMP in Unix epoch seconds. Stricter than Personalize on one point: no control
 * characters (line breaks, tabs, NUL) in any string. An id with a line break is valid CSV when
 * quoted, but it can never match the id the services send with PutEvents or ask a campaign for.
 */
public final class RowRules {

    /** Longest USER_ID, ITEM_ID and EVENT_TYPE. */
    public static final int MAX_ID_LENGTH = 256;
    /** Longest categorical value, separators included. */
    public static final int MAX_CATEGORICAL_LENGTH = 1000;
    /** Personalize's separator of the categories of one categorical value. */
    public static final String CATEGORY_SEPARATOR = "|";
    /** How far ahead of this machine's clock a timestamp may be (clocks of producers drift). */
    static final Duration FUTURE_SLACK = Duration.ofDays(1);

    private final DatasetSchema schema;
    private final Clock clock;

    public RowRules(DatasetSchema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    public DatasetSchema schema() {
        return schema;
    }

    /**
     * Why {@code values} (by column name; a missing or empty value is absent) cannot be written,
     * or empty when it can. Reasons are fixed texts (no values in them), so they count well.
     */
    public Optional<String> check(Map<String, String> values) {
        for (DatasetSchema.Field field : schema.fields()) {
            String value = values.get(field.name());
            if (value == null || value.isEmpty()) {
                if (!field.nullable()) {
                    return Optional.of(field.name() + " is missing");
                }
                continue;
            }
            Optional<String> problem = checkType(field, value).or(() -> checkLimits(field, value));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkType(DatasetSchema.Field field, String value) {
        String name = field.name();
        try {
            switch (field.type()) {
                case "int" -> Integer.parseInt(value);
                case "long" -> Long.parseLong(value);
                case "float", "double" -> {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d) || ("float".equals(field.type()) && Math.abs(d) > Float.MAX_VALUE)) {
                        return Optional.of(name + " is not a finite " + field.type());
                    }
                }
                case "boolean" -> {
                    if (!"true".equals(value) && !"false".equals(value)) {
                        return Optional.of(name + " is not a boolean");
                    }
                }
                case "string" -> {
                    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                        return Optional.of(name + " has a control character");
                    }
                }
                default -> throw new IllegalStateException("schema type " + field.type() + " of " + name);
            }
        } catch (NumberFormatException e) {
            return Optional.of(name + " is not " + ("int".equals(field.type()) ? "an int" : "a " + field.type()));
        }
        return Optional.empty();
    }

    private Optional<String> checkLimits(DatasetSchema.Field field, String value) {
        String name = field.name();
        int length = value.codePointCount(0, value.length());
        switch (name) {
            case "USER_ID", "ITEM_ID", "EVENT_TYPE" -> {
                if (length > MAX_ID_LENGTH) {
                    return Optional.of(name + " is longer than " + MAX_ID_LENGTH + " characters");
                }
                if (value.isBlank()) {
                    return Optional.of(name + " is blank");
                }
            }
            case "TIMESTAMP" -> {
                return epochSeconds(name, Long.parseLong(value));
            }
            default -> {
            }
        }
        if (field.categorical()) {
            if (length > MAX_CATEGORICAL_LENGTH) {
                return Optional.of(name + " is longer than " + MAX_CATEGORICAL_LENGTH + " characters");
            }
            for (String category : value.split("\\|", -1)) {
                if (category.isBlank()) {
                    return Optional.of(name + " has an empty category");
                }
            }
        }
        return Optional.empty();
    }

    /** Unix epoch seconds: after 1970 and not in the future; milliseconds are named as such. */
    private Optional<String> epochSeconds(String name, long seconds) {
        long latest = clock.instant().plus(FUTURE_SLACK).getEpochSecond();
        if (seconds <= 0) {
            return Optional.of(name + " is not after 1970-01-01 (epoch seconds)");
        }
        if (seconds > latest) {
            // Epoch seconds reach 10^11 only in the year 5138; a value that large and a thousandth of it
            // in range is a time in milliseconds.
            return Optional.of(seconds >= 100_000_000_000L && seconds / 1000 <= latest
                    ? name + " is in milliseconds, not epoch seconds" : name + " is in the future");
        }
        return Optional.empty();
    }

    /** A float or double as Personalize reads it: plain decimal, never an exponent. */
    public static String decimal(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }
}
