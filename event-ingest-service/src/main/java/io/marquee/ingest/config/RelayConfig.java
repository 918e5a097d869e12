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

    /**
     * Records taken per poll; a poll's events are delivered (or dead-lettered) before its offsets
     * are committed. A large poll gives the calls many sessions to overlap and a session several
     * events per call when the relay catches up on a backlog.
     */
    @WithDefault("2000")
    int maxPollRecords();

    /**
     * Records relayed as one unit (delivered or dead-lettered, then committed) when the relay is
     * behind: while a poll comes back full it polls again, up to this many records (and at most
     * {@link #dedupeWindow()} per partition, so a rewound unit is still recognised), for at most
     * three seconds. PutEvents takes one session per call, so the events per call are the events per
     * session within a unit: at the benchmark's 4,800 sessions a poll of 2,000 made calls of
     * 1.8 events, and the calls-per-second limit bounded the catch-up at ~800 events/s
     * (docs/benchmarks.md, the clickstream). Caught up, a poll is not full and goes alone, so a
     * click is not held back.
     */
    @WithDefault("40000")
    int maxBatchRecords();

    /**
     * PutEvents calls under way at once per replica (of different sessions: one session's calls
     * never overlap, so its events arrive in order). A call is mostly a network round trip.
     */
    @WithDefault("16")
    int maxInFlight();

    /**
     * PutEvents calls per second per replica, at most. Personalize's default quota is 1,000
     * PutEvents requests per second per tracker: 500 is that divided by the chart's two replicas.
     * With more replicas (autoscaling) lower it, or let the tracker's throttling, which the relay
     * retries with back-off, share the quota.
     */
    @WithDefault("500")
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

    /**
     * How long the record of what the relay handled is kept in DynamoDB (the table's TTL): only the
     * last {@link #dedupeWindow()} offsets of a partition are read back, the rest is for
     * inspection.
     */
    @WithDefault("168H")
    Duration rememberDelivered();

    /**
     * Offsets per partition within which an event id handled before is recognised and not sent
     * again: the records polled and not yet committed when a relay stopped (redelivered to its
     * successor), and a client's resend of an event it already sent (a retry after a 503 or a
     * lost answer). Held in memory per partition and read back when a relay takes a partition
     * (docs/adr/0030). At least twice {@link #maxPollRecords()}.
     */
    @WithDefault("20000")
    int dedupeWindow();

    /**
     * How often the ids the tracker took are written to DynamoDB while a poll is under way (one
     * item per partition), besides at the end of every poll before its commit. A relay killed
     * outright sends what it delivered in this last interval again.
     */
    @WithDefault("200ms")
    Duration recordEvery();
}
