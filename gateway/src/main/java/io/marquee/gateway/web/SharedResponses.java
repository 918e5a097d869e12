package io.marquee.gateway.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Adds the error answers that follow from how a route is built, rather than what it does, to every
 * operation of the OpenAPI document, so each resource method documents only its own answers:
 * <ul>
 *   <li>every relayed route: 429 (rate limits apply to all), 503 and 504 (the service behind it);</li>
 *   <li>a route that needs a token: 401 and 403;</li>
 *   <li>a route with a body: 413 (the gateway's size limit) and 415 (JSON only).</li>
 * </ul>
 * The answers themselves are described once, in {@link ApiDocs}. {@code /api/v1/status} is the
 * gateway's own and answers none of them.
 */
public class SharedResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().equals(StatusResource.PATH)) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    add(operation, "401", ApiDocs.UNAUTHORIZED);
                    add(operation, "403", ApiDocs.FORBIDDEN);
                }
                if (operation.getRequestBody() != null) {
                    add(operation, "413", ApiDocs.TOO_LARGE);
                    add(operation, "415", ApiDocs.UNSUPPORTED);
                }
                add(operation, "429", ApiDocs.TOO_MANY);
                add(operation, "503", ApiDocs.UNAVAILABLE);
                add(operation, "504", ApiDocs.TIMEOUT);
            }
        }
    }

    /** Adds a reference to a shared answer, unless the method describes that status itself. */
    private static void add(Operation operation, String status, String sharedResponse) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status,
                    OASFactory.createAPIResponse().ref("#/components/responses/" + sharedResponse));
        }
    }
}
