package io.marquee.gateway.engine;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/**
 * Where the recommendation engine is when it is not Amazon Personalize itself: the key every
 * service reads ({@code PERSONALIZE_ENDPOINT_OVERRIDE}, set by the devstack and by the Helm chart's
 * dev dependencies). The gateway only probes it for the status report.
 */
@ConfigMapping(prefix = "personalize")
public interface EngineEndpoint {

    /** personalize-local's base URL, e.g. {@code http://127.0.0.1:9380}; empty for Amazon Personalize. */
    Optional<URI> endpointOverride();
}
