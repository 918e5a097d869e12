package io.marquee.rating;

import io.marquee.testsupport.DynamoDbLocalResource;
import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * What every {@code @QuarkusTest} of this module runs against, shared by all test classes so
 * Quarkus boots once: the real DynamoDB Local and Kafka broker, the test token keys, and a fake
 * catalog-service (the one boundary that is faked: it is another process).
 */
@QuarkusTestResource(value = DynamoDbLocalResource.class, restrictToAnnotatedClass = false)
// The production shape: SCRAM only, and this service's ACLs from io.marquee.common.kafka.TopicAccess.
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "rating-service"))
@QuarkusTestResource(value = JwtKeysResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeCatalog.class, restrictToAnnotatedClass = false)
public final class RatingTestResources {

    private RatingTestResources() {
    }
}
