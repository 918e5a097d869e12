package io.marquee.ingest.dlq.service;

import io.marquee.common.events.DeadLetterReplay;
import io.marquee.common.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves dead-lettered events back to {@code interactions} once their cause is fixed (a wrong
 * tracking id, an outage longer than the relay waits); see {@link DeadLetterReplay}. The relay then
 * sends them again; the ids it remembers keep any that did reach the tracker from going twice.
 */
@ApplicationScoped
public class DlqReplay {

    private final KafkaClients kafka;

    public DlqReplay(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /** One replay at a time per replica; the shared consumer group orders them across replicas. */
    public synchronized DeadLetterReplay.Replayed replay() throws Exception {
        return DeadLetterReplay.run(kafka);
    }
}
