package io.marquee.ingest.config;

import io.marquee.common.kafka.TopicAccess;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Relaying {@code interactions} to Personalize's event tracker ({@code ingest.relay.*}). */
@ConfigMapping(prefix = "ingest.relay")
public interface RelayConfig {

    /** Run the relay in this process (tests and single-purpose deployments may turn it off). */
    @WithDefault("true")
    boolean enabled();

    /** Kafka consumer group of the relay; every replica shares the partitions. */
    @WithDefault(TopicAccess.INGEST_RELAY_GROUP)
    String groupId();

    /** Records taken per poll; a poll's events are delivered (or dead-lettered) before its offsets are committed. */
    @WithDefault("200")
    int maxPollRecords();

    /**
     * PutEvents calls per second per replica, at most. Personalize's default quota is 1,000
     * PutEvents requests per second per tracker: stay under it divided by the replicas.
     */
    @WithDefault("200")
    double callsPerSecond();

    /** How long one PutEvents call may take before it counts as failed and is retried. */
    @WithDefault("10s")
    Duration callTimeout();

    /** First back-off after a throttled or failed call; doubled each retry, with full jitter. */
    @WithDefault("100ms")
    Duration initialBackoff();

    /** The longest back-off between two attempts. */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * How long the relay keeps retrying a call that is throttled or fails with 5xx before its
     * events go to {@code interactions-dlq} (replayable) so the partition moves on.
     */
    @WithDefault("10M")
    Duration giveUpAfter();

    /** How long a delivered event id is remembered (redeliveries and client retries come within minutes). */
    @WithDefault("168H")
    Duration rememberDelivered();
}
