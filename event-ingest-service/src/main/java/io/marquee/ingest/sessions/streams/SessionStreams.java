package io.marquee.ingest.sessions.streams;

import io.marquee.ingest.config.SessionsConfig;
import io.marquee.common.kafka.KafkaClients;
import io.marquee.ingest.sessions.repository.SessionRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * Runs {@link SessionTopology} with plain Kafka Streams (quarkus-kafka-streams is not available
 * for our Quarkus release; see docs/adr/0015): started with the application, closed with it. A
 * failing store write replaces the stream thread, which takes the session again from Kafka.
 */
@ApplicationScoped
public class SessionStreams {

    private static final Logger LOG = Logger.getLogger(SessionStreams.class);

    private final SessionsConfig config;
    private final KafkaClients kafka;
    private final SessionRepository repository;
    private KafkaStreams streams;

    public SessionStreams(SessionsConfig config, KafkaClients kafka, SessionRepository repository) {
        this.config = config;
        this.kafka = kafka;
        this.repository = repository;
    }

    void onStart(@Observes StartupEvent event) {
        repository.createTableIfAbsent();
        if (!config.enabled()) {
            LOG.info("sessions topology is off (ingest.sessions.enabled=false)");
            return;
        }
        Properties props = kafka.asProperties();
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "event-ingest-sessions");
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        // Both fold a busy session's store writes and changelog sends (see SessionsConfig).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheMaxBytes());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        streams = new KafkaStreams(SessionTopology.build(config.gap(), config.grace(), config.closeCheck(),
                repository::save), props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.warnf("sessions stream thread failed (%s); replacing it", e.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
    }

    public KafkaStreams.State state() {
        return streams == null ? null : streams.state();
    }
}
