// Benchmark (not a test): the serialisation work the sessions topology of event-ingest-service
// does per event, as main did it before ADR 32 (JSON through Jackson everywhere) and as it does
// now (SessionSerdes), without Kafka: Kafka Streams' TopologyTestDriver flushes RocksDB on every
// record, which would measure that instead. Per event: read the interactions record, write and
// read it through the repartition topic, read the session's aggregate from the store, add the
// event, write it back. Per flush of a session (once per commit interval per busy session): read
// the aggregate again and write it to the open-sessions store. Run from a built tree, alone on a
// CPU slot (the class path is the module's test class path, e.g. from a surefire report):
//   java -cp "event-ingest-service/target/classes:$CP" bench/SessionSerdesBench.java [events] [sessions]
// Input: view events shaped as bench/load/EventLoad.java sends them (items 1..1000, a page and a
// device) over 4,800 sessions (EventLoad's 16 connections x 300). Prints CPU microseconds of the
// main thread per event and per flush, for three rounds (the first warms the JIT).
import io.marquee.common.events.InteractionEvent;
import io.marquee.ingest.kafka.JsonSerde;
import io.marquee.ingest.sessions.service.SessionAggregate;
import io.marquee.ingest.sessions.service.SessionEvent;
import io.marquee.ingest.sessions.streams.SessionSerdes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;

public class SessionSerdesBench {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static long sink;

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 4_800;
        byte[][] input = new byte[events][];
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        for (int n = 0; n < events; n++) {
            String session = "bench-" + (n % sessions);
            input[n] = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"userId\":\"anonymous:" + session
                    + "\",\"sessionId\":\"" + session + "\",\"itemId\":\"" + (1 + (n * 31) % 1000)
                    + "\",\"eventType\":\"view\",\"eventValue\":null,\"sentAt\":\"" + t0.plusMillis(n)
                    + "\",\"device\":\"web\",\"page\":\"/movies\",\"recommendationId\":null,\"impression\":null,"
                    + "\"properties\":null}").getBytes(StandardCharsets.UTF_8);
        }
        Serde<InteractionEvent> jsonEvents = JsonSerde.of(InteractionEvent.class);
        Serde<SessionEvent> jsonSlim = JsonSerde.of(SessionEvent.class);
        Serde<SessionAggregate> jsonAggregates = JsonSerde.of(SessionAggregate.class);
        for (int round = 1; round <= 3; round++) {
            // Before: the whole event as JSON, aggregates as JSON.
            byte[][] store = new byte[sessions][];
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int n = 0; n < events; n++) {
                InteractionEvent e = jsonEvents.deserializer().deserialize("interactions", input[n]);
                InteractionEvent r = jsonEvents.deserializer().deserialize("by-session",
                        jsonEvents.serializer().serialize("by-session", e));
                SessionEvent s = new SessionEvent(r.sessionId(), r.userId(), r.itemId(), r.eventType(), r.sentAt(),
                        r.device(), r.page());
                int k = n % sessions;
                SessionAggregate a = store[k] == null ? SessionAggregate.empty()
                        : jsonAggregates.deserializer().deserialize("store", store[k]);
                store[k] = jsonAggregates.serializer().serialize("store", a.add(s));
            }
            long c1 = THREADS.getCurrentThreadCpuTime();
            for (int k = 0; k < sessions; k++) {
                sink += jsonAggregates.serializer().serialize("open",
                        jsonAggregates.deserializer().deserialize("flush", store[k])).length;
            }
            long c2 = THREADS.getCurrentThreadCpuTime();
            // After: the slim event, binary repartition and aggregates.
            store = new byte[sessions][];
            long d0 = THREADS.getCurrentThreadCpuTime();
            for (int n = 0; n < events; n++) {
                SessionEvent e = jsonSlim.deserializer().deserialize("interactions", input[n]);
                SessionEvent s = SessionSerdes.EVENTS.deserializer().deserialize("by-session",
                        SessionSerdes.EVENTS.serializer().serialize("by-session", e));
                int k = n % sessions;
                SessionAggregate a = store[k] == null ? SessionAggregate.empty()
                        : SessionSerdes.AGGREGATES.deserializer().deserialize("store", store[k]);
                store[k] = SessionSerdes.AGGREGATES.serializer().serialize("store", a.add(s));
            }
            long d1 = THREADS.getCurrentThreadCpuTime();
            for (int k = 0; k < sessions; k++) {
                sink += SessionSerdes.AGGREGATES.serializer().serialize("open",
                        SessionSerdes.AGGREGATES.deserializer().deserialize("flush", store[k])).length;
            }
            long d2 = THREADS.getCurrentThreadCpuTime();
            System.out.printf("round %d: per event %.2f us before, %.2f us after; per flushed session %.2f us before,"
                    + " %.2f us after; aggregate of 50 items %d bytes JSON, %d binary%n", round,
                    (c1 - c0) / 1e3 / events, (d1 - d0) / 1e3 / events, (c2 - c1) / 1e3 / sessions,
                    (d2 - d1) / 1e3 / sessions, jsonAggregates.serializer().serialize("x",
                            SessionSerdes.AGGREGATES.deserializer().deserialize("x", store[0])).length, store[0].length);
        }
    }
}
