package io.marquee.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A service's problem document names the service's own path in {@code instance}
 * ({@code /items/42}); the client asked for {@code /api/v1/movies/42}. Relayed problems get the
 * public path, so internal routes never leak and the client can match the problem to its request.
 */
public class RelayedProblems {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    private final ObjectMapper json;

    RelayedProblems(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void publicInstance(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof byte[] body) || response.getMediaType() == null
                || !response.getMediaType().isCompatible(PROBLEM)) {
            return;
        }
        try {
            JsonNode problem = json.readTree(body);
            if (problem instanceof ObjectNode object) {
                object.put("instance", request.getUriInfo().getPath());
                response.setEntity(json.writeValueAsBytes(object));
            }
        } catch (IOException notJson) {
            // A service that sent a broken problem document: relay it as it came.
        }
    }
}
