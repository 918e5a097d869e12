package io.marquee.catalog.item.repository;

import io.marquee.common.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ready only when every catalog table exists and is ACTIVE, so callers can really be served. */
@Readiness
@ApplicationScoped
public class TablesReadinessCheck implements HealthCheck {

    private final DynamoDbClient dynamo;
    private final CatalogTables tables;

    public TablesReadinessCheck(DynamoDbClient dynamo, CatalogTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public HealthCheckResponse call() {
        return DynamoTables.readiness("catalog-tables", dynamo, tables.all());
    }
}
