package io.marquee.catalog.storage;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.common.dynamo.DynamoTables;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Creates every repository's tables ({@link OwnedTables}) at startup when they are absent, and
 * waits until they are ACTIVE; only where {@code catalog.create-tables-at-startup} allows it.
 */
@ApplicationScoped
public class TableSetup {

    private final DynamoDbClient dynamo;
    private final Instance<OwnedTables> owners;
    private final CatalogConfig config;

    public TableSetup(DynamoDbClient dynamo, Instance<OwnedTables> owners, CatalogConfig config) {
        this.dynamo = dynamo;
        this.owners = owners;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.createTablesAtStartup()) {
            return;
        }
        for (OwnedTables owner : owners) {
            for (CreateTableRequest table : owner.tableDefinitions()) {
                DynamoTables.createIfAbsent(dynamo, table.toBuilder());
            }
        }
    }
}
