package io.marquee.user.storage;

import io.marquee.common.dynamo.TablesReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ready only when every table of this service exists and is ACTIVE (checked at most every few seconds, see TablesReadiness). */
@Readiness
@ApplicationScoped
public class TablesReadinessCheck implements HealthCheck {

    private final TablesReadiness readiness;

    public TablesReadinessCheck(DynamoDbClient dynamo, UserTables tables) {
        this.readiness = new TablesReadiness("user-tables", dynamo, tables.all());
    }

    @Override
    public HealthCheckResponse call() {
        return readiness.call();
    }
}
