package io.marquee.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem+json before anything reads it. Quarkus enforces the same limit itself (also for chunked
 * bodies, where it answers a bare 413); this route only runs first to give the answer a body.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus' own limit check (order -2). */
    private static final int ORDER = -3;

    void install(@Observes Router router, ObjectMapper json,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        router.route().order(ORDER).handler(rc -> {
            if (declaredLength(rc) > max) {
                refuse(rc, json, max);
            } else {
                rc.next();
            }
        });
    }

    private static long declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // malformed: Vert.x rejects it
        }
    }

    private static void refuse(RoutingContext rc, ObjectMapper json, long max) {
        EdgeProblems.answer(rc, json, 413, "Payload too large", "The request body may be at most " + max + " bytes",
                rc.normalizedPath());
    }
}
