package io.marquee.personalize.server.control;

import io.marquee.personalize.server.config.ServerConfig;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Moves resources through Personalize's status lifecycle in the background:
 * CREATE PENDING → CREATE IN_PROGRESS → (the work) → ACTIVE or CREATE FAILED, and
 * DELETE PENDING → DELETE IN_PROGRESS → gone. Heavy work (imports, training) runs one job at a
 * time on its own thread, so a training never starves the request threads of both cores.
 */
@ApplicationScoped
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    /** The work behind a create; a {@link WorkFailed} ends it in CREATE FAILED with its message. */
    @FunctionalInterface
    public interface Work {
        void run(Resource resource) throws Exception;
    }

    /** An expected failure of a job; its message becomes the failureReason. */
    public static final class WorkFailed extends Exception {
        public WorkFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final Store store;
    private final long stepMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "personalize-lifecycle"));
    /**
     * At the lowest Java priority: where the JVM maps priorities to the OS's
     * ({@code -XX:ThreadPriorityPolicy=1}, as the devstack runs it), imports and trainings then yield
     * the cores to the threads that answer requests, in this process and in others.
     */
    private final ExecutorService workers = Executors.newSingleThreadExecutor(r -> {
        Thread t = daemon(r, "personalize-jobs");
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    public Lifecycle(Store store, ServerConfig config) {
        this.store = store;
        this.stepMillis = config.statusStep().toMillis();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stores the new resource as CREATE PENDING and runs its lifecycle; heavy work goes to the job thread. */
    public void create(Resource resource, boolean heavy, Work work) {
        store.put(resource.withStatus(Resource.CREATE_PENDING, null));
        timer.schedule(() -> {
            Resource current = advance(resource.arn(), Resource.CREATE_PENDING, Resource.CREATE_IN_PROGRESS);
            if (current == null) {
                return;
            }
            Runnable job = () -> runWork(current, work);
            if (heavy) {
                workers.submit(job);
            } else {
                timer.schedule(job, stepMillis, TimeUnit.MILLISECONDS);
            }
        }, stepMillis, TimeUnit.MILLISECONDS);
    }

    private void runWork(Resource resource, Work work) {
        try {
            work.run(resource);
            store.find(resource.arn()).filter(r -> Resource.CREATE_IN_PROGRESS.equals(r.status()))
                    .ifPresent(r -> store.replace(r.withStatus(Resource.ACTIVE, null)));
        } catch (WorkFailed e) {
            fail(resource.arn(), e.getMessage());
        } catch (Exception | Error e) {
            LOG.errorf(e, "%s failed", resource.arn());
            fail(resource.arn(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void fail(String arn, String reason) {
        store.find(arn).filter(r -> !r.isDeleting())
                .ifPresent(r -> store.replace(r.withStatus(Resource.CREATE_FAILED, reason)));
    }

    /** Marks the resource DELETE PENDING, then removes it (after {@code cleanup}) in the background. */
    public void delete(Resource resource, Work cleanup) {
        store.put(resource.withStatus(Resource.DELETE_PENDING, null));
        timer.schedule(() -> {
            Resource current = advance(resource.arn(), Resource.DELETE_PENDING, Resource.DELETE_IN_PROGRESS);
            if (current == null) {
                return;
            }
            timer.schedule(() -> {
                try {
                    cleanup.run(current);
                } catch (Exception e) {
                    LOG.errorf(e, "cleaning up %s failed", current.arn());
                }
                store.remove(current.arn());
            }, stepMillis, TimeUnit.MILLISECONDS);
        }, stepMillis, TimeUnit.MILLISECONDS);
    }

    private Resource advance(String arn, String from, String to) {
        return store.find(arn).filter(r -> from.equals(r.status())).map(r -> {
            Resource next = r.withStatus(to, null);
            store.replace(next);
            return next;
        }).orElse(null);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        timer.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
