package io.marquee.user.web;

import io.marquee.common.problem.ProblemMappers;
import io.marquee.user.throttle.service.LoginThrottle;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A throttled login as problem+json with {@code Retry-After}, so well-behaved clients know when to
 * try again. (Token and role failures are common's {@code SecurityProblems}.)
 */
public class ThrottleProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response throttled(LoginThrottle.TooManyAttemptsException e, ContainerRequestContext request,
                              UriInfo uri) {
        return Response.fromResponse(problems.problem(e, request, uri))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }
}
