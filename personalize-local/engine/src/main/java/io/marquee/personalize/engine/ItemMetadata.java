package io.marquee.personalize.engine;

import java.util.Map;

/**
 * One row of an Items dataset (or a PutItems item): column name, upper case as in the schema
 * (e.g. {@code GENRES} = {@code "Action|Comedy"}, {@code CREATION_TIMESTAMP}), to its text value.
 */
public record ItemMetadata(String itemId, Map<String, String> fields) {
}
