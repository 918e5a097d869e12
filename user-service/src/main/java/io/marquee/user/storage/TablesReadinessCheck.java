package io.marquee.user.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

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
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("user-tables").up();
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
