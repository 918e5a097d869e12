package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Review sentiment routes relayed to a real HTTP peer playing rating-service; the summary on the item answer. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class ReviewRelayTest {

    private static final String VOTER = TestTokens.bearer(TestTokens.user("voter-reviews"));
    private static final String ADMIN = TestTokens.bearer(TestTokens.admin("admin-reviews"));

    @Test
    void theItemAnswerCarriesItsReviewSummary() {
        JsonPath movie = given().get("/api/v1/movies/with-reviews").then().statusCode(200).extract().jsonPath();
        assertThat(movie.getString("title")).isNotBlank();
        assertThat(movie.getInt("reviewSummary.reviews")).isEqualTo(3);
        assertThat(movie.getFloat("reviewSummary.positiveShare")).isEqualTo(0.667f);
        assertThat(Fakes.last(Fakes.RATING).getString("path")).isEqualTo("/items/with-reviews/reviews/summary");
    }

    @Test
    void aSlowRatingServiceLeavesTheSummaryOutInsteadOfSlowingTheItem() {
        given().get("/api/v1/movies/slow-reviews").then().statusCode(200)
                .body("title", equalTo(new JsonPath(FakeServices.ITEM).getString("title")))
                .body("reviewSummary", nullValue());
    }

    @Test
    void anItemWithoutReviewsCarriesAnEmptySummaryBesideTheCatalogsFields() {
        JsonPath movie = given().get("/api/v1/movies/1").then().statusCode(200).extract().jsonPath();
        assertThat(movie.getMap("")).containsAllEntriesOf(new JsonPath(FakeServices.ITEM).getMap(""));
        assertThat(movie.getInt("reviewSummary.reviews")).isZero();
        assertThat(movie.getString("reviewSummary.mostHelpfulPositive")).isNull();
    }

    @Test
    void reviewsBySentimentAndTheSummaryAreRelayed() {
        given().queryParam("sentiment", "negative").queryParam("limit", "5").get("/api/v1/movies/1/reviews")
                .then().statusCode(200);
        assertThat(Fakes.last(Fakes.RATING).getString("query").split("&"))
                .containsExactlyInAnyOrder("sentiment=negative", "limit=5");
        given().get("/api/v1/movies/with-reviews/reviews/summary").then().statusCode(200).body("negative", equalTo(1));
    }

    @Test
    void aBadSentimentIsRefusedAtTheEdge() {
        int before = Fakes.hits(Fakes.RATING, "GET:/items/1/reviews");
        for (String bad : new String[] {"NEGATIVE", "mixed", "x".repeat(300), "<script>"}) {
            given().queryParam("sentiment", bad).get("/api/v1/movies/1/reviews").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("sentiment"));
        }
        assertThat(Fakes.hits(Fakes.RATING, "GET:/items/1/reviews")).isEqualTo(before);
    }

    @Test
    void helpfulVotesNeedAUserTokenAndAreRelayedWithIt() {
        given().header("Authorization", VOTER).put("/api/v1/movies/1/reviews/u-2/helpful").then().statusCode(200)
                .body("helpful", equalTo(3)).body("mine", equalTo(true));
        JsonPath seen = Fakes.last(Fakes.RATING);
        assertThat(seen.getString("method")).isEqualTo("PUT");
        assertThat(seen.getString("path")).isEqualTo("/items/1/reviews/u-2/helpful");
        assertThat(seen.getString("authorization")).isEqualTo(VOTER);

        given().header("Authorization", VOTER).delete("/api/v1/movies/1/reviews/u-2/helpful").then().statusCode(200)
                .body("mine", equalTo(false));
        given().header("Authorization", VOTER).put("/api/v1/movies/1/reviews/nobody/helpful").then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/movies/1/reviews/nobody/helpful"));

        given().put("/api/v1/movies/1/reviews/u-2/helpful").then().statusCode(401);
        given().header("Authorization", VOTER).put("/api/v1/movies/1/reviews/{a}/helpful", "bad author!")
                .then().statusCode(400).body("errors.field", hasItem("authorId"));
    }

    @Test
    void moderationAndBackfillAreForAdminsOnly() {
        given().header("Authorization", ADMIN).get("/api/v1/admin/reviews/moderation").then().statusCode(200)
                .body("items[0].reasons", hasItem("stars-disagree"));
        assertThat(Fakes.last(Fakes.RATING).getString("authorization")).isEqualTo(ADMIN);
        given().header("Authorization", ADMIN).post("/api/v1/admin/reviews/sentiment-backfill").then().statusCode(202)
                .body("status", equalTo("running"));
        given().header("Authorization", ADMIN).get("/api/v1/admin/reviews/sentiment-backfill").then().statusCode(200);
        given().header("Authorization", ADMIN).queryParam("mode", "everything")
                .post("/api/v1/admin/reviews/sentiment-backfill").then().statusCode(400)
                .body("errors.field", hasItem("mode"));

        given().header("Authorization", VOTER).get("/api/v1/admin/reviews/moderation").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/admin/reviews/moderation").then().statusCode(401);
        given().header("Authorization", VOTER).post("/api/v1/admin/reviews/sentiment-backfill").then().statusCode(403);
    }
}
