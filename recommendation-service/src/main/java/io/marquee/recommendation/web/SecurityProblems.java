package io.marquee.recommendation.web;

import io.marquee.common.problem.TokenProblems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures as problem+json like every other error, with common's {@link TokenProblems}
 * texts. Authentication is lazy ({@code quarkus.http.auth.proactive=false}) so these reach JAX-RS at all.
 */
public class SecurityProblems {

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
}
