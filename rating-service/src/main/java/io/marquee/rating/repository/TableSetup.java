package io.marquee.rating.repository;

import io.marquee.common.dynamo.DynamoTables;
import io.marquee.rating.config.RatingsConfig;
import io.quarkus.runtime.StartupEvent;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the tables at startup when they are absent, and waits until they are ACTIVE. */
@ApplicationScoped
public class TableSetup {

    private final DynamoDbClient dynamo;
    private final RatingTables tables;
    private final RatingsConfig config;

    public TableSetup(DynamoDbClient dynamo, RatingTables tables, RatingsConfig config) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.createTablesAtStartup()) {
            return;
        }
        // Every index projects everything: a listing page is one query, no follow-up reads.
        List<GlobalSecondaryIndex> indexes = List.of(
                index(RatingTables.BY_USER_INDEX, RatingRepository.USER_ID, RatingRepository.BY_USER_KEY),
                index(RatingTables.REVIEWS_INDEX, RatingRepository.ITEM_ID, RatingRepository.REVIEW_KEY),
                index(RatingTables.SENTIMENT_INDEX, RatingRepository.ITEM_ID, RatingRepository.SENTIMENT_KEY),
                index(RatingTables.HELPFUL_INDEX, RatingRepository.ITEM_ID, RatingRepository.HELPFUL_KEY),
                index(RatingTables.FLAGGED_INDEX, RatingRepository.FLAG, RatingRepository.FLAG_KEY));
        List<AttributeDefinition> attributes = List.of(attribute(RatingRepository.USER_ID, ScalarAttributeType.S),
                attribute(RatingRepository.ITEM_ID, ScalarAttributeType.S),
                attribute(RatingRepository.BY_USER_KEY, ScalarAttributeType.S),
                attribute(RatingRepository.REVIEW_KEY, ScalarAttributeType.S),
                attribute(RatingRepository.SENTIMENT_KEY, ScalarAttributeType.S),
                attribute(RatingRepository.HELPFUL_KEY, ScalarAttributeType.S),
                attribute(RatingRepository.FLAG, ScalarAttributeType.S),
                attribute(RatingRepository.FLAG_KEY, ScalarAttributeType.S));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.ratings())
                .attributeDefinitions(attributes)
                .keySchema(key(RatingRepository.USER_ID, KeyType.HASH), key(RatingRepository.ITEM_ID, KeyType.RANGE))
                .globalSecondaryIndexes(indexes));
        addMissingIndexes(tables.ratings(), attributes, indexes);
        createIfAbsent(CreateTableRequest.builder().tableName(tables.outbox())
                .attributeDefinitions(attribute(RatingRepository.USER_ID, ScalarAttributeType.S),
                        attribute(RatingRepository.SEQUENCE, ScalarAttributeType.N))
                .keySchema(key(RatingRepository.USER_ID, KeyType.HASH), key(RatingRepository.SEQUENCE, KeyType.RANGE)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.heads())
                .attributeDefinitions(attribute(RatingRepository.USER_ID, ScalarAttributeType.S))
                .keySchema(key(RatingRepository.USER_ID, KeyType.HASH)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.summaries())
                .attributeDefinitions(attribute(RatingRepository.ITEM_ID, ScalarAttributeType.S))
                .keySchema(key(RatingRepository.ITEM_ID, KeyType.HASH)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.votes())
                .attributeDefinitions(attribute("reviewId", ScalarAttributeType.S), attribute("voterId", ScalarAttributeType.S))
                .keySchema(key("reviewId", KeyType.HASH), key("voterId", KeyType.RANGE)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.jobs())
                .attributeDefinitions(attribute("jobId", ScalarAttributeType.S))
                .keySchema(key("jobId", KeyType.HASH)));
    }

    /**
     * A ratings table made before review sentiment lacks the sentiment, helpful and moderation
     * indexes: add each missing one (DynamoDB takes one index per update) and wait until it is ACTIVE.
     * Until the backfill has run, old reviews simply are not in them.
     */
    private void addMissingIndexes(String table, List<AttributeDefinition> attributes, List<GlobalSecondaryIndex> wanted) {
        for (GlobalSecondaryIndex index : wanted) {
            var existing = dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes();
            if (existing.stream().anyMatch(i -> i.indexName().equals(index.indexName()))) {
                continue;
            }
            dynamo.updateTable(b -> b.tableName(table).attributeDefinitions(attributes)
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                            .keySchema(index.keySchema()).projection(index.projection()))));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                var status = dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                        .filter(i -> i.indexName().equals(index.indexName())).findFirst()
                        .map(i -> i.indexStatusAsString()).orElse("");
                if ("ACTIVE".equals(status)) {
                    break;
                }
                try {
                    // Waiting on AWS's own index build; there is no waiter for index status in the SDK.
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while adding index " + index.indexName(), e);
                }
            }
        }
    }

    private void createIfAbsent(CreateTableRequest.Builder request) {
        DynamoTables.createIfAbsent(dynamo, request);
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
