package io.marquee.user.web;

import io.marquee.common.problem.ProblemMappers;
import io.marquee.common.problem.TokenProblems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.marquee.user.throttle.service.LoginThrottle;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Token and role failures (common's {@link TokenProblems} texts), and throttled logins, as problem+json like every other error. Authentication runs lazily
 * ({@code quarkus.http.auth.proactive=false}) so that these failures reach the JAX-RS mappers;
 * without this class common's catch-all mapper would answer them 500.
 */
public class SecurityProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalid(AuthenticationFailedException e, ContainerRequestContext request, UriInfo uri) {
        return TokenProblems.invalid(request, uri);
    }

    @ServerExceptionMapper
    public Response missing(UnauthorizedException e, ContainerRequestContext request, UriInfo uri) {
        return TokenProblems.missing(request, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request, UriInfo uri) {
        return TokenProblems.forbidden(request, uri);
    }

    /** 429 with {@code Retry-After}, so well-behaved clients know when to try again. */
    @ServerExceptionMapper
    public Response throttled(LoginThrottle.TooManyAttemptsException e, ContainerRequestContext request,
                              UriInfo uri) {
        return Response.fromResponse(problems.problem(e, request, uri))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }
}
