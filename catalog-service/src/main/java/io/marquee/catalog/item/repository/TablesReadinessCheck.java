package io.marquee.catalog.item.repository;

import io.marquee.common.dynamo.TablesReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ready only when every catalog table exists and is ACTIVE (checked at most every few seconds, see TablesReadiness), so callers can really be served. */
@Readiness
@ApplicationScoped
public class TablesReadinessCheck implements HealthCheck {

    private final TablesReadiness readiness;

    public TablesReadinessCheck(DynamoDbClient dynamo, CatalogTables tables) {
        this.readiness = new TablesReadiness("catalog-tables", dynamo, tables.all());
    }

    @Override
    public HealthCheckResponse call() {
        return readiness.call();
    }
}
