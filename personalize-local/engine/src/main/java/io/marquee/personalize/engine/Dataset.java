package io.marquee.personalize.engine;

import java.util.List;
import java.util.Map;

/**
 * What a solution version trains on: the dataset group's interactions (any order) and the
 * optional item and user metadata, keyed by id.
 */
public record Dataset(List<Interaction> interactions, Map<String, ItemMetadata> items,
        Map<String, Map<String, String>> users) {
}
