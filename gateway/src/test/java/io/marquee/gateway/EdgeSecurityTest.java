package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tokens are checked at the edge: a route that needs one answers 401 (403 for a missing role)
 * before any service is called, whatever is wrong with the token; public routes ignore it.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class EdgeSecurityTest {

    /** Every route that needs a token: method, public path, fake service, what the service would see. */
    private record Route(String method, String path, String service, String seen) {
    }

    private static final List<Route> PROTECTED = List.of(
            new Route("GET", "/api/v1/me", Fakes.USER, "GET:/me"),
            new Route("PATCH", "/api/v1/me", Fakes.USER, "PATCH:/me"),
            new Route("GET", "/api/v1/me/history", Fakes.USER, "GET:/me/history"),
            new Route("GET", "/api/v1/me/ratings", Fakes.RATING, "GET:/me/ratings"),
            new Route("GET", "/api/v1/movies/1/rating", Fakes.RATING, "GET:/items/1/rating"),
            new Route("PUT", "/api/v1/movies/1/rating", Fakes.RATING, "PUT:/items/1/rating"),
            new Route("DELETE", "/api/v1/movies/1/rating", Fakes.RATING, "DELETE:/items/1/rating"),
            new Route("PUT", "/api/v1/movies/1", Fakes.CATALOG, "PUT:/items/1"),
            new Route("POST", "/api/v1/movies/batch", Fakes.CATALOG, "POST:/items/batch"));

    private static final Map<String, String> BAD_TOKENS = Map.of(
            "expired", TestTokens.bearer(TestTokens.expired("u-1")),
            "wrong signature", TestTokens.bearer(TestTokens.wrongSignature("u-1")),
            "alg none", TestTokens.bearer(TestTokens.algNone("u-1")),
            "garbage", "Bearer not.a.jwt",
            "not bearer", "Basic dXNlcjpwYXNz");

    @Test
    void noTokenIs401ProblemWithABearerChallengeAndNoDownstreamCall() {
        for (Route route : PROTECTED) {
            int before = Fakes.hits(route.service(), route.seen());
            send(given().header("X-Request-Id", "no-token"), route)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401))
                    .body("instance", equalTo(route.path()))
                    .body("requestId", equalTo("no-token"));
            assertThat(Fakes.hits(route.service(), route.seen())).as(route.toString()).isEqualTo(before);
        }
    }

    @Test
    void expiredForgedUnsignedOrMalformedTokensAre401BeforeAnyDownstreamCall() {
        BAD_TOKENS.forEach((kind, header) -> {
            for (Route route : PROTECTED) {
                int before = Fakes.hits(route.service(), route.seen());
                send(given().header("Authorization", header), route)
                        .then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("instance", equalTo(route.path()));
                assertThat(Fakes.hits(route.service(), route.seen())).as(kind + " " + route).isEqualTo(before);
            }
        });
    }

    @Test
    void algNoneClaimingAdminDoesNotOpenAdminRoutes() {
        int before = Fakes.hits(Fakes.CATALOG, "PUT:/items/1");
        given().header("Authorization", TestTokens.bearer(TestTokens.algNone("mallory")))
                .contentType("application/json").body("{\"title\":\"pwned\"}").put("/api/v1/movies/1")
                .then().statusCode(401);
        assertThat(Fakes.hits(Fakes.CATALOG, "PUT:/items/1")).isEqualTo(before);
    }

    @Test
    void userTokenOnAdminRoutesIs403ProblemAndNoDownstreamCall() {
        String user = TestTokens.bearer(TestTokens.user("plain-user"));
        int puts = Fakes.hits(Fakes.CATALOG, "PUT:/items/1");
        int batches = Fakes.hits(Fakes.CATALOG, "POST:/items/batch");
        given().header("Authorization", user).contentType("application/json").body("{\"title\":\"x\"}")
                .put("/api/v1/movies/1")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("instance", equalTo("/api/v1/movies/1"));
        given().header("Authorization", user).contentType("application/json").body("{\"items\":[]}")
                .post("/api/v1/movies/batch")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(Fakes.hits(Fakes.CATALOG, "PUT:/items/1")).isEqualTo(puts);
        assertThat(Fakes.hits(Fakes.CATALOG, "POST:/items/batch")).isEqualTo(batches);
    }

    @Test
    void validUserTokenPassesEveryUserRoute() {
        String user = TestTokens.bearer(TestTokens.user("passing-user"));
        for (Route route : PROTECTED) {
            if (route.service().equals(Fakes.CATALOG)) {
                continue;
            }
            int before = Fakes.hits(route.service(), route.seen());
            int status = send(given().header("Authorization", user), route).then().extract().statusCode();
            assertThat(status).as(route.toString()).isBetween(200, 299);
            assertThat(Fakes.hits(route.service(), route.seen())).as(route.toString()).isEqualTo(before + 1);
        }
    }

    @Test
    void publicReadsIgnoreAStaleOrForgedToken() {
        for (String header : BAD_TOKENS.values()) {
            given().header("Authorization", header).get("/api/v1/movies/1").then().statusCode(200);
            given().header("Authorization", header).get("/api/v1/movies/1/reviews").then().statusCode(200);
            given().header("Authorization", header).get("/api/v1/charts/top-rated").then().statusCode(200);
            given().header("Authorization", header).queryParam("q", "toy").get("/api/v1/movies/search")
                    .then().statusCode(200);
        }
    }

    private static io.restassured.response.Response send(RequestSpecification request, Route route) {
        if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            request = request.contentType("application/json").body(route.path().endsWith("batch")
                    ? "{\"items\":[]}" : "{\"rating\":4.0,\"name\":\"x\"}");
        }
        return request.request(route.method(), route.path());
    }
}
