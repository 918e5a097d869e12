package io.marquee.ingest.config;

import io.marquee.common.kafka.TopicAccess;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sessions from the clickstream ({@code ingest.sessions.*}). */
@ConfigMapping(prefix = "ingest.sessions")
public interface SessionsConfig {

    /** Run the sessions topology in this process. */
    @WithDefault("true")
    boolean enabled();

    /** A session ends after this long without an event (event time). */
    @WithDefault("30M")
    Duration gap();

    /**
     * How late (event time) an event may arrive and still join its session; a session is emitted
     * as closed only after its gap and this grace have passed in the stream's time (which, on a
     * quiet partition, runs on with the wall clock).
     */
    @WithDefault("1M")
    Duration grace();

    /** How often open sessions are checked for having closed. */
    @WithDefault("5S")
    Duration closeCheck();

    /**
     * Kafka Streams' commit interval for the topology. Each commit flushes the sessions store's
     * record cache: every session id updated since the last commit then reaches the store and its
     * changelog once, however many events it had (ADR 32, ADR 34). At 1 s (the value before ADR 32)
     * the flush was a fifth of the topology's CPU under load, at 10 s a twentieth. Longer means up
     * to this much input re-read after a crash (at-least-once; nothing is lost, a session may count
     * a redelivered event twice). Since ADR 34 it no longer delays closing: the sessioniser sees
     * each event at once.
     */
    @WithDefault("10S")
    Duration commitInterval();

    /**
     * Bytes of record cache for the topology's store (Kafka Streams' statestore.cache.max.bytes,
     * on the heap). It should hold every session id updated within a commit interval, or updates
     * are evicted (written to the store and changelog) early: about 0.5 KB a session with 50 items,
     * so the default holds ~20,000 busy sessions.
     */
    @WithDefault("10485760")
    long cacheMaxBytes();

    /** Kafka Streams application id: its consumer group and the prefix of its internal topics. */
    @WithDefault(TopicAccess.INGEST_SESSIONS_APPLICATION)
    String applicationId();

    /** Where Kafka Streams keeps its local state (rebuilt from Kafka when lost). */
    @WithDefault("/tmp/marquee-sessions")
    String stateDir();
}
