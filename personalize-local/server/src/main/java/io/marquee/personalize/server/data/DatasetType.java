package io.marquee.personalize.server.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The dataset types personalize-local imports, with the columns each one must have. */
public enum DatasetType {
    INTERACTIONS("Interactions", List.of("USER_ID", "ITEM_ID", "TIMESTAMP")),
    ITEMS("Items", List.of("ITEM_ID")),
    USERS("Users", List.of("USER_ID"));

    private final String wireName;
    private final List<String> requiredColumns;

    DatasetType(String wireName, List<String> requiredColumns) {
        this.wireName = wireName;
        this.requiredColumns = requiredColumns;
    }

    /** The name CreateDataset's {@code datasetType} uses (any case is accepted, as AWS does). */
    public String wireName() {
        return wireName;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public static Optional<DatasetType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
