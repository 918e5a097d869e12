package io.marquee.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code GET /api/v1/status} ({@code gateway.status.*}). */
@ConfigMapping(prefix = "gateway.status")
public interface StatusConfig {

    /**
     * How long one round of readiness probes answers every status request. The route is anonymous:
     * without this, each request would become one probe per service (and each probe DynamoDB
     * control-plane calls), a free amplifier for anyone.
     */
    @WithDefault("5s")
    Duration cacheFor();
}
