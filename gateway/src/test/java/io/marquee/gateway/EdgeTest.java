package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What the gateway decides itself: edge validation, errors, limits, CORS, docs. */
@QuarkusTest
@WithTestResource(FakeCatalog.class)
class EdgeTest {

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
        given().contentType("application/json").body("{}").put("/api/v1/movies/bad%27id")
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
        given().header("Authorization", "Bearer t").header("X-Request-Id", "big-1")
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
        given().header("Authorization", "Bearer t").contentType("application/json").body(fine)
                .put("/api/v1/movies/fine")
                .then().statusCode(201);
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/movies/1")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:5173");
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
                .body("components.schemas.Movie.properties", hasKey("title"));
    }

    @Test
    void rootPointsAtTheApiAndItsDocs() {
        given().get("/").then().statusCode(200)
                .body("api", equalTo("/api/v1")).body("openapi", equalTo("/q/openapi"));
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
