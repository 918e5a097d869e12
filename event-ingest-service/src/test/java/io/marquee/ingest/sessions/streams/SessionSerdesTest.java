package io.marquee.ingest.sessions.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.events.InteractionEvent;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.ingest.sessions.service.SessionAggregate;
import io.marquee.ingest.sessions.service.SessionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The topology's internal binary form: lossless, and still reading what earlier releases wrote as JSON. */
class SessionSerdesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456789Z");

    private static SessionAggregate full() {
        List<String> items = IntStream.range(0, SessionAggregate.MAX_ITEMS).mapToObj(i -> "tt-" + i + "-é").toList();
        return new SessionAggregate("s-1", "u-1", T0, "/home", T0.plusSeconds(90), "/movies/ü", 123_456_789L, items,
                "web", T0.plusMillis(5), Instant.parse("1960-01-01T00:00:00Z"));
    }

    @Test
    void anAggregateRoundTripsWithEveryFieldAndNulls() {
        SessionAggregate full = full();
        assertThat(roundTrip(full)).isEqualTo(full);
        SessionAggregate sparse = SessionAggregate.empty();
        assertThat(roundTrip(sparse)).isEqualTo(sparse);
        SessionAggregate noPages = new SessionAggregate("s-2", "anonymous:s-2", T0, null, T0, null, 1, List.of(""),
                null, null, null);
        assertThat(roundTrip(noPages)).isEqualTo(noPages);
    }

    @Test
    void aSessionIdsWindowsRoundTripWithTheirEmittedMarks() {
        SessionAggregate later = new SessionAggregate("s-1", "u-1", T0.plusSeconds(7200), null, T0.plusSeconds(7300),
                null, 2, List.of("tt-1"), null, null, null);
        SessionsOfId windows = new SessionsOfId(List.of(new SessionsOfId.Window(full(), true),
                new SessionsOfId.Window(later, false)));
        byte[] bytes = SessionSerdes.WINDOWS.serializer().serialize("t", windows);
        assertThat(bytes[0]).isEqualTo(SessionSerdes.V1);
        assertThat(SessionSerdes.WINDOWS.deserializer().deserialize("t", bytes)).isEqualTo(windows);
        assertThat(SessionSerdes.WINDOWS.deserializer().deserialize("t",
                SessionSerdes.WINDOWS.serializer().serialize("t", SessionsOfId.NONE))).isEqualTo(SessionsOfId.NONE);
    }

    @Test
    void anEventRoundTrips() {
        SessionEvent e = new SessionEvent("s-1", "u-1", "tt-9", "view", T0, "ios", "/movies/tt-9");
        assertThat(SessionSerdes.EVENTS.deserializer().deserialize("t", SessionSerdes.EVENTS.serializer().serialize("t", e)))
                .isEqualTo(e);
        SessionEvent bare = new SessionEvent("s-1", null, null, null, null, null, null);
        assertThat(SessionSerdes.EVENTS.deserializer().deserialize("t", SessionSerdes.EVENTS.serializer().serialize("t", bare)))
                .isEqualTo(bare);
    }

    @Test
    void jsonWrittenByEarlierReleasesStillReads() {
        SessionAggregate full = full();
        byte[] json = EventJson.write(full).getBytes(StandardCharsets.UTF_8);
        assertThat(SessionSerdes.AGGREGATES.deserializer().deserialize("store", json)).isEqualTo(full);

        InteractionEvent whole = new InteractionEvent("e-1", "u-1", "s-1", "tt-1", "rate", 4.0, T0, "web", "/m",
                "rec-1", List.of("tt-2", "tt-3"), Map.of("k", "v"));
        byte[] repartitioned = EventJson.write(whole).getBytes(StandardCharsets.UTF_8);
        assertThat(SessionSerdes.EVENTS.deserializer().deserialize("by-session", repartitioned))
                .isEqualTo(new SessionEvent("s-1", "u-1", "tt-1", "rate", T0, "web", "/m"));
    }

    @Test
    void unreadableBytesReadAsNull() {
        assertThat(SessionSerdes.AGGREGATES.deserializer().deserialize("t", new byte[] {9, 1, 2})).isNull();
        assertThat(SessionSerdes.AGGREGATES.deserializer().deserialize("t", new byte[] {SessionSerdes.V1, (byte) 0xff}))
                .isNull();
        assertThat(SessionSerdes.AGGREGATES.deserializer().deserialize("t", new byte[0])).isNull();
        assertThat(SessionSerdes.AGGREGATES.deserializer().deserialize("t", null)).isNull();
    }

    private static SessionAggregate roundTrip(SessionAggregate a) {
        byte[] bytes = SessionSerdes.AGGREGATES.serializer().serialize("t", a);
        return SessionSerdes.AGGREGATES.deserializer().deserialize("t", bytes);
    }
}
