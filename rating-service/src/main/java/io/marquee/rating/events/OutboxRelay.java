package io.marquee.rating.events;

import io.marquee.rating.config.RatingsConfig;
import io.marquee.rating.repository.OutboxRow;
import io.marquee.rating.repository.RatingRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes what the immediate publish left behind: changes committed just before a crash, or
 * while the broker was unreachable. Runs every {@code ratings.outbox.relay-interval}, one run at a
 * time, and only takes rows older than {@code ratings.outbox.relay-min-age}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RatingRepository repository;
    private final OutboxPublisher publisher;
    private final Duration minAge;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong leftovers = new AtomicLong();

    public OutboxRelay(RatingRepository repository, OutboxPublisher publisher, RatingsConfig config,
                       MeterRegistry metrics) {
        this.repository = repository;
        this.publisher = publisher;
        this.minAge = config.outbox().relayMinAge();
        Gauge.builder("ratings.outbox.leftovers", leftovers, AtomicLong::get)
                .description("Outbox rows the relay found old enough to publish on its last run").register(metrics);
    }

    @Scheduled(every = "${ratings.outbox.relay-interval:10s}", delayed = "${ratings.outbox.relay-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            relay();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay run failed, next run retries: %s", e.toString());
        }
    }

    /**
     * One relay run: publishes, per user and in order, the pending changes of every user who has a
     * row older than the minimum age.
     *
     * @return how many outbox rows were published
     */
    public int relay() {
        Instant cutoff = clock.instant().minus(minAge);
        Set<String> users = new LinkedHashSet<>();
        long old = 0;
        for (OutboxRow row : repository.allPending()) {
            if (!row.createdAt().isAfter(cutoff)) {
                users.add(row.userId());
                old++;
            }
        }
        leftovers.set(old);
        int published = 0;
        for (String user : users) {
            OutboxPublisher.Outcome outcome = publisher.publishPending(user);
            published += outcome.published();
            if (!outcome.complete()) {
                // The broker (or DynamoDB) is failing: waiting out a timeout per user helps nobody.
                LOG.warnf("outbox relay stopped early; %d users still have unpublished changes", users.size());
                break;
            }
        }
        if (published > 0) {
            LOG.infof("outbox relay published %d leftover rating changes of %d users", published, users.size());
        }
        return published;
    }
}
