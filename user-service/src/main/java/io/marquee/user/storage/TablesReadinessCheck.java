package io.marquee.user.storage;

import io.marquee.common.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ready only when every table of this service exists and is ACTIVE. */
@Readiness
@ApplicationScoped
public class TablesReadinessCheck implements HealthCheck {

    private final DynamoDbClient dynamo;
    private final UserTables tables;

    public TablesReadinessCheck(DynamoDbClient dynamo, UserTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public HealthCheckResponse call() {
        return DynamoTables.readiness("user-tables", dynamo, tables.all());
    }
}
