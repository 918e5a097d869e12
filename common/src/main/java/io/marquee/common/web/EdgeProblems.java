package io.marquee.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Problem answers given on the Vert.x router, before Quarkus REST (and with it ProblemMappers)
 * sees the request: the same document, request id and header as every other error answer. The
 * connection is closed after them, since a client sending such requests is not worth keeping.
 */
final class EdgeProblems {

    private EdgeProblems() {
    }

    /** {@code instance} may be null: omitted when the path itself is what was wrong. */
    static void answer(RoutingContext rc, ObjectMapper json, int status, String title, String detail, String instance) {
        String requestId = RequestIds.acceptOrCreate(rc.request().getHeader(RequestIds.HEADER));
        Problem problem = new Problem("about:blank", title, status, detail, instance, requestId, List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
