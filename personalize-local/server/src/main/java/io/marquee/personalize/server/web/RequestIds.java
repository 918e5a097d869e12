package io.marquee.personalize.server.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * {@code x-amzn-RequestId} on every answer, errors and health checks included, as AWS does:
 * a route ahead of all others sets it before anything can answer.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "x-amzn-RequestId";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.response().putHeader(HEADER, UUID.randomUUID().toString());
            ctx.next();
        });
    }
}
