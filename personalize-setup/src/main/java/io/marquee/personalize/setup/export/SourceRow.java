package io.marquee.personalize.setup.export;

import java.util.Map;

/**
 * One record read from a store, as the columns of a dataset file, or the reason it could not be
 * turned into them (an unreadable Kafka record, an attribute of the wrong type).
 *
 * @param key     what identifies the record at its source, for the report (an item id, a Kafka offset)
 * @param values  by column name; absent or null when the record has no value for a column
 * @param problem null when {@code values} holds the record
 */
public record SourceRow(String key, Map<String, String> values, String problem) {

    public static SourceRow of(String key, Map<String, String> values) {
        return new SourceRow(key, values, null);
    }

    public static SourceRow unreadable(String key, String problem) {
        return new SourceRow(key, Map.of(), problem);
    }
}
