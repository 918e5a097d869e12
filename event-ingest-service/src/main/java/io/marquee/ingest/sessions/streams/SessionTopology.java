package io.marquee.ingest.sessions.streams;

import io.marquee.common.events.Topics;
import io.marquee.ingest.kafka.JsonSerde;
import io.marquee.ingest.sessions.service.ClosedSession;
import io.marquee.ingest.sessions.service.SessionEvent;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;

/**
 * Sessions from {@code interactions}: events grouped by session id into sessions (event time,
 * {@code sentAt}; a session ends after the inactivity gap), emitted to {@code sessions} once closed
 * (gap plus grace passed; on a quiet partition time runs on with the wall clock, see
 * {@link Sessioniser}), keyed by the user. A second sub-topology hands every closed session on
 * {@code sessions} to a sink (the sessions table), so a replica that stores it is independent from
 * the one that closed it. History records (the demo data) are left out.
 *
 * <p>Cost per event, which bounds how many events a core takes: each {@code interactions} record
 * is read into the few fields sessions need ({@link SessionEvent}) and repartitioned by session id
 * in that shape; the {@link Sessioniser} then reads and writes that session id's windows under one
 * key of a key-value store (ADR 34), in {@link SessionSerdes}' binary form. The store's record
 * cache folds a busy session's writes: it reaches the changelog once per commit interval however
 * many events it had meanwhile (see SessionsConfig#commitInterval).
 */
public final class SessionTopology {

    /** {@code interactions} as JSON, read into the fields sessions use; Jackson skips the rest. */
    static final Serde<SessionEvent> INTERACTIONS = JsonSerde.of(SessionEvent.class);
    static final Serde<ClosedSession> SESSIONS = JsonSerde.of(ClosedSession.class);

    private SessionTopology() {
    }

    /**
     * @param gap   inactivity that ends a session
     * @param grace how late an event may arrive and still join its session
     * @param checkEvery how often open sessions are checked for having closed (stream and wall-clock time)
     * @param sink  where closed sessions from {@code sessions} go (stored); it may throw to have one retried
     */
    public static Topology build(Duration gap, Duration grace, Duration checkEvery, Consumer<ClosedSession> sink) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Sessioniser.STORE),
                Serdes.String(), SessionSerdes.WINDOWS).withCachingEnabled());
        // Read once per task start, to take over what the topology before ADR 34 had open; empty after.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Sessioniser.OPEN_BEFORE_STORE),
                Serdes.String(), SessionSerdes.AGGREGATES));
        builder.stream(Topics.INTERACTIONS, Consumed.with(Serdes.String(), INTERACTIONS)
                        .withTimestampExtractor(new SentAt()).withName("interactions"))
                .processValues(WithoutHistory::new, Named.as("without-history"))
                .filter((key, event) -> event != null && event.sessionId() != null && event.sentAt() != null,
                        Named.as("readable"))
                .selectKey((key, event) -> event.sessionId(), Named.as("by-session-id"))
                // The same repartition topic as before ADR 34 (by-session), so an upgrade reads on where it was.
                .repartition(Repartitioned.<String, SessionEvent>as("by-session")
                        .withKeySerde(Serdes.String()).withValueSerde(SessionSerdes.EVENTS))
                .process(() -> new Sessioniser(gap, grace, checkEvery), Named.as("sessioniser"),
                        Sessioniser.STORE, Sessioniser.OPEN_BEFORE_STORE)
                .to(Topics.SESSIONS, Produced.with(Serdes.String(), SESSIONS).withName("sessions"));
        builder.stream(Topics.SESSIONS, Consumed.with(Serdes.String(), SESSIONS).withName("closed-sessions"))
                .filter((key, session) -> session != null, Named.as("readable-session"))
                .foreach((key, session) -> sink.accept(session), Named.as("store"));
        return builder.build();
    }

    /** Event time: when it happened on the client; a record without one keeps the record's time. */
    static final class SentAt implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (record.value() instanceof SessionEvent event && event.sentAt() != null) {
                return event.sentAt().toEpochMilli();
            }
            return record.timestamp();
        }
    }

    /** Drops records marked as history ({@link Topics#HISTORY_HEADER}); only headers tell them apart. */
    static final class WithoutHistory implements FixedKeyProcessor<String, SessionEvent, SessionEvent> {
        private FixedKeyProcessorContext<String, SessionEvent> context;

        @Override
        public void init(FixedKeyProcessorContext<String, SessionEvent> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, SessionEvent> record) {
            if (record.headers().lastHeader(Topics.HISTORY_HEADER) == null) {
                context.forward(record);
            }
        }
    }
}
