package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.Management;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What the gateway decides itself: edge validation, errors, limits, CORS, docs. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class EdgeTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }


    @Test
    void malformedIdIsRejectedAtTheEdgeNamingTheField() {
        int before = CatalogRelayTest.catalogHits("GET:/items/" + "a".repeat(65));
        given().get("/api/v1/movies/" + "a".repeat(65))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().get("/api/v1/movies/-rm")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().get("/api/v1/movies/a%20b")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().header("Authorization", TestTokens.bearer(TestTokens.admin("edge-admin")))
                .contentType("application/json").body("{}").put("/api/v1/movies/bad%27id")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        assertThat(CatalogRelayTest.catalogHits("GET:/items/" + "a".repeat(65))).isEqualTo(before);
    }

    @Test
    void nonNumericLimitAndYearAreRejectedAtTheEdge() {
        given().queryParam("limit", "ten").get("/api/v1/movies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be a whole number"));
        given().queryParam("year", "1995; drop").queryParam("limit", "-1").get("/api/v1/movies")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("limit", "year"));
    }

    @Test
    void unknownRouteIs404Problem() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("requestId", notNullValue());
        given().get("/nothing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405Problem() {
        given().delete("/api/v1/movies/1").then().statusCode(405)
                .contentType("application/problem+json")
                .body("detail", equalTo("DELETE is not allowed on /api/v1/movies/1"));
    }

    @Test
    void oversizedBodyIs413ProblemAndNeverReachesTheService() {
        int before = CatalogRelayTest.catalogHits("PUT:/items/big");
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        given().header("Authorization", TestTokens.bearer(TestTokens.admin("edge-admin"))).header("X-Request-Id", "big-1")
                .contentType("application/json").body(big)
                .put("/api/v1/movies/big")
                .then().statusCode(413).contentType("application/problem+json")
                .header("X-Request-Id", "big-1")
                .body("status", equalTo(413)).body("requestId", equalTo("big-1"))
                .body("instance", equalTo("/api/v1/movies/big"));
        assertThat(CatalogRelayTest.catalogHits("PUT:/items/big")).isEqualTo(before);
    }

    @Test
    void bodyWithinTheLimitPasses() {
        byte[] fine = new byte[512 * 1024];
        java.util.Arrays.fill(fine, (byte) 'a');
        fine[0] = '"';
        fine[fine.length - 1] = '"';
        given().header("Authorization", TestTokens.bearer(TestTokens.admin("edge-admin"))).contentType("application/json").body(fine)
                .put("/api/v1/movies/fine")
                .then().statusCode(201);
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/movies/1")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:5173");
        // A frontend sends its token and request id, and reads the ids, limits and locations back.
        Response preflight = given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-request-id")
                .options("/api/v1/movies/1/rating").then().statusCode(200).extract().response();
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT").contains("PATCH").contains("DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization").contains("content-type").contains("x-request-id");
        Response simple = given().header("Origin", "http://localhost:5173").get("/api/v1/movies/1")
                .then().statusCode(200).extract().response();
        assertThat(simple.header("Access-Control-Expose-Headers")).contains("X-Request-Id").contains("Retry-After");
        String other = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/movies/1").then().extract().header("Access-Control-Allow-Origin");
        assertThat(other).isNull();
    }

    @Test
    void openApiDocumentsEveryRouteWithProblemErrors() {
        given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo("Marquee API"))
                .body("paths", hasKey("/api/v1/movies/{id}"))
                .body("paths", hasKey("/api/v1/movies"))
                .body("paths", hasKey("/api/v1/status"))
                .body("paths['/api/v1/movies/{id}'].get.responses['404'].$ref", containsString("NotFound"))
                .body("paths['/api/v1/movies/{id}'].put.responses['504'].$ref", containsString("GatewayTimeout"))
                .body("components.responses.NotFound.content", hasKey("application/problem+json"))
                .body("components.schemas.Problem.properties", hasKey("requestId"))
                .body("components.schemas.Movie.properties", hasKey("title"))
                .body("components.schemas.Movie.properties", hasKey("stats"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"))
                .body("components.responses.Unauthorized.headers", hasKey("WWW-Authenticate"));
    }

    @Test
    void openApiDocumentsEveryPublicRouteOfIssue3() {
        io.restassured.path.json.JsonPath doc = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        String[][] routes = {
                {"/api/v1/auth/signup", "post"}, {"/api/v1/auth/login", "post"}, {"/api/v1/auth/refresh", "post"},
                {"/api/v1/auth/logout", "post"},
                {"/api/v1/auth/jwks", "get"}, {"/api/v1/me", "get"}, {"/api/v1/me", "patch"},
                {"/api/v1/me/history", "get"}, {"/api/v1/me/ratings", "get"}, {"/api/v1/movies/search", "get"},
                {"/api/v1/charts/{name}", "get"}, {"/api/v1/movies/{id}/rating", "get"},
                {"/api/v1/movies/{id}/rating", "put"}, {"/api/v1/movies/{id}/rating", "delete"},
                {"/api/v1/movies/{id}/reviews", "get"}, {"/api/v1/movies/batch", "post"}};
        for (String[] route : routes) {
            Object operation = doc.get("paths['" + route[0] + "']." + route[1]);
            assertThat(operation).as(route[1] + " " + route[0]).isNotNull();
            assertThat(doc.getMap("paths['" + route[0] + "']." + route[1] + ".responses"))
                    .as(route[1] + " " + route[0]).containsKeys("429", "503", "504");
        }
        // Routes that need a token say so, with their 401; public reads do not.
        for (String[] route : new String[][] {{"/api/v1/me", "get"}, {"/api/v1/movies/{id}/rating", "put"},
                {"/api/v1/movies/{id}", "put"}, {"/api/v1/me/ratings", "get"}}) {
            String op = "paths['" + route[0] + "']." + route[1];
            assertThat(doc.getList(op + ".security")).as(route[0]).isNotEmpty();
            assertThat(doc.getMap(op + ".responses")).as(route[0]).containsKey("401");
        }
        assertThat(doc.getList("paths['/api/v1/movies/search'].get.security")).isNull();
        assertThat(doc.getList("paths['/api/v1/movies/{id}/reviews'].get.security")).isNull();
    }

    @Test
    void rootPointsAtTheApiAndItsDocs() {
        given().accept("application/json").get("/").then().statusCode(200)
                .body("api", equalTo("/api/v1")).body("openapi", equalTo("/q/openapi"));
    }

    @Test
    void statusProbesEachServiceAtMostOncePerCachePeriodHoweverManyAsk() {
        long periodNanos = java.time.Duration.ofSeconds(1).toNanos(); // %test.gateway.status.cache-for
        int before = Fakes.hits(Fakes.CATALOG, "GET:/q/health/ready");
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            given().get("/api/v1/status").then().statusCode(200).body("services.catalog", equalTo("UP"));
        }
        long periods = (System.nanoTime() - start) / periodNanos + 1;
        int probes = Fakes.hits(Fakes.CATALOG, "GET:/q/health/ready") - before;
        // Without the cache: 40 probes, one per request.
        assertThat((long) probes).isBetween(0L, periods);
    }

    @Test
    void healthIsUp() {
        given().get(management("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(management("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }
}
