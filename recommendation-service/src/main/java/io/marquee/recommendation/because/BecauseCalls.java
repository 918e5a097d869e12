package io.marquee.recommendation.because;

import io.marquee.recommendation.config.RecommendationsConfig;
import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded pool "because you watched" runs its independent calls on
 * ({@code recommendations.because.threads}). Nothing request-scoped is needed there: the caller's
 * token travels in {@link io.marquee.recommendation.caller.Caller}, and the trace context is carried
 * over so the calls stay in the request's trace. A full pool runs the call on the submitting thread:
 * slower, never refused, and nothing is left waiting for a pool that is shutting down.
 */
@ApplicationScoped
public class BecauseCalls {

    private final ExecutorService pool;
    private final Executor traced;

    @Inject
    BecauseCalls(RecommendationsConfig config) {
        this(pool(Math.max(1, config.because().threads())));
    }

    BecauseCalls(ExecutorService pool) {
        this.pool = pool;
        this.traced = Context.taskWrapping(pool);
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(threads * 8), r -> {
                    Thread thread = new Thread(r, "because-calls-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (task, executor) -> task.run());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Starts {@code call}; {@code Futures.join} gives its result or rethrows what it threw. */
    <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, traced);
    }

}
