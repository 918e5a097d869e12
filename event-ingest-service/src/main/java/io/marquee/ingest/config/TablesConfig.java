package io.marquee.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This service's DynamoDB tables ({@code ingest.tables.*}). */
@ConfigMapping(prefix = "ingest.tables")
public interface TablesConfig {

    /**
     * Prefix of the table names, so several environments can share one account:
     * {@code <prefix>relay-delivered}, {@code <prefix>sessions}.
     */
    @WithDefault("marquee-")
    String prefix();
}
