package io.marquee.rating.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Ready only when every rating table exists and is ACTIVE. Kafka is deliberately not part of
 * readiness: while the broker is away, writes still commit to the outbox and are published later.
 */
@Readiness
@ApplicationScoped
public class TablesReadinessCheck implements HealthCheck {

    private final DynamoDbClient dynamo;
    private final RatingTables tables;

    public TablesReadinessCheck(DynamoDbClient dynamo, RatingTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("rating-tables").up();
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
