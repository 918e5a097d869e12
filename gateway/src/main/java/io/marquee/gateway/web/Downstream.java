package io.marquee.gateway.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Calls to one downstream service, guarded (timeout, circuit breaker, one retry for idempotent
 * reads) and relayed: the service's status, {@code Content-Type} and body pass through unchanged,
 * so its 4xx problem+json reaches the client as the service wrote it ({@code Location} is rewritten
 * to the public route, see {@link PublicPaths}). Transport failures never
 * escape: they become 503 (unreachable, circuit open) or 504 (too slow) problems.
 */
public final class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);
    /** Downstream headers worth relaying besides Content-Type; hop-by-hop and internal ones stay behind. */
    private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.RETRY_AFTER,
            // A service's 401 (a failed login, a revoked session) carries its challenge, as RFC 9110 asks.
            HttpHeaders.WWW_AUTHENTICATE,
            // How recommendation-service made a list (campaign, filter, or fallback and why).
            "X-Recommendation-Source");

    private final String service;
    private final Guard guarded;
    private final Guard retriedOnce;
    private final Guard probe;

    /**
     * @param service the service's name as clients may read it in problems, e.g. {@code catalog-service}
     */
    public Downstream(String service, GatewayConfig.Downstream config) {
        this.service = service;
        long timeoutMillis = config.timeout().toMillis();
        GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.guarded = Guard.create()
                .withDescription(service)
                .withTimeout().duration(timeoutMillis, ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(breaker.window())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
        // Only a failed connection is retried: a timeout would double the wait, and a write is never retried.
        this.retriedOnce = Guard.create()
                .withDescription(service + " reads")
                .withRetry().maxRetries(1).delay(50, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                    .retryOn(ProcessingException.class).done()
                .build();
        this.probe = Guard.create()
                .withDescription(service + " probe")
                .withTimeout().duration(timeoutMillis, ChronoUnit.MILLIS).done()
                .build();
    }

    /** An idempotent call (GET): retried once if the connection failed. */
    public Response read(Callable<Response> call) {
        return relay(() -> retriedOnce.call(() -> guarded.call(() -> buffered(call), Response.class), Response.class));
    }

    /** A call with effects (PUT, POST, DELETE): never retried. */
    public Response write(Callable<Response> call) {
        return relay(() -> guarded.call(() -> buffered(call), Response.class));
    }

    /** Whether the service answers {@code call} with a 2xx within the timeout; never throws. */
    public boolean reachable(Callable<Response> call) {
        try (Response answer = probe.call(call, Response.class)) {
            return answer.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL;
        } catch (Exception e) {
            LOG.debugf("%s is not reachable: %s", service, e.toString());
            return false;
        }
    }

    private Response relay(Callable<Response> call) {
        try {
            return call.call();
        } catch (TimeoutException e) {
            LOG.warnf("%s did not answer in time", service);
            throw new ProblemException(504, "Gateway timeout", service + " did not answer in time", List.of());
        } catch (CircuitBreakerOpenException e) {
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.warnf("%s is unreachable: %s", service, e.getCause() == null ? e : e.getCause());
            throw unavailable();
        } catch (Exception e) {
            LOG.errorf(e, "call to %s failed", service);
            throw unavailable();
        }
    }

    /**
     * The service's answer, read completely inside the guards (so a body that breaks off or
     * trickles in counts as a failure and within the timeout) and copied for relaying.
     */
    private static Response buffered(Callable<Response> call) throws Exception {
        try (Response answer = call.call()) {
            Response.ResponseBuilder relayed = Response.status(answer.getStatus());
            if (answer.getMediaType() != null) {
                relayed.type(answer.getMediaType());
            }
            if (answer.hasEntity()) {
                byte[] body = answer.readEntity(byte[].class);
                if (body != null && body.length > 0) {
                    relayed.entity(body);
                }
            }
            String location = answer.getHeaderString(HttpHeaders.LOCATION);
            if (location != null) {
                relayed.location(PublicPaths.of(URI.create(location)));
            }
            for (String header : RELAYED_HEADERS) {
                String value = answer.getHeaderString(header);
                if (value != null) {
                    relayed.header(header, value);
                }
            }
            return relayed.build();
        }
    }

    private ProblemException unavailable() {
        return new ProblemException(503, "Service unavailable", service + " is unavailable", List.of());
    }
}
