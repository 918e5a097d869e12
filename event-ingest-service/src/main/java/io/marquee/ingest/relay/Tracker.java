package io.marquee.ingest.relay;

import io.marquee.common.events.InteractionEvent;
import io.marquee.ingest.config.PersonalizeConfig;
import io.marquee.ingest.config.RelayConfig;
import io.marquee.ingest.ingest.service.EventRules;
import io.marquee.ingest.ingest.service.Visitors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClientBuilder;
import software.amazon.awssdk.services.personalizeevents.model.Event;

/**
 * Personalize's event tracker through the unmodified SDK client ({@code personalizeevents}). The
 * SDK's own retries are off: the relay retries itself, with its back-off, its rate limit and its
 * metrics, and decides when a refusal is final.
 */
@ApplicationScoped
public class Tracker {

    /** The outcome of a refused call. */
    public enum Refusal { RETRYABLE, FINAL }

    /** A call that did not deliver: retry it later, or dead-letter its events. */
    public static class NotDelivered extends RuntimeException {
        private final Refusal refusal;

        NotDelivered(Refusal refusal, String message, Throwable cause) {
            super(message, cause, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final PersonalizeEventsClient client;
    private final String trackingId;
    private final Timer latency;

    public Tracker(PersonalizeConfig personalize, RelayConfig relay, MeterRegistry metrics) {
        this.trackingId = personalize.trackingId().orElse(null);
        PersonalizeEventsClientBuilder builder = PersonalizeEventsClient.builder()
                .region(Region.of(personalize.region()))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(relay.callTimeout())
                        .connectionTimeout(java.time.Duration.ofSeconds(2)).build())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .apiCallTimeout(relay.callTimeout()));
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        if (personalize.endpointOverride().isPresent()) {
            builder.endpointOverride(personalize.endpointOverride().get());
            // personalize-local ignores signatures: without AWS credentials around, any will do.
            credentials = AwsCredentialsProviderChain.builder().credentialsProviders(credentials,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        }
        this.client = builder.credentialsProvider(credentials).build();
        this.latency = Timer.builder("marquee.ingest.tracker.latency")
                .description("PutEvents calls, whatever their outcome").publishPercentileHistogram()
                .register(metrics);
    }

    public boolean configured() {
        return trackingId != null && !trackingId.isBlank();
    }

    /**
     * One PutEvents call: 1 to 10 events of one user (null for a signed-out visitor) and session.
     *
     * @throws NotDelivered when the tracker did not take them
     */
    public void put(String userId, String sessionId, List<InteractionEvent> events) {
        List<Event> wire = events.stream().map(Tracker::toWire).toList();
        Timer.Sample sample = Timer.start();
        try {
            client.putEvents(r -> r.trackingId(trackingId).sessionId(sessionId)
                    .userId(Visitors.isAnonymous(userId) ? null : userId).eventList(wire));
        } catch (SdkServiceException e) {
            boolean retryable = e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 429;
            throw new NotDelivered(retryable ? Refusal.RETRYABLE : Refusal.FINAL,
                    errorName(e) + " (" + e.statusCode() + "): " + firstLine(e.getMessage()), e);
        } catch (SdkClientException e) {
            // No answer at all (connection refused, timeout): the tracker may be back soon.
            throw new NotDelivered(Refusal.RETRYABLE, "no answer: " + firstLine(e.getMessage()), e);
        } finally {
            sample.stop(latency);
        }
    }

    private static Event toWire(InteractionEvent e) {
        Event.Builder event = Event.builder().eventId(e.eventId()).eventType(e.eventType()).itemId(e.itemId())
                .sentAt(e.sentAt()).recommendationId(e.recommendationId());
        if (e.eventValue() != null) {
            event.eventValue(e.eventValue().floatValue());
        }
        if (e.impression() != null && !e.impression().isEmpty()) {
            event.impression(e.impression());
        }
        if (e.properties() != null && !e.properties().isEmpty()) {
            event.properties(EventRules.propertiesJson(e.properties()));
        }
        return event.build();
    }

    private static String errorName(SdkServiceException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) : line;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
