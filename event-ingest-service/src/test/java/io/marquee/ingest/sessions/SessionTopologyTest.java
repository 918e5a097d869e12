package io.marquee.ingest.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.ingest.kafka.JsonSerde;
import io.marquee.ingest.sessions.service.ClosedSession;
import io.marquee.ingest.sessions.streams.SessionTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sessions topology on Kafka Streams' test driver: when a session closes, and what it says. */
class SessionTopologyTest {

    private static final Duration GAP = Duration.ofMinutes(30);
    /** Late events within this still join their session (the service's default is a minute). */
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, InteractionEvent> interactions;
    private TestOutputTopic<String, ClosedSession> sessions;
    private final List<ClosedSession> stored = new ArrayList<>();

    private final Properties props = new Properties();
    /** The driver's state stores; JUnit deletes it after each test (the driver's close leaves the directory). */
    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sessions-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        open();
    }

    private void open() {
        driver = new TopologyTestDriver(SessionTopology.build(GAP, GRACE, CHECK, stored::add), props);
        interactions = driver.createInputTopic(Topics.INTERACTIONS, Serdes.String().serializer(),
                JsonSerde.of(InteractionEvent.class).serializer());
        sessions = driver.createOutputTopic(Topics.SESSIONS, Serdes.String().deserializer(),
                JsonSerde.of(ClosedSession.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static InteractionEvent event(String user, String session, String type, String item, Instant at, String page) {
        return new InteractionEvent(UUID.randomUUID().toString(), user, session, item, type, null, at, "web", page,
                null, null, null);
    }

    private void send(InteractionEvent e) {
        interactions.pipeInput(e.userId(), e);
    }

    /** An event in another session far enough ahead (gap and grace) to close everything before it. */
    private void advancePast(Instant at) {
        send(event("anonymous:later", "later", "view", "x", at.plus(GAP).plus(GRACE).plusSeconds(1), null));
    }

    @Test
    void aSessionClosesAfterTheGapWithItsStartEndPagesItemsAndDevice() {
        send(event("u-1", "s-1", "view", "a", T0, "/home"));
        send(event("u-1", "s-1", "view", "b", T0.plusSeconds(60), "/movies/b"));
        send(event("u-1", "s-1", "rate", "b", T0.plusSeconds(90), "/movies/b"));
        assertThat(sessions.isEmpty()).as("still open").isTrue();

        advancePast(T0.plusSeconds(90));

        List<KeyValue<String, ClosedSession>> closed = sessions.readKeyValuesToList();
        assertThat(closed).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("u-1");
            ClosedSession s = kv.value;
            assertThat(s.sessionId()).isEqualTo("s-1");
            assertThat(s.start()).isEqualTo(T0);
            assertThat(s.end()).isEqualTo(T0.plusSeconds(90));
            assertThat(s.durationSeconds()).isEqualTo(90);
            assertThat(s.events()).isEqualTo(3);
            assertThat(s.entryPage()).isEqualTo("/home");
            assertThat(s.exitPage()).isEqualTo("/movies/b");
            assertThat(s.items()).containsExactly("a", "b");
            assertThat(s.device()).isEqualTo("web");
            assertThat(s.viewed()).isTrue();
            assertThat(s.ratedAfterView()).isTrue();
        });
        assertThat(stored).extracting(ClosedSession::sessionId).containsExactly("s-1");
    }

    @Test
    void aVisitorWhoSignsInMidSessionMakesTheWholeSessionTheirs() {
        send(event("anonymous:s-2", "s-2", "view", "a", T0, "/home"));
        send(event("anonymous:s-2", "s-2", "view", "b", T0.plusSeconds(30), "/login"));
        send(event("u-2", "s-2", "view", "c", T0.plusSeconds(60), "/movies/c"));
        advancePast(T0.plusSeconds(60));

        ClosedSession s = sessions.readKeyValuesToList().get(0).value;
        assertThat(s.userId()).isEqualTo("u-2");
        assertThat(s.events()).isEqualTo(3);
        assertThat(s.entryPage()).isEqualTo("/home");
    }

    @Test
    void aSecondUserWithTheSameSessionIdNeverWritesIntoTheFirstUsersSession() {
        // The session id is the client's: the next person at a shared browser tab keeps it after a
        // sign-out, and whoever learns one can send it. Neither may write into the first user's session.
        send(event("anonymous:s-12", "s-12", "view", "a", T0, "/home"));
        send(event("victim", "s-12", "view", "b", T0.plusSeconds(30), "/movies/b"));
        send(event("attacker", "s-12", "view", "x", T0.plusSeconds(60), "/movies/x"));
        send(event("attacker", "s-12", "view", "y", T0.plusSeconds(90), "/movies/y"));
        send(event("victim", "s-12", "view", "c", T0.plusSeconds(120), "/movies/c"));
        advancePast(T0.plusSeconds(120));

        List<KeyValue<String, ClosedSession>> closed = sessions.readKeyValuesToList();
        assertThat(closed).filteredOn(kv -> kv.key.equals("victim")).singleElement().satisfies(kv -> {
            assertThat(kv.value.items()).containsExactly("a", "b", "c");
            assertThat(kv.value.events()).isEqualTo(3);
            assertThat(kv.value.exitPage()).isEqualTo("/movies/c");
        });
        assertThat(closed).filteredOn(kv -> kv.key.equals("attacker")).singleElement().satisfies(kv -> {
            assertThat(kv.value.sessionId()).isEqualTo("s-12");
            assertThat(kv.value.userId()).isEqualTo("attacker");
            assertThat(kv.value.items()).containsExactly("x", "y");
            assertThat(kv.value.events()).isEqualTo(2);
        });
    }

    @Test
    void moreThanTheGapApartIsTwoSessionsAndALateEventInBetweenJoinsThemIntoOne() {
        send(event("u-3", "s-3", "view", "a", T0, "/a"));
        send(event("u-3", "s-3", "view", "b", T0.plus(GAP).plusSeconds(600), "/b"));
        // Arrives late (within the grace), in between: bridges both gaps.
        send(event("u-3", "s-3", "view", "c", T0.plus(GAP).minusSeconds(600), "/c"));
        advancePast(T0.plus(GAP).plusSeconds(600));

        List<ClosedSession> closed = sessions.readValuesToList();
        assertThat(closed).singleElement().satisfies(s -> {
            assertThat(s.events()).isEqualTo(3);
            assertThat(s.entryPage()).isEqualTo("/a");
            assertThat(s.exitPage()).isEqualTo("/b");
        });

        send(event("u-3", "s-4", "view", "a", T0.plus(GAP.multipliedBy(4)), "/x"));
        send(event("u-3", "s-4", "view", "a", T0.plus(GAP.multipliedBy(6)), "/y"));
        advancePast(T0.plus(GAP.multipliedBy(6)));
        assertThat(sessions.readValuesToList()).filteredOn(s -> s.sessionId().equals("s-4"))
                .extracting(ClosedSession::exitPage).containsExactly("/x", "/y");
    }

    @Test
    void aRatingBeforeAnyViewIsNoConversion() {
        send(event("u-5", "s-5", "rate", "a", T0, "/a"));
        send(event("u-5", "s-5", "view", "b", T0.plusSeconds(10), "/b"));
        advancePast(T0.plusSeconds(10));
        ClosedSession s = sessions.readValuesToList().get(0);
        assertThat(s.viewed()).isTrue();
        assertThat(s.ratedAfterView()).isFalse();
    }

    @Test
    void historyRecordsMakeNoSessions() {
        InteractionEvent old = event("u-6", "history-u-6", "view", "a", T0, null);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HISTORY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
        interactions.pipeInput(new TestRecord<>("u-6", old, headers, T0));
        advancePast(T0);
        assertThat(sessions.readValuesToList()).extracting(ClosedSession::sessionId).doesNotContain("history-u-6");
    }

    @Test
    void onAQuietStackASessionClosesByTheWallClockOnceItsGapAndGraceHavePassed() {
        send(event("u-7", "s-7", "view", "a", T0, "/home"));
        send(event("u-7", "s-7", "view", "b", T0.plusSeconds(60), "/movies/b"));

        driver.advanceWallClockTime(GAP.plus(GRACE).minusSeconds(30));
        assertThat(sessions.isEmpty()).as("not yet: the gap and grace have not passed since the last event").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(30).plus(CHECK));

        assertThat(sessions.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("u-7");
            assertThat(kv.value.events()).isEqualTo(2);
            assertThat(kv.value.end()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(stored).extracting(ClosedSession::sessionId).containsExactly("s-7");

        driver.advanceWallClockTime(GAP.multipliedBy(3));
        assertThat(sessions.isEmpty()).as("a closed session is emitted once").isTrue();
    }

    @Test
    void anEventWithinTheGapKeepsTheSessionOpenOnTheWallClockToo() {
        send(event("u-8", "s-8", "view", "a", T0, "/home"));
        driver.advanceWallClockTime(GAP.minusMinutes(1));
        // The client sends its next click 29 minutes later, by its clock as by ours.
        send(event("u-8", "s-8", "view", "b", T0.plus(GAP).minus(Duration.ofMinutes(1)), "/movies/b"));
        driver.advanceWallClockTime(GAP.plus(GRACE).minusMinutes(1));
        assertThat(sessions.isEmpty()).as("still open: its last event is not gap and grace old").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(1).plus(CHECK));
        assertThat(sessions.readValuesToList()).singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(2));
    }
    @Test
    void anEventLaterThanTheGraceIsDroppedAndTheClosedSessionStaysAsItWas() {
        send(event("u-9", "s-9", "view", "a", T0, "/a"));
        send(event("u-9", "s-9", "view", "b", T0.plusSeconds(60), "/b"));
        advancePast(T0.plusSeconds(60));
        assertThat(sessions.readValuesToList()).filteredOn(s -> s.sessionId().equals("s-9"))
                .singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(2));

        // Within the gap of the session's end, but the stream is past it by more than gap + grace.
        send(event("u-9", "s-9", "view", "c", T0.plusSeconds(30), "/c"));
        advancePast(T0.plus(GAP.multipliedBy(3)));
        assertThat(sessions.readValuesToList()).extracting(ClosedSession::sessionId).doesNotContain("s-9");
    }

    @Test
    void aSessionClosedByTheWallClockAndThenJoinedByALateEventIsEmittedAgainMerged() {
        send(event("u-10", "s-10", "view", "a", T0, "/home"));
        send(event("u-10", "s-10", "view", "b", T0.plusSeconds(60), "/movies/b"));
        driver.advanceWallClockTime(GAP.plus(GRACE).plus(CHECK));
        assertThat(sessions.readValuesToList()).singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(2));

        // Sent by the client right after the others, it arrives after the session was emitted: nothing in the
        // stream was newer, so it is not late, and it joins the emitted session.
        send(event("u-10", "s-10", "rate", "b", T0.plusSeconds(90), "/movies/b"));
        advancePast(T0.plusSeconds(90));
        assertThat(sessions.readValuesToList()).filteredOn(s -> s.sessionId().equals("s-10"))
                .singleElement().satisfies(s -> {
                    assertThat(s.events()).isEqualTo(3);
                    assertThat(s.start()).isEqualTo(T0);
                    assertThat(s.end()).isEqualTo(T0.plusSeconds(90));
                    assertThat(s.entryPage()).isEqualTo("/home");
                    assertThat(s.ratedAfterView()).isTrue();
                });
    }

    @Test
    void anOutOfOrderEventWithinTheGapJoinsItsSessionWithoutChangingItsExitPage() {
        send(event("u-11", "s-11", "view", "a", T0, "/a"));
        send(event("u-11", "s-11", "view", "c", T0.plusSeconds(120), "/c"));
        send(event("u-11", "s-11", "view", "b", T0.plusSeconds(60), "/b"));
        send(event("u-11", "s-11", "view", "z", T0.minusSeconds(60), "/z"));
        advancePast(T0.plusSeconds(120));

        assertThat(sessions.readValuesToList()).filteredOn(s -> s.sessionId().equals("s-11"))
                .singleElement().satisfies(s -> {
                    assertThat(s.events()).isEqualTo(4);
                    assertThat(s.start()).isEqualTo(T0.minusSeconds(60));
                    assertThat(s.entryPage()).isEqualTo("/z");
                    assertThat(s.exitPage()).isEqualTo("/c");
                    assertThat(s.items()).containsExactlyInAnyOrder("z", "a", "b", "c");
                });
    }
}
