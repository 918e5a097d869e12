package io.marquee.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This service's DynamoDB tables ({@code ingest.tables.*}). */
@ConfigMapping(prefix = "ingest.tables")
public interface TablesConfig {

    /**
     * Prefix of the table names, so several environments can share one account:
     * {@code <prefix>relay-delivered-ranges}, {@code <prefix>sessions} ({@link IngestTables}).
     */
    @WithDefault("marquee-")
    String prefix();

    /**
     * Create the tables at startup when they are absent. Off in production, where the tables are
     * provisioned beforehand (helm/iam/terraform) and the role has no CreateTable; on in dev, tests
     * and the devstack ({@code marquee.dynamodb.create-tables}, env
     * {@code MARQUEE_DYNAMODB_CREATE_TABLES}, in application.properties).
     */
    @WithDefault("false")
    boolean createAtStartup();
}
