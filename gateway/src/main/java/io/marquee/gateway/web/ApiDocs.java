package io.marquee.gateway.web;

import io.marquee.common.problem.Problem;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
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
                        @APIResponse(name = ApiDocs.UNAUTHORIZED, responseCode = "401",
                                description = "No access token, or one that is expired, forged or malformed; "
                                        + "log in (or refresh) and send `Authorization: Bearer <accessToken>`",
                                headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE,
                                        description = "`Bearer`, with `error=\"invalid_token\"` when a token was sent",
                                        schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.FORBIDDEN, responseCode = "403",
                                description = "The caller may not do this (e.g. an admin route with a user's token)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.NOT_FOUND, responseCode = "404",
                                description = "No such resource",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.CONFLICT, responseCode = "409",
                                description = "The request conflicts with what exists (e.g. the email is taken)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.TOO_LARGE, responseCode = "413",
                                description = "The request body is larger than the gateway accepts (1 MB)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.UNSUPPORTED, responseCode = "415",
                                description = "The body must be sent as application/json",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.TOO_MANY, responseCode = "429",
                                description = "This client sent more requests of this kind than its rate limit allows; "
                                        + "wait `Retry-After` seconds. Clients are told apart by the token's user "
                                        + "on authenticated routes, else by address",
                                headers = @Header(name = HttpHeaders.RETRY_AFTER,
                                        description = "Seconds until the next request of this kind is allowed",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.UNAVAILABLE, responseCode = "503",
                                description = "The service behind this route is unreachable or failing; retry later",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = ApiDocs.TIMEOUT, responseCode = "504",
                                description = "The service behind this route did not answer in time",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
                }))
@SecurityScheme(securitySchemeName = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "The `accessToken` of `POST /api/v1/auth/login` (RS256, verifiable with "
                + "`GET /api/v1/auth/jwks`). Needed by writes and `/me/**`; public reads need none.")
public class ApiDocs extends Application {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String CONFLICT = "Conflict";
    public static final String UNSUPPORTED = "UnsupportedMediaType";
    public static final String TOO_MANY = "TooManyRequests";
    /** The security scheme of routes that need a token. */
    public static final String BEARER = "bearer";
    public static final String NOT_FOUND = "NotFound";
    public static final String TOO_LARGE = "PayloadTooLarge";
    public static final String UNAVAILABLE = "ServiceUnavailable";
    public static final String TIMEOUT = "GatewayTimeout";

    /** Ids the gateway lets through: short, URL-safe, never a dot segment. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    public static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    public static final String ID_RULE = "Item id: 1 to 64 of A-Z a-z 0-9 . _ : -, starting with a letter or digit";

    /** Page sizes and other counts: digits only; the service applies its own range. */
    public static final String COUNT_PATTERN = "[0-9]{1,9}";
    public static final String COUNT_MESSAGE = "must be a whole number";
    public static final String LIMIT_RULE = "Page size, 1 to 100 (the service checks the range)";
    public static final String CURSOR_RULE = "`nextCursor` of the previous page";
    /** Longest opaque cursor passed on. */
    public static final int CURSOR_MAX = 1024;
}
