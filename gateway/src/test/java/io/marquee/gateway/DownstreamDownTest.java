package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.Management;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service that is down (its port refuses connections): the gateway answers 503 problems for its
 * routes, keeps serving the others, reports it in the status and stays ready itself. Each test
 * takes one fake down and brings it back up, waiting until the gateway reaches it again (the
 * circuit breaker may need its delay to pass), so later tests find every service up.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class DownstreamDownTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }


    private static final String USER = TestTokens.bearer(TestTokens.user("down-user"));
    /** The engine's key in the status answer, quoted for the JSON path (it has a dash). */
    private static final String ENGINE_KEY = "'personalize-local'";
    private String downService;

    @AfterEach
    void bringItBack() throws InterruptedException {
        if (downService == null) {
            return;
        }
        Fakes.up(downService);
        String probe = switch (downService) {
            case Fakes.CATALOG -> "/api/v1/movies/1";
            case Fakes.USER -> "/api/v1/auth/jwks";
            case Fakes.ENGINE -> null;
            default -> "/api/v1/movies/1/reviews";
        };
        if (probe == null) {
            // No route goes to the engine: it is back when the status says so.
            for (int i = 0; i < 300; i++) {
                if ("UP".equals(given().get("/api/v1/status").then().extract().path("services." + ENGINE_KEY))) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("personalize-local did not come back in the status");
        }
        // Behaviour, not time: poll until the service answers through the gateway again.
        for (int i = 0; i < 300; i++) {
            if (given().get(probe).then().extract().statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(downService + " did not come back through the gateway");
    }

    @Test
    void catalogDownAnswers503ProblemsForReadsAndWrites() {
        down(Fakes.CATALOG);
        given().header("X-Request-Id", "down-1").get("/api/v1/movies/1")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("title", equalTo("Service unavailable"))
                .body("detail", equalTo("catalog-service is unavailable"))
                .body("instance", equalTo("/api/v1/movies/1"))
                .body("requestId", equalTo("down-1"));
        given().queryParam("q", "toy").get("/api/v1/movies/search").then().statusCode(503)
                .contentType("application/problem+json");
        given().get("/api/v1/charts/trending").then().statusCode(503).body("instance", equalTo("/api/v1/charts/trending"));
        given().header("Authorization", TestTokens.bearer(TestTokens.admin("down-admin")))
                .contentType("application/json").body("{}").put("/api/v1/movies/1")
                .then().statusCode(503).body("detail", equalTo("catalog-service is unavailable"));
        // The others still answer.
        given().get("/api/v1/movies/1/reviews").then().statusCode(200);
    }

    @Test
    void userServiceDownAnswers503ForAuthAndMeWhileTokensStillVerify() throws InterruptedException {
        down(Fakes.USER);
        given().header("X-Forwarded-For", "192.0.2.200").contentType("application/json")
                .body("{\"email\":\"a@b.c\",\"password\":\"12345678\"}").post("/api/v1/auth/login")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("user-service is unavailable"))
                .body("instance", equalTo("/api/v1/auth/login"));
        given().header("Authorization", USER).get("/api/v1/me")
                .then().statusCode(503).body("detail", equalTo("user-service is unavailable"));
        statusEventually("user", "DOWN").body("services.catalog", equalTo("UP"))
                .body("services.rating", equalTo("UP"));
        given().get(management("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void ratingServiceDownOpensTheCircuitAndAnswersStay503() throws InterruptedException {
        down(Fakes.RATING);
        for (int i = 0; i < 25; i++) {
            given().get("/api/v1/movies/1/reviews").then().statusCode(503);
        }
        given().header("Authorization", USER).contentType("application/json").body("{\"rating\":4.0}")
                .put("/api/v1/movies/1/rating")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("rating-service is unavailable"))
                .body("instance", equalTo("/api/v1/movies/1/rating"));
        statusEventually("rating", "DOWN");
    }

    /** The status answer once it reports {@code service} as {@code state}: status answers may be one cache period old. */
    private static ValidatableResponse statusEventually(String service, String state) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            ValidatableResponse status = given().get("/api/v1/status").then().statusCode(200);
            if (state.equals(status.extract().path("services." + service))) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never reported " + service + " " + state);
    }

    @Test
    void theEngineIsInTheStatusUpWhileItAnswersAndDownWhenItDoesNot() throws InterruptedException {
        statusEventually(ENGINE_KEY, "UP").body("services.catalog", equalTo("UP"));
        down(Fakes.ENGINE);
        statusEventually(ENGINE_KEY, "DOWN").body("services.catalog", equalTo("UP"));
        // The gateway itself stays ready: no public route needs the engine directly.
        given().get(management("/q/health/ready")).then().statusCode(200);
    }

    private void down(String service) {
        downService = service;
        Fakes.down(service);
    }
}
