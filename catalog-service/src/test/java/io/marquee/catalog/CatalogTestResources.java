package io.marquee.catalog;

import io.marquee.testsupport.DynamoDbLocalResource;
import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The engines every {@code @QuarkusTest} of this module runs against: one DynamoDB Local, one Kafka
 * broker and the test token keys for all test classes, which share one Quarkus boot (same
 * profile, same resources).
 */
@QuarkusTestResource(value = DynamoDbLocalResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = JwtKeysResource.class, restrictToAnnotatedClass = false)
public final class CatalogTestResources {

    private CatalogTestResources() {
    }
}
