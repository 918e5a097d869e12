package io.marquee.common.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Token and role failures as problem+json like every other error, with {@link TokenProblems}' texts,
 * in every service that depends on common (this archive's beans are discovered like
 * {@link ProblemMappers}). Without it, common's catch-all mapper would answer them 500. It works
 * because every service checks tokens lazily ({@code quarkus.http.auth.proactive=false}), inside
 * Quarkus REST where mappers apply. The gateway maps {@link AuthenticationFailedException} with a
 * higher priority of its own, to tell an unreachable key set (503) from a bad token.
 */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response missing(UnauthorizedException e, ContainerRequestContext request, UriInfo uri) {
        return TokenProblems.missing(request, uri);
    }

    @ServerExceptionMapper
    public Response invalid(AuthenticationFailedException e, ContainerRequestContext request, UriInfo uri) {
        return TokenProblems.invalid(request, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request, UriInfo uri) {
        return TokenProblems.forbidden(request, uri);
    }
}
