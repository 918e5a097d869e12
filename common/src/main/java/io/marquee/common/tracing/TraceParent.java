package io.marquee.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The W3C {@code traceparent} of the work in progress, for the Kafka records our plain producers
 * send. Reactive-messaging channels and REST calls carry it by themselves (quarkus-opentelemetry);
 * a {@code KafkaProducer} we own does not, so without this a request's trace would stop at the
 * topic. Works with the sampler off too: the span then is not recorded but still has its ids.
 */
public final class TraceParent {

    /** The record header (and outbox attribute) name, as W3C Trace Context names it. */
    public static final String HEADER = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceParent() {
    }

    /** The current span's traceparent, empty outside any trace (a background thread, a test). */
    public static Optional<String> current() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }

    /**
     * The current span's traceparent as a record header, empty outside any trace. Made once for
     * all the records of one request: the value comes from the span's own ids, so it needs no
     * check, and the records can share one header.
     */
    public static Optional<Header> currentHeader() {
        return current().map(traceparent -> new RecordHeader(HEADER, traceparent.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Adds {@code traceparent} to a record's headers; a stored value that is not a well-formed
     * traceparent is left out rather than passed on to every consumer.
     */
    public static void addTo(Headers headers, String traceparent) {
        if (traceparent != null && FORMAT.matcher(traceparent).matches()) {
            headers.remove(HEADER);
            headers.add(HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
