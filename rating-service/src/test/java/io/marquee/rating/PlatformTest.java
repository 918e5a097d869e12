package io.marquee.rating;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.marquee.testsupport.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What operators and client developers rely on: health, metrics, the API contract. */
@QuarkusTest
class PlatformTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }


    @Test
    void readyOnceItsTablesAreActive() {
        given().get(management("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("rating-tables"));
        given().get(management("/q/health/live")).then().statusCode(200);
    }

    @Test
    void metricsIncludeOutboxPublishing() {
        Api.rate(Api.fresh("metered"), Api.fresh("item"), 4).statusCode(201);
        given().get(management("/q/metrics")).then().statusCode(200)
                .body(containsString("ratings_outbox_published_total"))
                .body(containsString("ratings_outbox_publish_failures_total"));
    }

    @Test
    void theOpenApiContractDescribesEveryEndpointAndTheBearerScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/items/{itemId}/rating"))
                .body(containsString("/items/{itemId}/reviews"))
                .body(containsString("/me/ratings"))
                .body(containsString("bearer"));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        Api.problem(given().get("/nothing-here").then(), 404);
    }
}
