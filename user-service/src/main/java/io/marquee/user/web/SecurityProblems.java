package io.marquee.user.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.common.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.marquee.user.throttle.service.LoginThrottle;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Token and role failures, and throttled logins, as problem+json like every other error. Authentication runs lazily
 * ({@code quarkus.http.auth.proactive=false}) so that these failures reach the JAX-RS mappers;
 * without this class common's catch-all mapper would answer them 500.
 */
public class SecurityProblems {

    static final String MISSING_OR_INVALID = "A valid access token is required (Authorization: Bearer <token>); "
            + "it is missing, malformed, expired or not signed by this service";

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, ContainerRequestContext request, UriInfo uri) {
        return unauthorized(request, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request, UriInfo uri) {
        return unauthorized(request, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request, UriInfo uri) {
        return problems.problem(ProblemException.forbidden("Your token does not carry the role this needs"),
                request, uri);
    }

    /** 429 with {@code Retry-After}, so well-behaved clients know when to try again. */
    @ServerExceptionMapper
    public Response throttled(LoginThrottle.TooManyAttemptsException e, ContainerRequestContext request,
                              UriInfo uri) {
        return Response.fromResponse(problems.problem(e, request, uri))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    private Response unauthorized(ContainerRequestContext request, UriInfo uri) {
        Response response = problems.problem(new ProblemException(401, "Unauthorized", MISSING_OR_INVALID,
                List.of()), request, uri);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
