package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.testsupport.JwtKeysResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route a service offers is in the public API, or is named here as internal with the reason.
 * Each service's build writes its own OpenAPI document to {@code docs/api/services/<service>/}
 * ({@code quarkus.smallrye-openapi.store-schema-directory}), so a route added to a service without
 * its public counterpart fails this test.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class PublicApiCoverageTest {

    private static final Path SERVICE_DOCS = Path.of("..", "docs", "api", "services");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Service routes deliberately not public: {@code METHOD path} (as the service names it) to why. */
    private static final Map<String, String> INTERNAL = Map.of(
            "POST /items/lookup", "recommendation-service's batch read for enrichment; clients get enriched lists",
            "GET /admin/users/{}", "operators' account lookup, reached inside the cluster only",
            "PUT /admin/admins/{}", "granting admin is an operator command (./marquee admin grant), never public",
            "DELETE /admin/admins/{}", "revoking admin is an operator command (./marquee admin revoke), never public",
            "POST /admin/dlq/replay", "replaying dead letters is an operator command (./marquee replay-dlq), never public");

    @Test
    void everyServiceRouteIsPublicOrNamedAsInternal() throws IOException {
        Set<String> publicRoutes = routes(JSON.readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()));
        List<Path> documents;
        try (Stream<Path> files = Files.list(SERVICE_DOCS)) {
            documents = files.map(dir -> dir.resolve("openapi.json")).filter(Files::exists).sorted().toList();
        }
        assertThat(documents).as("service OpenAPI documents under %s", SERVICE_DOCS.toAbsolutePath())
                .extracting(p -> p.getParent().getFileName().toString())
                .contains("user-service", "catalog-service", "rating-service", "recommendation-service",
                        "event-ingest-service");

        List<String> missing = new ArrayList<>();
        for (Path document : documents) {
            for (String route : routes(JSON.readTree(document.toFile()))) {
                if (route.contains(" /q/") || INTERNAL.containsKey(route)) {
                    continue;
                }
                if (!publicRoutes.contains(publicForm(route))) {
                    missing.add(document.getParent().getFileName() + ": " + route + " (public form " + publicForm(route) + ")");
                }
            }
        }
        assertThat(missing).as("service routes missing from the gateway's OpenAPI document").isEmpty();
    }

    /** {@code GET /items/{id}/rating} → {@code GET /api/v1/movies/{}/rating}: catalog's items are the public movies. */
    static String publicForm(String route) {
        int space = route.indexOf(' ');
        String path = route.substring(space + 1);
        if (path.equals("/items") || path.startsWith("/items/")) {
            path = "/movies" + path.substring("/items".length());
        }
        return route.substring(0, space) + " /api/v1" + path;
    }

    /** {@code METHOD /path} for every operation, path parameters written {@code {}} whatever their names. */
    private static Set<String> routes(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String normalized = path.getKey().replaceAll("\\{[^}]*}", "{}");
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    routes.add(method.toUpperCase() + " " + normalized);
                }
            });
        }
        return routes;
    }
}
