package io.marquee.rating.repository;

import io.marquee.common.dynamo.TablesReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ready only when every rating table exists and is ACTIVE (checked at most every few seconds, see TablesReadiness). Kafka is deliberately not part of
 * readiness: while the broker is away, writes still commit to the outbox and are published later.
 */
@Readiness
@ApplicationScoped
public class TablesReadinessCheck implements HealthCheck {

    private final TablesReadiness readiness;

    public TablesReadinessCheck(DynamoDbClient dynamo, RatingTables tables) {
        this.readiness = new TablesReadiness("rating-tables", dynamo, tables.all());
    }

    @Override
    public HealthCheckResponse call() {
        return readiness.call();
    }
}
