package io.marquee.personalize.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything personalize-local can be told from outside ({@code personalize.*}, env {@code PERSONALIZE_*}). */
@ConfigMapping(prefix = "personalize")
public interface ServerConfig {

    /**
     * Where resources, imported datasets, the event log and trained models live
     * ({@code PERSONALIZE_DATA_DIR}). Everything survives a restart; delete the directory to start
     * from scratch.
     */
    @WithDefault("./personalize-data")
    String dataDir();

    /** The region written into every ARN ({@code PERSONALIZE_REGION}); requests from any region are served. */
    @WithDefault("us-east-1")
    String region();

    /** The account id written into every ARN ({@code PERSONALIZE_ACCOUNT_ID}). */
    @WithDefault("000000000000")
    String accountId();

    /**
     * How long each status step of a create or delete lasts (CREATE PENDING, then CREATE
     * IN_PROGRESS), so clients that poll Describe* see the lifecycle AWS has. Imports and training
     * take as long as they take on top of this.
     */
    @WithDefault("200ms")
    Duration statusStep();

    /** Where dataset import jobs may read {@code file://} locations from; empty = anywhere. */
    @WithDefault("/")
    String importRoot();

    /** The largest dataset file an import job reads, in bytes. */
    @WithDefault("2000000000")
    long importMaxBytes();

    /**
     * Force the event log to disk after each PutEvents/PutItems/PutUsers call: survives power
     * loss, not only a crashed process, at the price of one fsync per call.
     */
    @WithDefault("false")
    boolean fsyncEvents();

    /**
     * How many GetRecommendations/GetPersonalizedRanking requests may be in progress at once;
     * more are answered with ThrottlingException (the SDKs back off and retry). Scoring is
     * CPU-bound, so a few per core keep the cores busy; more would only wait in line.
     */
    @WithDefault("16")
    int maxConcurrentRequests();
}
