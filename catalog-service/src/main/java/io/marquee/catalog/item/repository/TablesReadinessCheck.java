package io.marquee.catalog.item.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

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
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("catalog-tables").up();
        for (String table : tables.all()) {
            String status;
            try {
                status = dynamo.describeTable(b -> b.tableName(table)).table().tableStatusAsString();
            } catch (RuntimeException e) {
                status = "unavailable: " + e.getClass().getSimpleName();
            }
            answer.withData(table, status);
            if (!TableStatus.ACTIVE.toString().equals(status)) {
                answer.down();
            }
        }
        return answer.build();
    }
}
