package io.marquee.user.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.common.dynamo.TablesReadiness;
import io.marquee.testsupport.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What operators and other teams rely on: common's mappers and filters, health, metrics, OpenAPI. */
@QuarkusTest
class PlatformTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }


    @Test
    void sharedProblemMappersAndRequestIdFilterAreActive() {
        given().header("X-Request-Id", "req-user.1").get("/me").then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", equalTo("req-user.1"))
                .body("requestId", equalTo("req-user.1"))
                .body("instance", equalTo("/me"))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void readinessIncludesTheTablesAndKafka() {
        given().get(management("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("user-tables"))
                .body("checks.find { it.name == 'user-tables' }.data.'marquee-users'", equalTo("ACTIVE"))
                .body("checks.find { it.name == 'user-tables' }.data.'marquee-user-emails'", equalTo("ACTIVE"))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
        given().get(management("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessAsksDynamoDbAtMostOncePerCachePeriod() {
        given().get(management("/q/health/ready")).then().statusCode(200);
        int before = DynamoDbCalls.count("DescribeTable");
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            given().get(management("/q/health/ready")).then().statusCode(200);
        }
        long periods = (System.nanoTime() - start) / TablesReadiness.CACHE_FOR.toNanos() + 1;
        int calls = DynamoDbCalls.count("DescribeTable") - before;
        // Without the cache: 20 probes x 5 tables = 100 DescribeTable calls.
        assertThat((long) calls).isLessThanOrEqualTo(periods * 5);
    }

    @Test
    void openApiDocumentsEveryEndpointAndItsErrors() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/auth/signup'.post.responses.keySet()", hasItems("201", "400", "409", "413"))
                .body("paths.'/auth/login'.post.responses.keySet()", hasItems("200", "400", "401", "429"))
                .body("paths.'/auth/refresh'.post.responses.keySet()", hasItems("200", "400", "401"))
                .body("paths.'/auth/jwks'.get.responses.'200'", notNullValue())
                .body("paths.'/me'.get.responses.keySet()", hasItems("200", "401"))
                .body("paths.'/me'.patch.responses.keySet()", hasItems("200", "400", "401", "409"))
                .body("paths.'/me/history'.get.responses.keySet()", hasItems("200", "401"))
                .body("paths.'/admin/users/{id}'.get.responses.keySet()", hasItems("200", "401", "403", "404"))
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void metricsAreExposedWithLoginOutcomes() {
        io.marquee.user.Api.login(io.marquee.user.Api.email("metered"), "wrong password").statusCode(401);
        given().get(management("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests"))
                // Buckets, not just count and sum: the chart's p99 alert is computed from them.
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("users_logins_total{outcome=\"failure\"}"));
    }
}
