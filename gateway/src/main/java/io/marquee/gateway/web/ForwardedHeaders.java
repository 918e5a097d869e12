package io.marquee.gateway.web;

import io.marquee.common.web.RequestIds;
import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Headers every downstream call carries from the incoming request: the request id (so one id
 * follows the request through every service), {@code Authorization} as-is, and
 * {@code X-Forwarded-For} with the one client address the gateway determined (the peer, or what a
 * trusted proxy in front said, see {@code quarkus.http.proxy.*}), so user-service can throttle
 * failed logins per client. The caller's own {@code X-Forwarded-For} chain is never passed on:
 * services trust the gateway, not whatever a client wrote. Nothing else of the caller's headers
 * is forwarded.
 */
@ApplicationScoped
public class ForwardedHeaders implements ClientHeadersFactory {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!Arc.container().requestContext().isActive()) {
            // A home-page row that ran past its budget: its request has been answered and its
            // context is gone. The call goes out bare (and is refused where it needs a token)
            // instead of failing here with an error logged for a row nobody waits for.
            return headers;
        }
        String requestId = requestId(incoming);
        if (requestId != null) {
            headers.putSingle(RequestIds.HEADER, requestId);
        }
        String authorization = incoming.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
        }
        String client = clientAddress();
        if (client != null) {
            headers.putSingle(FORWARDED_FOR, client);
        }
        return headers;
    }

    private static String clientAddress() {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        if (current == null) {
            return null;
        }
        HttpServerRequest request = current.serverRequest().unwrap(HttpServerRequest.class);
        if (request == null || request.remoteAddress() == null) {
            return null;
        }
        return request.remoteAddress().hostAddress();
    }

    private static String requestId(MultivaluedMap<String, String> incoming) {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        if (current != null) {
            Object id = current.getContainerRequestContext().getProperty(RequestIds.CONTEXT_PROPERTY);
            if (id != null) {
                return id.toString();
            }
        }
        // The request-id filter has already replaced an unacceptable incoming header with the request's id.
        return incoming.getFirst(RequestIds.HEADER);
    }
}
