package io.marquee.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose head is unreadable or too large with a problem+json answer, as the first
 * route of every service's router (and management interface), before security, body reading or
 * Quarkus REST. Without it these requests got a bare answer from below JAX-RS:
 * <ul>
 *   <li>a target that is not valid percent-encoding or UTF-8, or carries characters a URI may not
 *       ({@code ?q=%zz}, {@code /items/%E0%A4%A}, {@code %C0%80}): Quarkus' own URI check answered a
 *       bare 400. That check is handed over to {@link RequestTargets} ({@link QuarkusUriCheckHandOver});</li>
 *   <li>a request line longer than {@code quarkus.http.limits.max-initial-line-length} (4096): the
 *       HTTP codec answered a bare 414;</li>
 *   <li>headers larger than {@code quarkus.http.limits.max-header-size} (20K): a bare 431.</li>
 * </ul>
 * The codec itself answers before any Quarkus hook, so its limits are raised above these settings
 * ({@link #customizeHttpServer}) and the settings are enforced here, with a body. A request past the
 * raised codec limits (4 times the line limit, twice the header limit) still gets the codec's bare
 * 414/431; docs/security.md lists what stays bare and why.
 */
@ApplicationScoped
public class RequestHeadCheck implements HttpServerOptionsCustomizer {

    /** Headroom the codec gets above the limits enforced here, so this check can answer with a body. */
    static final int LINE_HEADROOM = 4;
    static final int HEADER_HEADROOM = 2;
    /** Before everything, Quarkus' body handler (MIN_VALUE + 1) and BodyLimit (-3) included. */
    private static final int ORDER = Integer.MIN_VALUE;

    private final ObjectMapper json;
    private final int maxLine;
    private final long maxHeaders;

    RequestHeadCheck(ObjectMapper json,
                     @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096")
                     int maxLine,
                     @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K")
                     MemorySize maxHeaders) {
        this.json = json;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders.asLongValue();
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), LINE_HEADROOM * maxLine));
        options.setMaxHeaderSize((int) Math.max(options.getMaxHeaderSize(), HEADER_HEADROOM * maxHeaders));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void installOnManagement(@Observes ManagementInterface management) {
        management.router().route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String target = request.uri();
        int lineLength = request.method().name().length() + 1 + target.length() + 1 + "HTTP/1.1".length();
        if (lineLength > maxLine) {
            EdgeProblems.answer(rc, json, 414, "URI too long", "The request line is longer than " + maxLine
                    + " characters; shorten the path or query string", null);
            return;
        }
        Optional<String> malformed = RequestTargets.problemWith(target);
        if (malformed.isPresent()) {
            boolean pathIsFine = malformed.get().startsWith("The query");
            EdgeProblems.answer(rc, json, 400, "Bad request", malformed.get(), pathIsFine ? request.path() : null);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + 2 + header.getValue().length();
        }
        if (headerBytes > maxHeaders) {
            EdgeProblems.answer(rc, json, 431, "Request header fields too large",
                    "The request headers are larger than " + maxHeaders + " bytes in total", request.path());
            return;
        }
        rc.next();
    }
}
