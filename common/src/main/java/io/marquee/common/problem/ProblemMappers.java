package io.marquee.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.marquee.common.web.RequestIds;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers, shared by every service: each answer is an
 * {@code application/problem+json} {@link Problem}. Client mistakes get a 4xx naming what was
 * wrong; anything unexpected is logged with the request id and answered 500 without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), e.errors(), request, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(ProblemException.invalid(errors), request, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request, UriInfo uri) {
        return malformedBody(e, request, uri);
    }

    /**
     * quarkus-rest-jackson maps this subtype (wrong type, unknown field) itself with a plain-JSON
     * answer; a mapper for the exact type keeps those answers problem+json too.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request, UriInfo uri) {
        return malformedBody(e, request, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request, UriInfo uri) {
        // Quarkus REST wraps body-reading failures; unwrap so the client learns which field was wrong.
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedBody(json, request, uri);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is served at " + uri.getPath();
            case 405 -> request.getMethod() + " is not allowed on " + uri.getPath();
            case 406 -> "This resource answers only JSON (Accept: application/json)";
            case 415 -> "Send the body as application/json";
            default -> e.getMessage();
        };
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", requestId(request));
            detail = "The server could not answer this request";
        }
        return respond(status, title, detail, List.of(), request, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, ContainerRequestContext request, UriInfo uri) {
        LOG.errorf(e, "request %s failed", requestId(request));
        return respond(500, "Internal server error", "The server could not answer this request; "
                + "quote the request id when reporting it", List.of(), request, uri);
    }

    private Response malformedBody(JsonProcessingException e, ContainerRequestContext request, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                message = "must be " + describe(mismatched.getTargetType());
            } else {
                message = "has an unreadable value";
            }
            return problem(ProblemException.invalid(field, message), request, uri);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "Malformed JSON", "The request body is not valid JSON" + where, List.of(), request, uri);
    }

    private static String describe(Class<?> target) {
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Double.class || target == double.class || target == Float.class || target == float.class
                || target == java.math.BigDecimal.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "an object";
        }
        return "of type " + target.getSimpleName();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /**
     * A violation's path as the client knows it: {@code put.body.genres[2]} becomes
     * {@code genres[2]}; a query or path parameter keeps its parameter name. Public for services
     * that validate beans themselves (a batch, say) and report the same paths.
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // Hibernate Validator puts a list index on the element's child node: items[3].title
                // arrives as node "title" with index 3, in an iterable.
                boolean indexBeforeName = node.isInIterable() && node.getName() != null
                        && !node.getName().startsWith("<");
                if (indexBeforeName) {
                    appendIndex(property, node);
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(node.getName());
                }
                if (!indexBeforeName) {
                    appendIndex(property, node);
                }
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    private static void appendIndex(StringBuilder property, Path.Node node) {
        if (node.getIndex() != null) {
            property.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            property.append('[').append(node.getKey()).append(']');
        }
    }

    private static Response respond(int status, String title, String detail, List<Problem.FieldError> errors,
                                    ContainerRequestContext request, UriInfo uri) {
        Problem body = new Problem("about:blank", title, status, detail, uri.getPath(), requestId(request), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String requestId(ContainerRequestContext request) {
        Object id = request.getProperty(RequestIds.CONTEXT_PROPERTY);
        return id == null ? null : id.toString();
    }
}
