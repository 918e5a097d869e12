package io.marquee.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Accepting client events ({@code ingest.accept.*}). */
@ConfigMapping(prefix = "ingest.accept")
public interface AcceptConfig {

    /**
     * How long a request waits for the broker to acknowledge its events before it answers 503.
     * The producer gives up within the same time, so a 503 never hides a later write.
     */
    @WithDefault("5s")
    Duration sendTimeout();

    /** The {@code Retry-After} of a 503 while the broker is unreachable. */
    @WithDefault("5s")
    Duration retryAfter();

    /** How far in the future {@code sentAt} may lie (client clocks drift). */
    @WithDefault("10M")
    Duration maxClockSkew();

    /** How old an event may be: older ones are history for a dataset import, not the live tracker. */
    @WithDefault("720H")
    Duration maxAge();
}
