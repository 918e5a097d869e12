// Benchmark (not a test): the field checks event-ingest-service runs on every accepted batch
// (EventRules.check), on batches shaped as bench/load/EventLoad.java sends them (100 view events:
// a UUID event id, a session, an item 1..1000, a time, a page and a device). Also the five id-like
// fields alone, checked as EventRules does now (Token, a loop) and as it did before 2026-12-07
// (java.util.regex, the same patterns): that difference is what the change saved per batch.
// Run from a built tree, alone on a CPU slot:
//   CP=$(./mvnw -q -o -pl event-ingest-service dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
//   java -cp "event-ingest-service/target/classes:$CP" bench/EventRulesBench.java [batches]
// Prints CPU microseconds of the main thread per batch of 100, for three rounds (the first warms the JIT).
import io.marquee.ingest.config.AcceptConfig;
import io.marquee.ingest.ingest.rest.ClientEvent;
import io.marquee.ingest.ingest.rest.EventBatch;
import io.marquee.ingest.ingest.service.EventRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

public class EventRulesBench {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static long sink;

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        EventRules rules = new EventRules(new AcceptConfig() {
            public Duration sendTimeout() { return Duration.ofSeconds(5); }
            public Duration retryAfter() { return Duration.ofSeconds(5); }
            public Duration maxClockSkew() { return Duration.ofMinutes(10); }
            public Duration maxAge() { return Duration.ofDays(30); }
        });
        List<EventBatch> input = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            List<ClientEvent> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add(new ClientEvent(UUID.randomUUID().toString(), "bench-" + (b % 16) + "-" + (b * 100 + i) % 300,
                        "view", Integer.toString(1 + (b * 31 + i * 7) % 1000), Instant.now().toString(), null, null,
                        null, "/movies", "web", null));
            }
            input.add(new EventBatch(events));
        }
        // The five fields as EventRules checks them now, and the same patterns through java.util.regex.
        Object[] tokens = {field("ID"), field("ID"), field("EVENT_TYPE"), field("ITEM_ID"), field("DEVICE")};
        Method matches = tokens[0].getClass().getDeclaredMethod("matches", String.class);
        Method pattern = tokens[0].getClass().getDeclaredMethod("pattern");
        matches.setAccessible(true);
        pattern.setAccessible(true);
        Pattern[] patterns = new Pattern[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            patterns[i] = (Pattern) pattern.invoke(tokens[i]);
        }
        for (int round = 1; round <= 3; round++) {
            long t = cpu();
            for (int n = 0; n < batches; n++) {
                sink += rules.check(input.get(n & 63), Instant.now()).size();
            }
            double check = (cpu() - t) / 1e3 / batches;
            double token = fields(batches, input, (f, value) -> (Boolean) matches.invoke(tokens[f], value));
            double regex = fields(batches, input, (f, value) -> patterns[f].matcher(value).matches());
            System.out.printf("round %d: EventRules.check %.1f µs per batch of 100; the five id fields: Token %.1f µs, "
                    + "java.util.regex %.1f µs%n", round, check, token, regex);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    interface FieldCheck {
        boolean test(int field, String value) throws Exception;
    }

    /** CPU µs per batch to run {@code check} on the five id-like fields of every event. */
    static double fields(int batches, List<EventBatch> input, FieldCheck check) throws Exception {
        long t = cpu();
        for (int n = 0; n < batches; n++) {
            for (ClientEvent e : input.get(n & 63).events()) {
                String[] values = {e.eventId(), e.sessionId(), e.eventType(), e.itemId(), e.device()};
                for (int f = 0; f < values.length; f++) {
                    sink += check.test(f, values[f]) ? 1 : 0;
                }
            }
        }
        return (cpu() - t) / 1e3 / batches;
    }

    static Object field(String name) throws Exception {
        Field f = EventRules.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
