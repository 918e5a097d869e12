package io.marquee.gateway.web;

import io.marquee.common.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The public API as a whole, for {@code /q/openapi}: the error answers every route shares, all
 * {@code application/problem+json} {@link Problem}s. Routes refer to them with {@code ref}.
 * (Title, version and description are in {@code application.properties}.)
 */
@OpenAPIDefinition(
        info = @Info(title = "Marquee API", version = "1"),
        components = @Components(
                schemas = @Schema(name = "Problem", implementation = Problem.class),
                responses = {
                        @APIResponse(name = ApiDocs.BAD_REQUEST, responseCode = "400",
                                description = "Invalid input; `errors` names each invalid field or parameter",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.FORBIDDEN, responseCode = "403",
                                description = "The caller may not do this",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.NOT_FOUND, responseCode = "404",
                                description = "No such resource",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.TOO_LARGE, responseCode = "413",
                                description = "The request body is larger than the gateway accepts (1 MB)"),
                        @APIResponse(name = ApiDocs.UNAVAILABLE, responseCode = "503",
                                description = "The service behind this route is unreachable or failing; retry later",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.TIMEOUT, responseCode = "504",
                                description = "The service behind this route did not answer in time",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
                }))
public class ApiDocs extends Application {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String TOO_LARGE = "PayloadTooLarge";
    public static final String UNAVAILABLE = "ServiceUnavailable";
    public static final String TIMEOUT = "GatewayTimeout";

    /** Ids the gateway lets through: short, URL-safe, never a dot segment. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    public static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    public static final String ID_RULE = "Item id: 1 to 64 of A-Z a-z 0-9 . _ : -, starting with a letter or digit";
}
