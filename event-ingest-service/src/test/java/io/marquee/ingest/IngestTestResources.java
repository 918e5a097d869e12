package io.marquee.ingest;

import io.marquee.testsupport.DynamoDbLocalResource;
import io.marquee.testsupport.JwtKeysResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * What every {@code @QuarkusTest} of this module runs against, shared by all test classes so
 * Quarkus boots once: the real Kafka broker (restartable), DynamoDB Local, personalize-local with
 * its fault switch on, and the test token keys.
 */
@QuarkusTestResource(value = RestartableKafka.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DynamoDbLocalResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PersonalizeLocal.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = JwtKeysResource.class, restrictToAnnotatedClass = false)
public final class IngestTestResources {

    private IngestTestResources() {
    }
}
