package io.marquee.ingest.web;

import io.marquee.common.problem.Problem;
import io.marquee.common.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures as problem+json like every other error. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}) so these reach JAX-RS at all; the detail never says
 * which check failed (expired, bad signature, wrong issuer), to give a forger nothing to learn.
 */
public class SecurityProblems {

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
        return respond(403, "Forbidden", "Your token does not allow this", request, uri).build();
    }

    private static Response unauthorized(ContainerRequestContext request, UriInfo uri) {
        return respond(401, "Unauthorized", "A valid bearer access token is required", request, uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response.ResponseBuilder respond(int status, String title, String detail,
                                                    ContainerRequestContext request, UriInfo uri) {
        Object id = request.getProperty(RequestIds.CONTEXT_PROPERTY);
        Problem body = new Problem("about:blank", title, status, detail, uri.getPath(),
                id == null ? null : id.toString(), List.of());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
