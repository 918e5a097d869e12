package io.marquee.gateway.ratelimit;

import io.marquee.common.problem.Problem;
import io.marquee.common.web.RequestIds;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimiter} to every API route before the service is called; over the limit the
 * answer is 429 problem+json with {@code Retry-After}. On routes that need a token the client is
 * the token's subject, so users behind one address (an office, a mobile carrier) do not share a
 * bucket; a request whose token fails verification gets its 401 here. Public routes never look at
 * the token (an expired one must not break browsing) and count per client address.
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Uni.createFrom().nullItem();
        }
        RouteClass routeClass = routeClass(method, request.getMethod());
        String address = "address " + AddressGroups.of(http.remoteAddress().hostAddress());
        if (!needsToken(method)) {
            return Uni.createFrom().item(check(routeClass, address, request));
        }
        return identities.getDeferredIdentity()
                .map(identity -> check(routeClass, clientOf(identity, address), request));
    }

    private static String clientOf(SecurityIdentity identity, String address) {
        return identity.isAnonymous() ? address : "user " + identity.getPrincipal().getName();
    }

    private Response check(RouteClass routeClass, String client, ContainerRequestContext request) {
        long retryAfter = limiter.acquire(routeClass, client);
        if (retryAfter == 0) {
            return null;
        }
        Object requestId = request.getProperty(RequestIds.CONTEXT_PROPERTY);
        Problem problem = new Problem("about:blank", "Too many requests", 429,
                "Too many " + routeClass.name().toLowerCase(Locale.ROOT) + " requests from this client; retry in "
                        + retryAfter + " s",
                request.getUriInfo().getPath(), requestId == null ? null : requestId.toString(), List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, retryAfter)
                .entity(problem).build();
    }

    private static RouteClass routeClass(Method method, String httpMethod) {
        RateLimited declared = method.getAnnotation(RateLimited.class);
        if (declared == null) {
            declared = method.getDeclaringClass().getAnnotation(RateLimited.class);
        }
        if (declared != null) {
            return declared.value();
        }
        return HttpMethod.GET.equals(httpMethod) || HttpMethod.HEAD.equals(httpMethod) ? RouteClass.READ : RouteClass.WRITE;
    }

    private static boolean needsToken(Method method) {
        return method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(Authenticated.class)
                || method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class)
                || method.getDeclaringClass().isAnnotationPresent(Authenticated.class);
    }
}
