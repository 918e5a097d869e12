package io.marquee.catalog.stats.service;

import io.marquee.catalog.config.CatalogConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Keeps the background absorption of Kafka events ({@link StatsService#apply}) out of the way of
 * everything else. It yields to the request path: before each chunk it waits, a bounded while,
 * until no request is being served, so a backlog (the demo history at first start, a restart
 * after a long stop) never starves reads and the item checks other services make. And it stops
 * first at shutdown: the shutdown observer runs before the Kafka connector and the DynamoDB
 * client are closed, and waits for the batch in progress to stop at its next chunk; that batch is
 * not acknowledged, so it is delivered again at the next start, where the partition's watermark
 * skips the chunks already applied.
 */
@ApplicationScoped
public class AbsorbGate {

    private static final Logger LOG = Logger.getLogger(AbsorbGate.class);
    /** How long shutdown waits for a batch in progress to reach the end of its chunk. */
    static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final Duration yieldMax;
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final AtomicInteger yielding = new AtomicInteger();
    private final Object lock = new Object();
    private int batchesInFlight;
    private boolean stopping;

    @Inject
    public AbsorbGate(CatalogConfig config) {
        this(config.events().yieldToRequests());
    }

    AbsorbGate(Duration yieldMax) {
        this.yieldMax = yieldMax;
    }

    /** Counts the requests being served (not health checks or metrics: those must not slow anything). */
    void countRequests(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (!rc.normalizedPath().startsWith("/q/")) {
                requestStarted();
                rc.addEndHandler(done -> requestEnded());
            }
            rc.next();
        });
    }

    void requestStarted() {
        requestsInFlight.incrementAndGet();
    }

    void requestEnded() {
        requestsInFlight.decrementAndGet();
    }

    /** Before the connectors and clients close (they close when the container does, after this). */
    void stopAbsorbing(@Observes @Priority(1) ShutdownEvent event) {
        stop(STOP_WAIT);
    }

    /**
     * A batch starts.
     *
     * @throws AbsorbStopped when the service is stopping
     */
    public void enter() {
        synchronized (lock) {
            if (stopping) {
                throw new AbsorbStopped();
            }
            batchesInFlight++;
        }
    }

    /** A batch ended, however it ended. */
    public void leave() {
        synchronized (lock) {
            batchesInFlight--;
            lock.notifyAll();
        }
    }

    /**
     * Called before each chunk (one DynamoDB transaction) of a batch: waits while requests are being
     * served, at most the configured {@code catalog.events.yield-to-requests}.
     *
     * @throws AbsorbStopped when the service is stopping; the batch must not be acknowledged
     */
    public void beforeChunk() {
        checkOpen();
        if (requestsInFlight.get() == 0) {
            return;
        }
        long deadline = System.nanoTime() + yieldMax.toNanos();
        yielding.incrementAndGet();
        try {
            while (requestsInFlight.get() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL_NANOS);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new AbsorbStopped();
                }
                checkOpen();
            }
        } finally {
            yielding.decrementAndGet();
        }
    }

    /** Batches waiting right now for requests to finish. */
    int yielding() {
        return yielding.get();
    }

    /**
     * Refuses new batches, and waits up to {@code wait} for those in progress to stop at the end of
     * their chunk.
     */
    public void stop(Duration wait) {
        synchronized (lock) {
            stopping = true;
            long deadline = System.nanoTime() + wait.toNanos();
            while (batchesInFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warnf("%d event batches still in progress after %d s; stopping anyway", batchesInFlight,
                            wait.toSeconds());
                    return;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.info("stopped absorbing events; a batch in progress is delivered again at the next start");
    }

    /** Opens the gate again after {@link #stop} (tests only: a stopped service does not restart). */
    void reopen() {
        synchronized (lock) {
            stopping = false;
        }
    }

    private void checkOpen() {
        synchronized (lock) {
            if (stopping) {
                throw new AbsorbStopped();
            }
        }
    }

    /** The service is stopping: the batch in progress ends here, unacknowledged. */
    public static final class AbsorbStopped extends RuntimeException {
        public AbsorbStopped() {
            super("catalog-service is stopping; the batch is delivered again at the next start", null, false, false);
        }
    }
}
