package io.marquee.ingest.sessions.streams;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.ingest.kafka.JsonSerde;
import io.marquee.ingest.sessions.service.ClosedSession;
import io.marquee.ingest.sessions.service.SessionAggregate;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Sessions from {@code interactions}: events grouped by session id into session windows (event
 * time, {@code sentAt}; a session ends after the inactivity gap), emitted to {@code sessions} once
 * closed (gap plus grace passed; on a quiet partition time runs on with the wall clock, see
 * {@link UntilClosed}), keyed by the user. A second sub-topology hands
 * every closed session on {@code sessions} to a sink (the sessions table), so a replica that stores
 * it is independent from the one that closed it. History records (the demo data) are left out.
 */
public final class SessionTopology {

    public static final String AGGREGATES_STORE = "session-aggregates";
    static final Serde<InteractionEvent> EVENTS = JsonSerde.of(InteractionEvent.class);
    static final Serde<SessionAggregate> AGGREGATES = JsonSerde.of(SessionAggregate.class);
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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(UntilClosed.OPEN_STORE),
                Serdes.String(), AGGREGATES));
        builder.stream(Topics.INTERACTIONS, Consumed.with(Serdes.String(), EVENTS)
                        .withTimestampExtractor(new SentAt()).withName("interactions"))
                .processValues(WithoutHistory::new, Named.as("without-history"))
                .filter((key, event) -> event != null && event.sessionId() != null && event.sentAt() != null,
                        Named.as("readable"))
                .selectKey((key, event) -> event.sessionId(), Named.as("by-session-id"))
                .groupByKey(Grouped.with("by-session", Serdes.String(), EVENTS))
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(gap, grace))
                .aggregate(SessionAggregate::empty, (key, event, session) -> session.add(event),
                        (key, a, b) -> a.merge(b), Named.as("session"),
                        Materialized.<String, SessionAggregate, SessionStore<Bytes, byte[]>>as(AGGREGATES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(AGGREGATES))
                .toStream(Named.as("updates"))
                .process(() -> new UntilClosed(gap, grace, checkEvery), Named.as("until-closed"), UntilClosed.OPEN_STORE)
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
            if (record.value() instanceof InteractionEvent event && event.sentAt() != null) {
                return event.sentAt().toEpochMilli();
            }
            return record.timestamp();
        }
    }

    /** Drops records marked as history ({@link Topics#HISTORY_HEADER}); only headers tell them apart. */
    static final class WithoutHistory implements FixedKeyProcessor<String, InteractionEvent, InteractionEvent> {
        private FixedKeyProcessorContext<String, InteractionEvent> context;

        @Override
        public void init(FixedKeyProcessorContext<String, InteractionEvent> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, InteractionEvent> record) {
            if (record.headers().lastHeader(Topics.HISTORY_HEADER) == null) {
                context.forward(record);
            }
        }
    }
}
