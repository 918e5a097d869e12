package io.marquee.catalog;

import io.marquee.testsupport.DynamoDbLocalResource;
import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The engines every {@code @QuarkusTest} of this module runs against: one DynamoDB Local, one Kafka
 * broker and the test token keys for all test classes, which share one Quarkus boot (same
 * profile, same resources).
 */
@QuarkusTestResource(value = DynamoDbLocalResource.class, restrictToAnnotatedClass = false)
// The production shape: SCRAM only, and this service's ACLs from io.marquee.common.kafka.TopicAccess.
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
@QuarkusTestResource(value = JwtKeysResource.class, restrictToAnnotatedClass = false)
public final class CatalogTestResources {

    private CatalogTestResources() {
    }
}
