package io.marquee.ingest.sessions.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.ingest.sessions.service.ClosedSession;
import io.marquee.ingest.sessions.service.SessionAggregate;
import io.marquee.ingest.sessions.service.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sessioniser started again on the stores it left, as a task is after a restart (Kafka Streams
 * restores them from their changelogs first), and on the open sessions of the topology before
 * ADR 34. Kafka's test driver deletes a task's state when it closes, so these run the processor
 * on Kafka's mock context with real in-memory stores.
 */
class SessioniserTest {

    private static final Duration GAP = Duration.ofMinutes(30);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final MockProcessorContext<String, ClosedSession> context = new MockProcessorContext<>();
    private final KeyValueStore<String, SessionsOfId> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(Sessioniser.STORE), Serdes.String(), SessionSerdes.WINDOWS)
            .withLoggingDisabled().build();
    private final KeyValueStore<String, SessionAggregate> before = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(Sessioniser.OPEN_BEFORE_STORE), Serdes.String(), SessionSerdes.AGGREGATES)
            .withLoggingDisabled().build();

    @BeforeEach
    void stores() {
        context.setCurrentSystemTimeMs(0);
        store.init(context.getStateStoreContext(), store);
        before.init(context.getStateStoreContext(), before);
        context.addStateStore(store);
        context.addStateStore(before);
    }

    private Sessioniser started() {
        Sessioniser sessioniser = new Sessioniser(GAP, GRACE, CHECK);
        sessioniser.init(context);
        return sessioniser;
    }

    private static void send(Sessioniser s, String session, String item, Instant at, String page) {
        s.process(new Record<>(session, new SessionEvent(session, "u-1", item, "view", at, "web", page),
                at.toEpochMilli()));
    }

    private List<ClosedSession> emitted() {
        List<ClosedSession> all = new ArrayList<>();
        context.forwarded().forEach(f -> all.add(f.record().value()));
        return all;
    }

    @Test
    void aRestartedTaskGoesOnWithTheSessionsItHadOpenAndDoesNotEmitThemTwice() {
        Sessioniser first = started();
        send(first, "s-1", "a", T0, "/home");
        send(first, "s-1", "b", T0.plusSeconds(60), "/b");
        send(first, "s-2", "a", T0.plusSeconds(100), "/home");
        send(first, "s-1", "c", T0.plusSeconds(120), "/c");
        first.close();

        Sessioniser second = started();
        send(second, "s-1", "d", T0.plusSeconds(180), "/d");
        send(second, "later", "x", T0.plusSeconds(180).plus(GAP).plus(GRACE).plusSeconds(1), "/x");

        assertThat(emitted()).filteredOn(s -> s.sessionId().equals("s-1")).singleElement().satisfies(s -> {
            assertThat(s.events()).isEqualTo(4);
            assertThat(s.entryPage()).isEqualTo("/home");
            assertThat(s.exitPage()).isEqualTo("/d");
            assertThat(s.items()).containsExactly("a", "b", "c", "d");
        });
        assertThat(emitted()).filteredOn(s -> s.sessionId().equals("s-2")).singleElement()
                .satisfies(s -> assertThat(s.events()).isEqualTo(1));

        context.resetForwards();
        Sessioniser third = started();
        send(third, "later", "y", T0.plusSeconds(180).plus(GAP.multipliedBy(3)), "/y");
        assertThat(emitted()).extracting(ClosedSession::sessionId).containsExactly("later");
    }

    @Test
    void theOpenSessionsOfTheTopologyBeforeAreTakenOverOnce() {
        SessionAggregate open = SessionAggregate.empty()
                .add(new SessionEvent("s-3", "u-1", "a", "view", T0, "web", "/home"))
                .add(new SessionEvent("s-3", "u-1", "b", "view", T0.plusSeconds(60), "web", "/b"));
        before.put("s-3@" + T0.toEpochMilli(), open);

        Sessioniser sessioniser = started();
        send(sessioniser, "s-3", "c", T0.plusSeconds(90), "/c");
        assertThat(count(before)).as("taken over, so not again after a restart").isZero();
        send(sessioniser, "later", "x", T0.plusSeconds(90).plus(GAP).plus(GRACE).plusSeconds(1), "/x");

        assertThat(emitted()).filteredOn(s -> s.sessionId().equals("s-3")).singleElement().satisfies(s -> {
            // The same user as send's: another user's event would make a session of its own.
            assertThat(s.userId()).isEqualTo("u-1");
            assertThat(s.events()).isEqualTo(3);
            assertThat(s.start()).isEqualTo(T0);
            assertThat(s.exitPage()).isEqualTo("/c");
        });
    }

    private static long count(KeyValueStore<String, ?> store) {
        long n = 0;
        try (KeyValueIterator<String, ?> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }
}
