package io.marquee.personalize.setup.export;

import io.marquee.common.kafka.KafkaClients;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the export reads the platform's data: the services' own stores, read-only (ADR 22).
 *
 * @param region           AWS region of DynamoDB (and of the S3 upload)
 * @param dynamoEndpoint   a DynamoDB endpoint override (DynamoDB Local), empty for AWS's
 * @param tablePrefix      the services' {@code *.table-prefix} ({@code marquee-} by default)
 * @param kafka            the brokers and how to authenticate, as the services' {@code marquee.kafka.*}
 * @param interactionsTopic the topic every user-item event is published on
 * @param timeout          longest wait for Kafka to answer one call, and for the whole topic read
 */
public record ExportSources(String region, Optional<URI> dynamoEndpoint, String tablePrefix, KafkaClients kafka,
                            String interactionsTopic, Duration timeout) {

    /** catalog-service's items table ({@code CatalogTables.ITEMS_SUFFIX}): items by id. */
    static final String ITEMS_TABLE = "catalog-items";
    /** user-service's accounts table ({@code UserTables.USERS}): accounts by user id. */
    static final String USERS_TABLE = "users";

    public String itemsTable() {
        return tablePrefix + ITEMS_TABLE;
    }

    public String usersTable() {
        return tablePrefix + USERS_TABLE;
    }
}
