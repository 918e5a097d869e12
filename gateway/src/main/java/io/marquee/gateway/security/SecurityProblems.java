package io.marquee.gateway.security;

import io.marquee.common.problem.Problem;
import io.marquee.common.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The edge's token check answers like every other error: problem+json with the request id, plus
 * the {@code WWW-Authenticate} challenge RFC 6750 asks for. Works because proactive authentication
 * is off ({@code quarkus.http.auth.proactive=false}): tokens are checked when a route needs one,
 * inside Quarkus REST, where these mappers apply; no downstream call happens before.
 */
public class SecurityProblems {

    private static final Logger LOG = Logger.getLogger(SecurityProblems.class);

    /** No token (or no usable Authorization header) on a route that needs one. */
    @ServerExceptionMapper
    public Response missing(UnauthorizedException e, ContainerRequestContext request, UriInfo uri) {
        return unauthorized("This route needs a token: send Authorization: Bearer <accessToken>",
                "Bearer", request, uri);
    }

    /** A token was sent but is expired, forged, unsigned ({@code alg: none}), from another issuer or unreadable. */
    @ServerExceptionMapper
    public Response invalid(AuthenticationFailedException e, ContainerRequestContext request, UriInfo uri) {
        if (keysUnreachable(e)) {
            // The token may well be valid: a 401 would make a frontend log its user out for our outage.
            LOG.warnf("cannot fetch the token keys (mp.jwt.verify.publickey.location): %s", rootCause(e));
            return problem(503, "Service unavailable",
                    "user-service is unavailable: the keys that verify tokens cannot be fetched", request, uri)
                    .build();
        }
        // The reason stays in the log: telling a forger which check failed helps only the forger.
        LOG.debugf(e, "token refused for %s", uri.getPath());
        return unauthorized("The access token is invalid or expired; log in again or refresh it",
                "Bearer error=\"invalid_token\"", request, uri);
    }

    /** A valid token without the role the route needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request, UriInfo uri) {
        return problem(403, "Forbidden", "Your token does not carry the role this route needs", request, uri)
                .build();
    }

    /**
     * Whether verification failed because the key set could not be read (user-service down, DNS,
     * timeout) rather than because of the token. Only the gateway's own key fetch does I/O, so a
     * client cannot provoke this with a crafted token.
     */
    static boolean keysUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static Response unauthorized(String detail, String challenge, ContainerRequestContext request,
                                         UriInfo uri) {
        return problem(401, "Unauthorized", detail, request, uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail,
                                                    ContainerRequestContext request, UriInfo uri) {
        Object requestId = request.getProperty(RequestIds.CONTEXT_PROPERTY);
        Problem body = new Problem("about:blank", title, status, detail, uri.getPath(),
                requestId == null ? null : requestId.toString(), List.of());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
