package io.marquee.personalize.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the way AWS sends it: the real status, an {@code x-amzn-ErrorType} header
 * and a {@code {"__type","message"}} body. The SDK reads either, so both are always there.
 */
public class AwsErrorMappers {

    private static final Logger LOG = Logger.getLogger(AwsErrorMappers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ServerExceptionMapper
    public Response aws(AwsException e) {
        return respond(e.type(), e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 404 -> respond("UnknownOperationException", 404, "Nothing is served at this path");
            case 405 -> respond("UnknownOperationException", 405, "Every operation is a POST");
            case 413 -> respond("InvalidInputException", 413, "The request body is too large");
            default -> status < 500 ? respond("InvalidInputException", status, e.getMessage())
                    : unexpected(e);
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        // A 500 makes the SDK retry, which is right only for the server's own faults.
        return respond("ServiceUnavailableException", 500, "The server could not answer this request");
    }

    public static Response respond(String type, int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        return Response.status(status)
                .header("x-amzn-ErrorType", type)
                .type("application/json")
                .entity(body.toString())
                .build();
    }
}
