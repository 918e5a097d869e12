package io.marquee.user.storage;

import io.marquee.common.dynamo.DynamoTables;
import io.marquee.user.config.UsersConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the tables at startup when they are absent, waits until they are ACTIVE, and switches on
 * TTL where rows expire (refresh tokens, login counters), so those tables do not grow forever.
 * Runs before the Kafka consumer and the HTTP server take work.
 */
@ApplicationScoped
public class TableSetup {

    private static final Logger LOG = Logger.getLogger(TableSetup.class);

    private final DynamoDbClient dynamo;
    private final UserTables tables;
    private final UsersConfig config;

    public TableSetup(DynamoDbClient dynamo, UserTables tables, UsersConfig config) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.createTablesAtStartup()) {
            return;
        }
        createIfAbsent(tables.users(), "userId");
        createIfAbsent(tables.emails(), "email");
        createIfAbsent(tables.refreshTokens(), "id");
        createIfAbsent(tables.loginThrottle(), "id");
        createIfAbsent(tables.history(), "userId");
        enableTtl(tables.refreshTokens());
        enableTtl(tables.loginThrottle());
    }

    private void createIfAbsent(String table, String hashKey) {
        DynamoTables.createIfAbsent(dynamo, CreateTableRequest.builder().tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(hashKey)
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build()));
    }

    private void enableTtl(String table) {
        TimeToLiveStatus status = dynamo.describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        try {
            dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(
                    s -> s.attributeName(Attributes.EXPIRES_AT).enabled(true)));
        } catch (RuntimeException e) {
            // Rows carry their expiry and every read checks it; TTL only removes them, so a
            // failure here costs storage, not correctness.
            LOG.warnf("could not enable TTL on %s: %s", table, e.getMessage());
        }
    }
}
