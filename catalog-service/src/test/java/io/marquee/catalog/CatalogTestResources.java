package io.marquee.catalog;

import io.marquee.testsupport.DynamoDbLocalResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The engines every {@code @QuarkusTest} of this module runs against: one DynamoDB Local for all
 * test classes, which share one Quarkus boot (same profile, same resources).
 */
@QuarkusTestResource(value = DynamoDbLocalResource.class, restrictToAnnotatedClass = false)
public final class CatalogTestResources {

    private CatalogTestResources() {
    }
}
