package io.marquee.rating.events;

import io.marquee.common.events.Topics;
import io.marquee.rating.config.RatingsConfig;
import io.marquee.rating.repository.OutboxRow;
import io.marquee.rating.repository.RatingRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Publishes committed rating changes from the outbox to Kafka: the {@code ratings} event, then the
 * {@code interactions} event, and deletes the row only after both were acknowledged. A crash or a
 * broker outage in between leaves the row for {@link OutboxRelay}, so nothing is lost; the price is
 * that an event may be delivered twice (consumers deduplicate by the change number, below).
 *
 * <p>One user's rows are always published by one thread at a time, oldest sequence first, and a
 * row is only attempted after every earlier row of that user was acknowledged: one user's events
 * reach each topic in the order they were committed.
 *
 * <p>Every {@code ratings} event carries its row's sequence (the user's change number), written
 * into it at commit, however often the row is published: that is what lets consumers skip a copy
 * published again under a new offset after a crash between the broker's ack and the row's delete.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    /** Per-user locks, striped so the lock table stays fixed in size whatever the number of users. */
    private static final int STRIPES = 256;
    private static final int BATCH = 50;

    private final RatingRepository repository;
    private final EventProducer producer;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor;
    private final Counter published;
    private final Counter failures;

    public OutboxPublisher(RatingRepository repository, EventProducer producer, RatingsConfig config,
                           MeterRegistry metrics) {
        this.repository = repository;
        this.producer = producer;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        int threads = Math.max(1, config.outbox().publishers());
        AtomicInteger count = new AtomicInteger();
        // Beyond the queue, work is dropped on purpose: the rows stay in the outbox for the relay.
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.outbox().queueSize())), r -> {
                    Thread thread = new Thread(r, "rating-outbox-publisher-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.published = Counter.builder("ratings.outbox.published")
                .description("Outbox rows whose events the broker acknowledged").register(metrics);
        this.failures = Counter.builder("ratings.outbox.publish.failures")
                .description("Attempts to publish an outbox row that the broker did not acknowledge").register(metrics);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Publishes the user's pending changes soon, on a publisher thread; never blocks the caller. */
    public void publishSoon(String userId) {
        if (!queued.add(userId)) {
            return; // a publish of this user is already waiting and will see the new row
        }
        try {
            executor.execute(() -> {
                queued.remove(userId);
                publishPending(userId);
            });
        } catch (RejectedExecutionException e) {
            queued.remove(userId);
            LOG.debugf("publish queue full; the relay will publish %s's changes", userId);
        }
    }

    /** What one publishing pass of a user achieved. */
    public record Outcome(int published, boolean complete) {
    }

    /**
     * Publishes the user's pending changes now, oldest first, stopping at the first one the broker
     * does not acknowledge (a later one must not overtake it).
     *
     * @return how many outbox rows were published, and whether none is left
     */
    public Outcome publishPending(String userId) {
        ReentrantLock lock = locks[Math.floorMod(userId.hashCode(), STRIPES)];
        lock.lock();
        int done = 0;
        try {
            while (true) {
                List<OutboxRow> rows = repository.pending(userId, BATCH);
                for (OutboxRow row : rows) {
                    // Written numbered at commit (RatingService): sent as stored, never parsed back.
                    producer.sendAndAwait(Topics.RATINGS, userId, row.ratingEvent(), row.traceparent());
                    if (row.interactionEvent() != null) {
                        producer.sendAndAwait(Topics.INTERACTIONS, userId, row.interactionEvent(), row.traceparent());
                    }
                    repository.published(userId, row.sequence());
                    published.increment();
                    done++;
                }
                if (rows.size() < BATCH) {
                    return new Outcome(done, true);
                }
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("publishing %s's rating changes stopped, the relay will retry: %s", userId, e.getMessage());
            return new Outcome(done, false);
        } finally {
            lock.unlock();
        }
    }
}
