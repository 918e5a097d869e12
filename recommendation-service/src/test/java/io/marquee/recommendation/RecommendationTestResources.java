package io.marquee.recommendation;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.KafkaBrokerResource;
import io.marquee.testsupport.PersonalizeLocalResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * What every {@code @QuarkusTest} of this module runs against, shared so Quarkus boots once: the
 * real personalize-local (trained on a small dataset through the control-plane client), a real
 * Kafka broker in the production shape (SCRAM, only this service's ACLs from
 * io.marquee.common.kafka.TopicAccess) for the ratings feed, the test token keys, and stand-ins for catalog-, rating- and user-service (other processes, each
 * playing its recorded contract).
 */
@QuarkusTestResource(value = PersonalizeLocalResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "service", value = "recommendation-service"))
@QuarkusTestResource(value = JwtKeysResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Neighbours.class, restrictToAnnotatedClass = false)
public final class RecommendationTestResources {

    private RecommendationTestResources() {
    }
}
