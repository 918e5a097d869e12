package io.marquee.user.history.events;

import io.marquee.common.events.InteractionEvent;
import io.marquee.user.history.service.HistoryService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the {@code interactions} topic into the history. Records of one user share a partition
 * and are handled one at a time in order ({@code @Blocking} keeps the order); the history is
 * idempotent, so redelivery after a rebalance or a crash does no harm.
 */
@ApplicationScoped
public class InteractionsConsumer {

    static final String CHANNEL = "interactions";

    private final HistoryService history;

    public InteractionsConsumer(HistoryService history) {
        this.history = history;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(InteractionEvent event) {
        history.record(event);
    }
}
