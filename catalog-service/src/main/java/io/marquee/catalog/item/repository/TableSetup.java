package io.marquee.catalog.item.repository;

import io.marquee.common.dynamo.DynamoTables;
import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.search.repository.SearchRows;
import io.marquee.catalog.stats.repository.StatsRepository;
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
    private final CatalogTables tables;
    private final CatalogConfig config;

    public TableSetup(DynamoDbClient dynamo, CatalogTables tables, CatalogConfig config) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.createTablesAtStartup()) {
            return;
        }
        createIfAbsent(CreateTableRequest.builder().tableName(tables.items())
                .attributeDefinitions(attribute(ItemRepository.ITEM_ID))
                .keySchema(key(ItemRepository.ITEM_ID, KeyType.HASH)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.index())
                .attributeDefinitions(attribute(ItemRepository.BUCKET), attribute(ItemRepository.SORT_KEY))
                .keySchema(key(ItemRepository.BUCKET, KeyType.HASH), key(ItemRepository.SORT_KEY, KeyType.RANGE)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.search())
                .attributeDefinitions(attribute(SearchRows.PARTITION), attribute(SearchRows.TERM))
                .keySchema(key(SearchRows.PARTITION, KeyType.HASH), key(SearchRows.TERM, KeyType.RANGE)));
        createIfAbsent(CreateTableRequest.builder().tableName(tables.stats())
                .attributeDefinitions(attribute(StatsRepository.BUCKET), attribute(StatsRepository.ITEM_ID),
                        number(StatsRepository.VIEW_SCORE), number(StatsRepository.RATING_SCORE),
                        number(StatsRepository.TREND_SCORE))
                .keySchema(key(StatsRepository.BUCKET, KeyType.HASH), key(StatsRepository.ITEM_ID, KeyType.RANGE))
                .globalSecondaryIndexes(
                        ranking(StatsRepository.BY_VIEWS, StatsRepository.VIEW_SCORE),
                        ranking(StatsRepository.BY_RATING, StatsRepository.RATING_SCORE),
                        ranking(StatsRepository.BY_TREND, StatsRepository.TREND_SCORE)));
    }

    /** A chart: the rows of one bucket ordered by a score, whole rows projected so a chart is one query. */
    private static GlobalSecondaryIndex ranking(String name, String score) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(StatsRepository.BUCKET, KeyType.HASH), key(score, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static AttributeDefinition number(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.N).build();
    }

    private void createIfAbsent(CreateTableRequest.Builder request) {
        DynamoTables.createIfAbsent(dynamo, request);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
