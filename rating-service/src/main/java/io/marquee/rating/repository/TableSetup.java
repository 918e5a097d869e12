package io.marquee.rating.repository;

import io.marquee.common.dynamo.DynamoTables;
import io.marquee.rating.config.RatingsConfig;
import io.quarkus.runtime.StartupEvent;
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
        // Both indexes project everything: a listing page is one query, no follow-up reads.
        createIfAbsent(CreateTableRequest.builder().tableName(tables.ratings())
                .attributeDefinitions(attribute(RatingRepository.USER_ID, ScalarAttributeType.S),
                        attribute(RatingRepository.ITEM_ID, ScalarAttributeType.S),
                        attribute(RatingRepository.BY_USER_KEY, ScalarAttributeType.S),
                        attribute(RatingRepository.REVIEW_KEY, ScalarAttributeType.S))
                .keySchema(key(RatingRepository.USER_ID, KeyType.HASH), key(RatingRepository.ITEM_ID, KeyType.RANGE))
                .globalSecondaryIndexes(
                        index(RatingTables.BY_USER_INDEX, RatingRepository.USER_ID, RatingRepository.BY_USER_KEY),
                        index(RatingTables.REVIEWS_INDEX, RatingRepository.ITEM_ID, RatingRepository.REVIEW_KEY)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.outbox())
                .attributeDefinitions(attribute(RatingRepository.USER_ID, ScalarAttributeType.S),
                        attribute(RatingRepository.SEQUENCE, ScalarAttributeType.N))
                .keySchema(key(RatingRepository.USER_ID, KeyType.HASH), key(RatingRepository.SEQUENCE, KeyType.RANGE)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.heads())
                .attributeDefinitions(attribute(RatingRepository.USER_ID, ScalarAttributeType.S))
                .keySchema(key(RatingRepository.USER_ID, KeyType.HASH)));
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
