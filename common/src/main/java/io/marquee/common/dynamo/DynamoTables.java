package io.marquee.common.dynamo;

import java.util.Collection;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * What every service that owns DynamoDB tables does with them: create them at start-up when they
 * are absent (several replicas may race; the loser waits for the winner's table), and report
 * readiness only when all of them are ACTIVE. Static helpers, not beans, so modules without
 * DynamoDB never load them.
 */
public final class DynamoTables {

    private static final Logger LOG = Logger.getLogger(DynamoTables.class);

    private DynamoTables() {
    }

    /** Creates the table (on demand billing) unless it exists, then waits until it is ACTIVE. */
    public static void createIfAbsent(DynamoDbClient dynamo, CreateTableRequest.Builder request) {
        CreateTableRequest create = request.billingMode(BillingMode.PAY_PER_REQUEST).build();
        String table = create.tableName();
        try {
            dynamo.describeTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException absent) {
            try {
                dynamo.createTable(create);
                LOG.infof("created table %s", table);
            } catch (ResourceInUseException createdMeanwhile) {
                LOG.debugf("table %s was created by another instance", table);
            }
        }
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamo).build()) {
            waiter.waitUntilTableExists(b -> b.tableName(table)).matched().exception().ifPresent(e -> {
                throw new IllegalStateException("table " + table + " did not become ACTIVE", e);
            });
        }
    }

    /** A readiness answer named {@code checkName}: up only when every table is ACTIVE, each status as data. */
    public static HealthCheckResponse readiness(String checkName, DynamoDbClient dynamo, Collection<String> tables) {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(checkName).up();
        for (String table : tables) {
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
