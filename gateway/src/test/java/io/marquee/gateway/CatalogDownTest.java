package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** catalog-service is down (nothing listens on its port): the gateway stays up and says so. */
@QuarkusTest
@WithTestResource(UnreachableCatalog.class)
class CatalogDownTest {

    @Test
    void readsAnswer503Problem() {
        given().header("X-Request-Id", "down-1").get("/api/v1/movies/1")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("title", equalTo("Service unavailable"))
                .body("detail", equalTo("catalog-service is unavailable"))
                .body("instance", equalTo("/api/v1/movies/1"))
                .body("requestId", equalTo("down-1"));
        given().get("/api/v1/movies").then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void writesAnswer503Problem() {
        given().header("Authorization", "Bearer t").contentType("application/json").body("{}")
                .put("/api/v1/movies/1")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("catalog-service is unavailable"));
    }

    @Test
    void onceTheCircuitOpensAnswersStay503() {
        for (int i = 0; i < 25; i++) {
            given().get("/api/v1/movies/1").then().statusCode(503);
        }
        given().get("/api/v1/movies/1").then().statusCode(503).body("detail", equalTo("catalog-service is unavailable"));
    }

    @Test
    void statusReportsCatalogDownWhileTheGatewayStaysReady() {
        given().get("/api/v1/status").then().statusCode(200).body("services.catalog", equalTo("DOWN"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
