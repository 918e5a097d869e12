package io.marquee.personalize.server.runtime;

import io.marquee.personalize.server.config.ServerConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the recommendation requests in progress. Past the bound a request is answered at once
 * with {@code ThrottlingException}, which every AWS SDK retries with back-off, instead of joining
 * a queue that makes every caller wait seconds: overload stays visible and latency bounded. It
 * runs on the event loop, ahead of the worker pool, because that pool's queue is where requests
 * would otherwise wait.
 */
@ApplicationScoped
public class Admission {

    private static final Set<String> PATHS = Set.of("/recommendations", "/personalize-ranking");
    private static final String BODY_FORMAT = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded: %d "
            + "recommendation requests are already in progress\"}";

    private final AtomicInteger inProgress = new AtomicInteger();
    private final int limit;

    public Admission(ServerConfig config) {
        this.limit = config.maxConcurrentRequests();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (ctx.request().method() != HttpMethod.POST || !PATHS.contains(ctx.normalizedPath())) {
                ctx.next();
                return;
            }
            if (inProgress.incrementAndGet() > limit) {
                inProgress.decrementAndGet();
                ctx.response().setStatusCode(400).putHeader("x-amzn-ErrorType", "ThrottlingException")
                        .putHeader("Content-Type", "application/json").end(String.format(BODY_FORMAT, limit));
                return;
            }
            ctx.addEndHandler(done -> inProgress.decrementAndGet());
            ctx.next();
        });
    }
}
