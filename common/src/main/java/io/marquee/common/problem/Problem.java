package io.marquee.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error answer in Marquee
 * ({@code Content-Type: application/problem+json}).
 *
 * @param type      a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title     short, stable summary of the kind of problem
 * @param status    the HTTP status, repeated for clients that only see the body
 * @param detail    what was wrong with this request, in words a client developer can act on
 * @param instance  the request path
 * @param requestId the request id, to find the request in the logs
 * @param errors    one entry per invalid field or parameter, if any
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One invalid input: {@code field} is a JSON path, query parameter or path parameter name. */
    public record FieldError(String field, String message) {
    }
}
