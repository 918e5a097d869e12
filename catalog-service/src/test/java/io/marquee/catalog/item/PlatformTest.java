package io.marquee.catalog.item;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.testsupport.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What operators and other teams rely on: common's mappers and filters, health, OpenAPI. */
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
        given().header("X-Request-Id", "req-abc.123").get("/items/unknown-item").then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", equalTo("req-abc.123"))
                .body("requestId", equalTo("req-abc.123"))
                .body("instance", equalTo("/items/unknown-item"))
                .body("title", equalTo("Not found"));
    }

    @Test
    void readinessIncludesTheTablesCheck() {
        given().get(management("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("catalog-tables"))
                .body("checks.find { it.name == 'catalog-tables' }.data.'marquee-catalog-items'", equalTo("ACTIVE"))
                .body("checks.find { it.name == 'catalog-tables' }.data.'marquee-catalog-item-index'", equalTo("ACTIVE"))
                .body("checks.find { it.name == 'catalog-tables' }.data.'marquee-catalog-search'", equalTo("ACTIVE"))
                .body("checks.find { it.name == 'catalog-tables' }.data.'marquee-catalog-stats'", equalTo("ACTIVE"));
    }

    @Test
    void openApiDocumentsEveryEndpointAndItsErrors() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/items'.get.responses.'400'.content.'application/problem+json'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/items/{id}'.get.responses.'404'.description", equalTo("No such item"))
                .body("paths.'/items/{id}'.put.responses.'403'.description", containsString("admin role"))
                .body("paths.'/items/{id}'.put.responses.'401'.description", containsString("token"))
                .body("paths.'/items/search'.get.responses.'400'.content.'application/problem+json'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/charts/{chart}'.get.responses.keySet()", org.hamcrest.Matchers.hasItems("200", "400", "404"))
                .body("paths.'/items/{id}'.put.responses.keySet()", org.hamcrest.Matchers.hasItems("200", "201", "400", "409"))
                .body("paths.'/items/batch'.post.responses.keySet()", org.hamcrest.Matchers.hasItems("200", "400", "403"));
    }

    @Test
    void metricsAreExposed() {
        given().get(management("/q/metrics")).then().statusCode(200).body(containsString("http_server_requests"));
    }
}
