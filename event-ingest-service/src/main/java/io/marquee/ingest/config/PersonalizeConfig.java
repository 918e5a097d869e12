package io.marquee.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * Where Personalize's event tracker is ({@code personalize.*}, environment {@code PERSONALIZE_*},
 * the names the chart and the devstack set for every service).
 */
@ConfigMapping(prefix = "personalize")
public interface PersonalizeConfig {

    /**
     * The event tracker's tracking id ({@code PERSONALIZE_TRACKING_ID}). Without it the relay does
     * not run: events wait in Kafka, and the relay's lag says so.
     */
    Optional<String> trackingId();

    /** personalize-local, or a VPC endpoint ({@code PERSONALIZE_ENDPOINT_OVERRIDE}); empty: AWS's own. */
    Optional<URI> endpointOverride();

    /** {@code PERSONALIZE_REGION}. */
    @WithDefault("us-east-1")
    String region();
}
