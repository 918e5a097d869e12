package io.marquee.common.problem;

import io.marquee.common.web.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The answers every service and the gateway give when a token is missing, not valid, or lacks the
 * role: one text each, as problem+json with the request id and the {@code WWW-Authenticate}
 * challenge of RFC 6750. The detail never says which check failed (expired, bad signature, wrong
 * issuer): that would help only a forger. {@link SecurityProblems} maps the security exceptions
 * onto these.
 */
public final class TokenProblems {

    /** No token on a route that needs one. */
    public static final String MISSING = "This needs an access token: send Authorization: Bearer <accessToken>";
    /** A token that is expired, forged, unsigned, from another issuer or unreadable. */
    public static final String INVALID = "The access token is invalid or expired; log in again or refresh it";
    /** A valid token without the role the route needs. */
    public static final String FORBIDDEN = "Your access token does not carry the role this needs";

    private TokenProblems() {
    }

    public static Response missing(ContainerRequestContext request, UriInfo uri) {
        return problem(401, "Unauthorized", MISSING, request, uri).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    public static Response invalid(ContainerRequestContext request, UriInfo uri) {
        return problem(401, "Unauthorized", INVALID, request, uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    public static Response forbidden(ContainerRequestContext request, UriInfo uri) {
        return problem(403, "Forbidden", FORBIDDEN, request, uri).build();
    }

    /** A problem+json answer for this request (its public path and request id). */
    public static Response.ResponseBuilder problem(int status, String title, String detail,
                                                   ContainerRequestContext request, UriInfo uri) {
        Object requestId = request.getProperty(RequestIds.CONTEXT_PROPERTY);
        Problem body = new Problem("about:blank", title, status, detail, uri.getPath(),
                requestId == null ? null : requestId.toString(), List.of());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
