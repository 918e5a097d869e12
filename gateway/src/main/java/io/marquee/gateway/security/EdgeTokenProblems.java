package io.marquee.gateway.security;

import io.marquee.common.problem.TokenProblems;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The edge's one difference from common's {@code SecurityProblems}: a token that cannot be checked
 * because the key set is unreachable is an outage (503), not a bad token (401). Its priority wins
 * over common's mapper of the same exception; missing tokens and roles are common's answers.
 */
public class EdgeTokenProblems {

    private static final Logger LOG = Logger.getLogger(EdgeTokenProblems.class);

    /** A token was sent but is expired, forged, unsigned ({@code alg: none}), from another issuer or unreadable. */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response invalid(AuthenticationFailedException e, ContainerRequestContext request, UriInfo uri) {
        if (keysUnreachable(e)) {
            // The token may well be valid: a 401 would make a frontend log its user out for our outage.
            LOG.warnf("cannot fetch the token keys (mp.jwt.verify.publickey.location): %s", rootCause(e));
            return TokenProblems.problem(503, "Service unavailable",
                    "user-service is unavailable: the keys that verify tokens cannot be fetched", request, uri)
                    .build();
        }
        // The reason stays in the log: telling a forger which check failed helps only the forger.
        LOG.debugf(e, "token refused for %s", uri.getPath());
        return TokenProblems.invalid(request, uri);
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
}
