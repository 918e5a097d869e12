package io.marquee.gateway.webapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web app's pages. Every client-side route answers the same shell ({@code app/index.html});
 * the ES modules under {@code /app/} render the page from the public API. {@code GET /} with
 * {@code Accept: application/json} still answers the links a script looks for.
 */
@Path("/")
public class WebAppResource {

    /**
     * Scripts, styles and API calls only from this origin, nothing inline, no framing: a title or
     * review that slipped markup past the API still could not run.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private final byte[] shell = load("META-INF/resources/app/index.html");

    /** Links to the API and its documentation, for a script that found the gateway. */
    public record Index(String name, String api, String openapi, String swaggerUi, String status, String app) {
    }

    @GET
    @Operation(hidden = true)
    public Response root(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains(MediaType.TEXT_HTML)) {
            return Response.ok(new Index("Marquee API", "/api/v1", "/q/openapi", "/q/swagger-ui", "/api/v1/status", "/"),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        return page();
    }

    @GET
    @Path("{page: search|me|login|signup}")
    @Operation(hidden = true)
    public Response named(@PathParam("page") String page) {
        return page();
    }

    @GET
    @Path("movies/{id}")
    @Operation(hidden = true)
    public Response movie(@PathParam("id") String id) {
        return page();
    }

    private Response page() {
        return Response.ok(shell, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                // The shell is tiny and names its modules by path: always revalidate so a deploy shows at once.
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private static byte[] load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway's class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
