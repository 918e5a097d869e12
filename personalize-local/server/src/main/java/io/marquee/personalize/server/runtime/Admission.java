package io.marquee.personalize.server.runtime;

import io.marquee.personalize.server.config.ServerConfig;
import io.marquee.personalize.server.web.AwsException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the recommendation requests in progress. Past the bound a request is answered at once
 * with {@code ThrottlingException}, which every AWS SDK retries with back-off, instead of joining
 * a queue that makes every caller wait seconds: overload stays visible and latency bounded.
 */
@ApplicationScoped
public class Admission {

    private final Semaphore permits;
    private final int limit;

    public Admission(ServerConfig config) {
        this.limit = config.maxConcurrentRequests();
        this.permits = new Semaphore(limit);
    }

    public <T> T run(Supplier<T> request) {
        if (!permits.tryAcquire()) {
            throw new AwsException("ThrottlingException", 400, "Rate exceeded: " + limit
                    + " recommendation requests are already in progress");
        }
        try {
            return request.get();
        } finally {
            permits.release();
        }
    }
}
