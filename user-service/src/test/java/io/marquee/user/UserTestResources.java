package io.marquee.user;

import io.marquee.testsupport.DynamoDbLocalResource;
import io.marquee.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The engines every {@code @QuarkusTest} of this module runs against: one DynamoDB Local and one
 * Kafka broker for all test classes, and a previous signing key as after a rotation, which share one Quarkus boot (same profile, same resources).
 */
@QuarkusTestResource(value = DynamoDbLocalResource.class, restrictToAnnotatedClass = false)
// The production shape: SCRAM only, and this service's ACLs from io.marquee.common.kafka.TopicAccess.
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "user-service"))
@QuarkusTestResource(value = PreviousKeyResource.class, restrictToAnnotatedClass = false)
public final class UserTestResources {

    private UserTestResources() {
    }
}
