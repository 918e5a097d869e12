package io.marquee.catalog.storage;

import io.marquee.common.dynamo.TablesReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Ready only when every repository's table ({@link OwnedTables}) exists and is ACTIVE (checked at
 * most every few seconds, see TablesReadiness), so callers can really be served. One check for
 * all of them: probes and the gateway's status page read one answer per service.
 */
@Readiness
@ApplicationScoped
public class TablesReadinessCheck implements HealthCheck {

    private final TablesReadiness readiness;

    public TablesReadinessCheck(DynamoDbClient dynamo, Instance<OwnedTables> owners) {
        List<String> tables = owners.stream().flatMap(owner -> owner.tableDefinitions().stream())
                .map(CreateTableRequest::tableName).toList();
        this.readiness = new TablesReadiness("catalog-tables", dynamo, tables);
    }

    @Override
    public HealthCheckResponse call() {
        return readiness.call();
    }
}
