package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Ratings and reviews relayed to a real HTTP peer playing rating-service. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class RatingRelayTest {

    private static final String RATER = TestTokens.bearer(TestTokens.user("rater-1"));

    @Test
    void putRatingRelaysBodyTokenAndCreatedWithThePublicLocation() {
        String rating = "{\"rating\":4.5,\"review\":\"Fun \u2014 \uD83C\uDFAC\"}";
        given().header("Authorization", RATER).header("X-Request-Id", "rate-1")
                .contentType("application/json; charset=utf-8").body(rating)
                .put("/api/v1/movies/1/rating")
                .then().statusCode(201).contentType("application/json").body("rating", equalTo(4.5f))
                .header("Location", endsWith("/api/v1/movies/1/rating"));

        JsonPath seen = Fakes.last(Fakes.RATING);
        assertThat(seen.getString("method")).isEqualTo("PUT");
        assertThat(seen.getString("path")).isEqualTo("/items/1/rating");
        assertThat(seen.getString("body")).isEqualTo(rating);
        assertThat(seen.getString("authorization")).isEqualTo(RATER);
        assertThat(seen.getString("requestId")).isEqualTo("rate-1");
    }

    @Test
    void getMyRatingIsRelayedAndItsNotFoundKeepsThePublicPath() {
        given().header("Authorization", RATER).get("/api/v1/movies/1/rating")
                .then().statusCode(200).body("itemId", equalTo("1"));
        assertThat(Fakes.last(Fakes.RATING).getString("path")).isEqualTo("/items/1/rating");

        given().header("Authorization", RATER).get("/api/v1/movies/unrated/rating")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("You have not rated item unrated"))
                .body("instance", equalTo("/api/v1/movies/unrated/rating"));
    }

    @Test
    void deleteMyRatingAnswersNoContent() {
        given().header("Authorization", RATER).delete("/api/v1/movies/1/rating").then().statusCode(204);
        JsonPath seen = Fakes.last(Fakes.RATING);
        assertThat(seen.getString("method")).isEqualTo("DELETE");
        assertThat(seen.getString("path")).isEqualTo("/items/1/rating");
    }

    @Test
    void reviewsArePublicAndForwardOnlyCursorAndLimit() {
        given().queryParam("cursor", "c9").queryParam("limit", "20").queryParam("userId", "someone-else")
                .get("/api/v1/movies/1/reviews")
                .then().statusCode(200).body("items[0].review", equalTo("ok"));
        JsonPath seen = Fakes.last(Fakes.RATING);
        assertThat(seen.getString("path")).isEqualTo("/items/1/reviews");
        assertThat(seen.getString("query").split("&")).containsExactlyInAnyOrder("cursor=c9", "limit=20");
        assertThat(seen.getString("authorization")).isEmpty();
    }

    @Test
    void myRatingsArePagedWithMyToken() {
        given().header("Authorization", RATER).queryParam("limit", "10").queryParam("cursor", "p1")
                .get("/api/v1/me/ratings")
                .then().statusCode(200).body("items[0].itemId", equalTo("1")).body("nextCursor", equalTo("n2"));
        JsonPath seen = Fakes.last(Fakes.RATING);
        assertThat(seen.getString("path")).isEqualTo("/me/ratings");
        assertThat(seen.getString("query").split("&")).containsExactlyInAnyOrder("cursor=p1", "limit=10");
        assertThat(seen.getString("authorization")).isEqualTo(RATER);
    }

    @Test
    void outOfRangeRatingProblemIsRelayedNamingTheField() {
        given().header("Authorization", RATER).contentType("application/json").body("{\"rating\":9}")
                .put("/api/v1/movies/1/rating")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rating"))
                .body("instance", equalTo("/api/v1/movies/1/rating"));
    }
}
