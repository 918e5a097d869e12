package io.marquee.ingest.ingest.service;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.problem.Problem.FieldError;
import io.marquee.common.problem.ProblemException;
import io.marquee.ingest.ingest.events.BrokerUnavailableException;
import io.marquee.ingest.ingest.events.InteractionsProducer;
import io.marquee.ingest.ingest.rest.ClientEvent;
import io.marquee.ingest.ingest.rest.EventBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Accepts a batch: all of it or none of it, and only once Kafka holds every event. */
@ApplicationScoped
public class IngestService {

    private final EventRules rules;
    private final InteractionsProducer producer;
    private final Clock clock;
    private final Counter accepted;
    private final MeterRegistry metrics;

    public IngestService(EventRules rules, InteractionsProducer producer, MeterRegistry metrics) {
        this.rules = rules;
        this.producer = producer;
        this.clock = Clock.systemUTC();
        this.metrics = metrics;
        this.accepted = Counter.builder("marquee.ingest.events.accepted")
                .description("Events acknowledged by Kafka and answered 202").register(metrics);
    }

    /**
     * @param userId the token's subject, empty for a signed-out visitor
     * @return how many events were accepted
     * @throws ProblemException 400 naming every invalid field of every event
     * @throws BrokerUnavailableException when Kafka did not acknowledge them (503)
     */
    public int accept(Optional<String> userId, EventBatch batch) {
        List<FieldError> errors = rules.check(batch, clock.instant());
        if (!errors.isEmpty()) {
            refused("invalid").increment();
            throw ProblemException.invalid(errors);
        }
        List<InteractionEvent> events = batch.events().stream().map(e -> toInteraction(userId, e)).toList();
        try {
            producer.publishAll(events);
        } catch (BrokerUnavailableException e) {
            refused("broker-unavailable").increment();
            throw e;
        }
        accepted.increment(events.size());
        return events.size();
    }

    private Counter refused(String reason) {
        return Counter.builder("marquee.ingest.requests.refused").tag("reason", reason)
                .description("Event batches answered with an error").register(metrics);
    }

    static InteractionEvent toInteraction(Optional<String> userId, ClientEvent e) {
        return new InteractionEvent(e.eventId(), userId.orElseGet(() -> Visitors.anonymous(e.sessionId())),
                e.sessionId(), e.itemId(), e.eventType(), e.eventValue(), EventRules.sentAt(e), e.device(), e.page(),
                e.recommendationId(), e.impression(), e.properties());
    }
}
