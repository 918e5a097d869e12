package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the routes of issue 3. The gateway refuses at the edge what it can judge without
 * knowing the service's rules: malformed ids and counts, oversized query values, bodies over 1 MB,
 * bodies that are not JSON by content type. JSON bodies pass through unparsed: the service's 400
 * (malformed JSON, wrong type, missing field) is relayed with the public path.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class BadInputTest {

    private static final String USER = TestTokens.bearer(TestTokens.user("bad-input-user"));

    @Test
    void oversizedBodiesAre413ProblemAtTheEdgeOnEveryBodyRoute() {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        String[][] routes = {{"POST", "/api/v1/auth/signup"}, {"POST", "/api/v1/auth/login"},
                {"POST", "/api/v1/auth/refresh"}, {"PATCH", "/api/v1/me"}, {"PUT", "/api/v1/movies/1/rating"},
                {"POST", "/api/v1/movies/batch"}};
        int signups = Fakes.hits(Fakes.USER, "POST:/auth/signup");
        int ratings = Fakes.hits(Fakes.RATING, "PUT:/items/1/rating");
        for (String[] route : routes) {
            given().header("Authorization", USER).header("X-Forwarded-For", "192.0.2.150")
                    .contentType("application/json").body(big)
                    .request(route[0], route[1])
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("status", equalTo(413)).body("instance", equalTo(route[1]));
        }
        assertThat(Fakes.hits(Fakes.USER, "POST:/auth/signup")).isEqualTo(signups);
        assertThat(Fakes.hits(Fakes.RATING, "PUT:/items/1/rating")).isEqualTo(ratings);
    }

    @Test
    void malformedJsonIsRelayedAsTheServicesProblemWithThePublicPath() {
        given().header("X-Forwarded-For", "192.0.2.151").contentType("application/json").body("{\"name\":")
                .post("/api/v1/auth/signup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON")).body("instance", equalTo("/api/v1/auth/signup"));
        given().header("Authorization", USER).contentType("application/json").body("{rating: 4")
                .put("/api/v1/movies/1/rating")
                .then().statusCode(400).body("title", equalTo("Malformed JSON"))
                .body("instance", equalTo("/api/v1/movies/1/rating"));
        given().header("Authorization", USER).contentType("application/json").body("[1,2")
                .patch("/api/v1/me")
                .then().statusCode(400).body("instance", equalTo("/api/v1/me"));
    }

    @Test
    void wrongTypesAndMissingFieldsComeBackNamingTheField() {
        given().header("X-Forwarded-For", "192.0.2.152").contentType("application/json")
                .body("{\"name\":\"Ada\",\"age\":\"old\",\"email\":\"a@b.c\",\"password\":\"12345678\"}")
                .post("/api/v1/auth/signup")
                .then().statusCode(400).body("errors[0].field", equalTo("age"));
        given().header("X-Forwarded-For", "192.0.2.152").contentType("application/json")
                .body("{\"name\":\"Ada\",\"email\":\"a@b.c\"}").post("/api/v1/auth/signup")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        given().header("Authorization", USER).contentType("application/json").body("{\"rating\":\"five\"}")
                .put("/api/v1/movies/1/rating")
                .then().statusCode(400).body("errors[0].field", equalTo("rating"));
        given().header("Authorization", USER).contentType("application/json").body("{\"review\":\"no rating\"}")
                .put("/api/v1/movies/1/rating")
                .then().statusCode(400).body("errors[0].field", equalTo("rating"))
                .body("instance", equalTo("/api/v1/movies/1/rating"));
    }

    @Test
    void bodiesThatAreNotJsonBySContentTypeAre415ProblemAtTheEdge() {
        int before = Fakes.hits(Fakes.USER, "POST:/auth/login");
        given().header("X-Forwarded-For", "192.0.2.153").contentType("text/plain").body("email=a&password=b")
                .post("/api/v1/auth/login")
                .then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", USER).contentType("application/xml").body("<rating>5</rating>")
                .put("/api/v1/movies/1/rating")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(Fakes.hits(Fakes.USER, "POST:/auth/login")).isEqualTo(before);
    }

    @Test
    void malformedIdsOnRatingRoutesAre400NamingTheIdBeforeAnyCall() {
        int before = Fakes.hits(Fakes.RATING, "GET:/items/..%2Fadmin/rating");
        for (String id : new String[] {"..%2Fadmin", "a%20b", "x".repeat(65), "1'%20OR%20'1'='1", "%F0%9F%8E%AC"}) {
            given().header("Authorization", USER).get("/api/v1/movies/" + id + "/rating")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("id"));
            given().get("/api/v1/movies/" + id + "/reviews")
                    .then().statusCode(400).body("errors[0].field", equalTo("id"));
        }
        assertThat(Fakes.hits(Fakes.RATING, "GET:/items/..%2Fadmin/rating")).isEqualTo(before);
    }

    @Test
    void nonNumericLimitsAndOversizedQueryValuesAre400NamingTheParameter() {
        given().queryParam("q", "toy").queryParam("limit", "ten").get("/api/v1/movies/search")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("q", "x".repeat(201)).get("/api/v1/movies/search")
                .then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().queryParam("limit", "1; DROP TABLE").get("/api/v1/charts/top-rated")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("genre", "g".repeat(65)).get("/api/v1/charts/top-rated")
                .then().statusCode(400).body("errors[0].field", equalTo("genre"));
        given().queryParam("cursor", "c".repeat(1025)).get("/api/v1/movies/1/reviews")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", USER).queryParam("limit", "-5").get("/api/v1/me/ratings")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unknownChartIs400NamingIt() {
        given().get("/api/v1/charts/most-hated").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must be most-viewed, top-rated or trending"));
    }

    @Test
    void unicodeAndInjectionLookingSearchesAreForwardedIntactForTheServiceToJudge() {
        for (String q : new String[] {"Amélie", "東京物語", "\uD83C\uDFAC pop", "' OR 1=1 --", "<script>alert(1)</script>",
                "${jndi:ldap://x}", "a\u0000b"}) {
            given().queryParam("q", q).get("/api/v1/movies/search").then().statusCode(200);
            String seen = Fakes.last(Fakes.CATALOG).getString("query");
            String decoded = java.net.URLDecoder.decode(seen.substring(seen.indexOf("q=") + 2).split("&")[0],
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(decoded).as(q).isEqualTo(q);
        }
    }

    @Test
    void unicodeBodiesPassThroughByteForByte() {
        String body = "{\"name\":\"Zoë \u202Eevil\u202C \uD83D\uDE00\",\"age\":30,\"gender\":\"\u00e9\",\"email\":\"z@example.com\","
                + "\"password\":\"pässwörd-\uD83D\uDD11\"}";
        given().header("X-Forwarded-For", "192.0.2.154").contentType("application/json; charset=utf-8").body(body)
                .post("/api/v1/auth/signup").then().statusCode(201);
        assertThat(Fakes.last(Fakes.USER).getString("body")).isEqualTo(body);
    }
}
