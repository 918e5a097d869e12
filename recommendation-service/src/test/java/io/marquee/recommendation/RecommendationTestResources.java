package io.marquee.recommendation;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.PersonalizeLocalResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * What every {@code @QuarkusTest} of this module runs against, shared so Quarkus boots once: the
 * real personalize-local (trained on a small dataset through the control-plane client), the test
 * token keys, and stand-ins for catalog-, rating- and user-service (other processes, each
 * playing its recorded contract).
 */
@QuarkusTestResource(value = PersonalizeLocalResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = JwtKeysResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Neighbours.class, restrictToAnnotatedClass = false)
public final class RecommendationTestResources {

    private RecommendationTestResources() {
    }
}
