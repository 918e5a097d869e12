package io.marquee.catalog.storage;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The tables a feature's repository owns, defined beside the code that reads and writes them: each
 * is created at start-up when absent ({@link TableSetup}) and must be ACTIVE for the service to
 * be ready ({@link TablesReadinessCheck}). The static helpers spell out key schemas.
 */
public interface OwnedTables {

    /** Each table this repository reads and writes: name, keys and indexes (billing is set on creation). */
    List<CreateTableRequest> tableDefinitions();

    /** A string attribute (keys of this service are strings unless they rank by a number). */
    static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    /** A number attribute, for the sort keys of ranking indexes. */
    static AttributeDefinition number(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.N).build();
    }

    static KeySchemaElement partitionKey(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement sortKey(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
