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

    /** Kafka Streams application id: its consumer group and the prefix of its internal topics. */
    @WithDefault(TopicAccess.INGEST_SESSIONS_APPLICATION)
    String applicationId();

    /** Where Kafka Streams keeps its local state (rebuilt from Kafka when lost). */
    @WithDefault("/tmp/marquee-sessions")
    String stateDir();
}
