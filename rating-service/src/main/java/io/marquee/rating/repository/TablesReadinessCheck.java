package io.marquee.rating.repository;

import io.marquee.common.dynamo.DynamoTables;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
        return DynamoTables.readiness("rating-tables", dynamo, tables.all());
    }
}
