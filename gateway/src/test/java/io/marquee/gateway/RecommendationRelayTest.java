package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recommendations relayed to a real HTTP peer playing recommendation-service. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class RecommendationRelayTest {

    private static final String USER = TestTokens.bearer(TestTokens.user("reco-1"));

    @Test
    void forYouIsRelayedWithMyTokenOnlyItsParametersAndTheSourceHeader() {
        given().header("Authorization", USER).queryParam("genre", "Comedy").queryParam("year", "1995")
                .queryParam("limit", "5").queryParam("userId", "someone-else")
                .get("/api/v1/recommendations/for-you")
                .then().statusCode(200).body("items[0].title", equalTo("Toy Story (1995)"))
                .body("recommendationId", equalTo("rid-1"))
                .header("X-Recommendation-Source", FakeServices.SOURCE)
                .header("X-Internal", nullValue());
        JsonPath seen = Fakes.last(Fakes.RECOMMENDATION);
        assertThat(seen.getString("path")).isEqualTo("/recommendations/for-you");
        assertThat(seen.getString("query").split("&")).containsExactlyInAnyOrder("genre=Comedy", "year=1995", "limit=5");
        assertThat(seen.getString("authorization")).isEqualTo(USER);
    }

    @Test
    void similarMoviesArePublicAndLiveUnderTheMovie() {
        given().queryParam("limit", "3").get("/api/v1/movies/1/similar")
                .then().statusCode(200).header("X-Recommendation-Source", FakeServices.SOURCE);
        JsonPath seen = Fakes.last(Fakes.RECOMMENDATION);
        assertThat(seen.getString("path")).isEqualTo("/items/1/similar");
        assertThat(seen.getString("authorization")).isEmpty();

        // With a token, it is forwarded so the service can put the list in my order.
        given().header("Authorization", USER).get("/api/v1/movies/1/similar").then().statusCode(200);
        assertThat(Fakes.last(Fakes.RECOMMENDATION).getString("authorization")).isEqualTo(USER);
    }

    @Test
    void rankRelaysTheBodyAsSentAndBecauseYouWatchedItsRows() {
        String body = "{\"itemIds\":[\"1\",\"2\"]}";
        given().header("Authorization", USER).contentType(ContentType.JSON).body(body)
                .post("/api/v1/recommendations/rank").then().statusCode(200);
        JsonPath seen = Fakes.last(Fakes.RECOMMENDATION);
        assertThat(seen.getString("method")).isEqualTo("POST");
        assertThat(seen.getString("path")).isEqualTo("/recommendations/rank");
        assertThat(seen.getString("body")).isEqualTo(body);

        given().header("Authorization", USER).queryParam("rows", "2")
                .get("/api/v1/recommendations/because-you-watched")
                .then().statusCode(200).body("source", equalTo("history:empty"));
        assertThat(Fakes.last(Fakes.RECOMMENDATION).getString("query")).isEqualTo("rows=2");
    }

    @Test
    void personalRoutesNeedATokenBeforeTheServiceIsAsked() {
        int before = Fakes.hits(Fakes.RECOMMENDATION, "GET:/recommendations/for-you");
        int ranksBefore = Fakes.hits(Fakes.RECOMMENDATION, "POST:/recommendations/rank");
        for (String path : List.of("/api/v1/recommendations/for-you", "/api/v1/recommendations/because-you-watched")) {
            given().get(path).then().statusCode(401).contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", startsWith("Bearer"));
            given().header("Authorization", TestTokens.bearer(TestTokens.expired("reco-1"))).get(path)
                    .then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body("{\"itemIds\":[\"1\"]}").post("/api/v1/recommendations/rank")
                .then().statusCode(401);
        assertThat(Fakes.hits(Fakes.RECOMMENDATION, "GET:/recommendations/for-you")).isEqualTo(before);
        assertThat(Fakes.hits(Fakes.RECOMMENDATION, "POST:/recommendations/rank")).isEqualTo(ranksBefore);
    }

    @Test
    void malformedParametersStopAtTheEdgeAndTheServicesOwn400IsRelayed() {
        given().header("Authorization", USER).queryParam("limit", "ten").get("/api/v1/recommendations/for-you")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().header("Authorization", USER).queryParam("genre", "x".repeat(65))
                .get("/api/v1/recommendations/for-you").then().statusCode(400);
        given().get("/api/v1/movies/{id}/similar", "bad id!").then().statusCode(400);
        given().header("Authorization", USER).queryParam("rows", "-1")
                .get("/api/v1/recommendations/because-you-watched").then().statusCode(400);
        given().queryParam("limit", "500").get("/api/v1/movies/1/similar")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"))
                .body("instance", equalTo("/api/v1/movies/1/similar"));
        given().header("Authorization", USER).contentType(ContentType.TEXT).body("1,2")
                .post("/api/v1/recommendations/rank").then().statusCode(415);
    }

    @Test
    void aDownRecommendationServiceIs503Problem() {
        Fakes.down(Fakes.RECOMMENDATION);
        try {
            given().get("/api/v1/movies/1/similar").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"));
        } finally {
            Fakes.up(Fakes.RECOMMENDATION);
        }
    }

    @Test
    void theContractListsTheRecommendationRoutes() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        for (String[] route : new String[][] {{"/api/v1/recommendations/for-you", "get"},
                {"/api/v1/recommendations/because-you-watched", "get"}, {"/api/v1/recommendations/rank", "post"}}) {
            String op = "paths['" + route[0] + "']." + route[1];
            assertThat(doc.getList(op + ".security")).as(route[0]).isNotEmpty();
            assertThat(doc.getMap(op + ".responses")).as(route[0]).containsKeys("200", "401", "429", "503");
        }
        assertThat(doc.getMap("paths['/api/v1/movies/{id}/similar'].get.responses")).containsKeys("200", "404");
        assertThat(doc.getList("paths['/api/v1/movies/{id}/similar'].get.security")).isNull();
    }
}
