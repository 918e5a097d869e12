package io.marquee.rating;

import static io.marquee.rating.Api.as;
import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.get;
import static io.marquee.rating.Api.problem;
import static io.marquee.rating.Api.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import io.marquee.common.events.RatingEvent;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every review labelled on write, summaries, listings by sentiment, helpful votes. */
@QuarkusTest
class ReviewSentimentTest {

    static final String GOOD = "A wonderful film, I loved every minute of it.";
    static final String BAD = "Terrible plot, awful acting, a complete waste of time.";

    static ValidatableResponse review(String user, String item, double rating, String text) {
        return put(user, item, "{\"rating\":" + rating + ",\"review\":" + quote(text) + "}");
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static ValidatableResponse vote(String voter, String item, String author) {
        return as(voter).put("/items/{id}/reviews/{author}/helpful", item, author).then();
    }

    static ValidatableResponse unvote(String voter, String item, String author) {
        return as(voter).delete("/items/{id}/reviews/{author}/helpful", item, author).then();
    }

    @Test
    void aReviewIsLabelledWhenWrittenAndAgainWhenEdited() {
        String user = fresh("critic");
        String item = fresh("film");
        review(user, item, 4.5, GOOD).statusCode(201)
                .body("sentiment", equalTo("positive")).body("sentimentScore", greaterThan(0.2f));
        get(user, item).statusCode(200).body("sentiment", equalTo("positive")).body("helpful", equalTo(0));

        review(user, item, 4.5, BAD).statusCode(200)
                .body("sentiment", equalTo("negative")).body("sentimentScore", lessThan(-0.2f));

        // A rating without text has no sentiment.
        put(user, item, "{\"rating\":3}").statusCode(200).body("sentiment", nullValue()).body("sentimentScore", nullValue());
    }

    @Test
    void theRatingsEventCarriesTheLabelAndAnEventWithoutTextDoesNot() {
        String user = fresh("publisher");
        String item = fresh("film");
        review(user, item, 1, BAD).statusCode(201);
        put(user, item, "{\"rating\":2}").statusCode(200);
        List<RatingEvent> events = PublishedEvents.ratings(item, e -> e.size() >= 2);
        assertThat(events.get(0).sentiment()).isEqualTo("negative");
        assertThat(events.get(0).sentimentScore()).isLessThan(-0.2);
        assertThat(events.get(1).sentiment()).isNull();
        assertThat(events.get(1).sentimentScore()).isNull();
    }

    @Test
    void theSummaryCountsLabelsAndFollowsEditsAndDeletes() {
        String item = fresh("film");
        String a = fresh("a");
        String b = fresh("b");
        String c = fresh("c");
        given().get("/items/{id}/reviews/summary", item).then().statusCode(200)
                .body("reviews", equalTo(0)).body("positiveShare", equalTo(0f))
                .body("mostHelpfulPositive", nullValue()).body("mostHelpfulNegative", nullValue());

        review(a, item, 5, GOOD).statusCode(201);
        review(b, item, 4, "Loved it, brilliant and moving.").statusCode(201);
        review(c, item, 1, BAD).statusCode(201);
        summary(item).body("reviews", equalTo(3)).body("positive", equalTo(2)).body("negative", equalTo(1))
                .body("positiveShare", equalTo(0.667f)).body("negativeShare", equalTo(0.333f));

        // Edited from negative to positive: counted once, under its new label.
        review(c, item, 4, "On second thought, a great film.").statusCode(200);
        summary(item).body("reviews", equalTo(3)).body("positive", equalTo(3)).body("negative", equalTo(0));

        Api.delete(a, item).statusCode(204);
        summary(item).body("reviews", equalTo(2)).body("positive", equalTo(2));
    }

    @Test
    void theSummaryShowsTheMostHelpfulExcerptOfEachSide() {
        String item = fresh("film");
        String fan = fresh("fan");
        String other = fresh("other");
        String hater = fresh("hater");
        String long1 = "Brilliant. " + "A wonderful and moving story with great acting and a perfect score. ".repeat(10);
        review(fan, item, 5, long1).statusCode(201);
        review(other, item, 4, GOOD).statusCode(201);
        review(hater, item, 1, BAD).statusCode(201);
        vote(fresh("v1"), item, fan).statusCode(200).body("helpful", equalTo(1));
        vote(fresh("v2"), item, fan).statusCode(200).body("helpful", equalTo(2));
        vote(fresh("v3"), item, other).statusCode(200).body("helpful", equalTo(1));

        JsonPath s = summary(item).extract().jsonPath();
        assertThat(s.getString("mostHelpfulPositive.userId")).isEqualTo(fan);
        assertThat(s.getInt("mostHelpfulPositive.helpful")).isEqualTo(2);
        assertThat(s.getBoolean("mostHelpfulPositive.truncated")).isTrue();
        assertThat(s.getString("mostHelpfulPositive.text")).startsWith("Brilliant.").endsWith("…");
        assertThat(s.getString("mostHelpfulPositive.text").codePointCount(0, s.getString("mostHelpfulPositive.text").length()))
                .isLessThanOrEqualTo(281);
        assertThat(s.getString("mostHelpfulNegative.userId")).isEqualTo(hater);
        assertThat(s.getString("mostHelpfulNegative.text")).isEqualTo(BAD);
        assertThat(s.getBoolean("mostHelpfulNegative.truncated")).isFalse();
    }

    @Test
    void reviewsCanBeListedBySentimentPageByPage() {
        String item = fresh("film");
        List<String> negatives = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String user = fresh("neg" + i);
            review(user, item, 2, BAD).statusCode(201);
            negatives.add(0, user);
        }
        review(fresh("pos"), item, 5, GOOD).statusCode(201);

        given().queryParam("sentiment", "negative").get("/items/{id}/reviews", item).then().statusCode(200)
                .body("items.userId", equalTo(negatives)).body("items.sentiment", equalTo(List.of("negative", "negative", "negative")));
        given().queryParam("sentiment", "positive").get("/items/{id}/reviews", item).then().statusCode(200)
                .body("items.size()", equalTo(1));
        given().get("/items/{id}/reviews", item).then().statusCode(200).body("items.size()", equalTo(4));

        String cursor = given().queryParam("sentiment", "negative").queryParam("limit", 2)
                .get("/items/{id}/reviews", item).then().statusCode(200).body("items.userId", equalTo(negatives.subList(0, 2)))
                .extract().path("nextCursor");
        given().queryParam("sentiment", "negative").queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/items/{id}/reviews", item).then().statusCode(200)
                .body("items.userId", equalTo(negatives.subList(2, 3))).body("nextCursor", nullValue());

        // A cursor only continues its own listing: not the positive one, nor the unfiltered one.
        problem(given().queryParam("sentiment", "positive").queryParam("cursor", cursor)
                .get("/items/{id}/reviews", item).then(), 400).body("errors.field", hasItem("cursor"));
        problem(given().queryParam("cursor", cursor).get("/items/{id}/reviews", item).then(), 400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void anUnknownSentimentIsA400NamingIt() {
        String item = fresh("film");
        for (String bad : List.of("NEGATIVE", "mixed", "positive,negative", "x".repeat(1000), "<script>", "' OR 1=1")) {
            problem(given().queryParam("sentiment", bad).get("/items/{id}/reviews", item).then(), 400)
                    .body("errors.field", hasItem("sentiment"));
        }
        problem(given().queryParam("sentiment", "bogus").queryParam("limit", "0").get("/items/{id}/reviews", item).then(), 400)
                .body("errors.field", hasItem("sentiment")).body("errors.field", hasItem("limit"));
    }

    @Test
    void helpfulVotesCountOncePerUserAndNeverOnOnesOwnReview() {
        String item = fresh("film");
        String author = fresh("author");
        String voter = fresh("voter");
        review(author, item, 4, GOOD).statusCode(201);

        vote(voter, item, author).statusCode(200).body("helpful", equalTo(1)).body("mine", equalTo(true));
        vote(voter, item, author).statusCode(200).body("helpful", equalTo(1));
        get(author, item).statusCode(200).body("helpful", equalTo(1));

        problem(vote(author, item, author), 403).body("errors.field", hasItem("authorId"));
        get(author, item).statusCode(200).body("helpful", equalTo(1));

        unvote(voter, item, author).statusCode(200).body("helpful", equalTo(0)).body("mine", equalTo(false));
        unvote(voter, item, author).statusCode(200).body("helpful", equalTo(0));

        // The author editing the review keeps its votes.
        vote(voter, item, author).statusCode(200).body("helpful", equalTo(1));
        review(author, item, 4, GOOD + " Still great.").statusCode(200).body("helpful", equalTo(1));
    }

    @Test
    void votesOnMissingReviewsOrBadAuthorsAreRefused() {
        String item = fresh("film");
        String author = fresh("author");
        problem(vote(fresh("v"), item, author), 404);
        // A rating without text is not a review one can vote on.
        put(author, item, "{\"rating\":3}").statusCode(201);
        problem(vote(fresh("v"), item, author), 404);
        problem(unvote(fresh("v"), item, author), 404);
        problem(vote(fresh("v"), item, "bad id with spaces"), 400).body("errors.field", hasItem("authorId"));
        problem(vote(fresh("v"), item, "x".repeat(200)), 400).body("errors.field", hasItem("authorId"));
        problem(vote(fresh("v"), "bad item!", author), 400);
        problem(given().put("/items/{id}/reviews/{a}/helpful", item, author).then(), 401);
        problem(given().header("Authorization", TestTokens.bearer(TestTokens.expired("v")))
                .delete("/items/{id}/reviews/{a}/helpful", item, author).then(), 401);
        problem(given().header("Authorization", TestTokens.bearer(TestTokens.withRoles("v", "guest")))
                .put("/items/{id}/reviews/{a}/helpful", item, author).then(), 403);
    }

    @Test
    void parallelVotesAllCount() throws Exception {
        String item = fresh("film");
        String author = fresh("author");
        review(author, item, 5, GOOD).statusCode(201);
        int voters = 8;
        ExecutorService pool = Executors.newFixedThreadPool(voters);
        try {
            List<Callable<Integer>> votes = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                String voter = fresh("crowd" + i);
                // Each voter also votes twice at once: still one vote each.
                votes.add(() -> vote(voter, item, author).extract().statusCode());
                votes.add(() -> vote(voter, item, author).extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(votes)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        get(author, item).statusCode(200).body("helpful", equalTo(voters));
    }

    @Test
    void hostileTextIsStoredAsTextAndLabelled() {
        String item = fresh("film");
        String user = fresh("hostile");
        // (Bidirectional overrides are refused in reviews, as in names and titles: HostileInputTest.)
        String hostile = "<script>alert('x')</script> ' OR 1=1; -- terrible awful! 😡👎 {\"sentiment\":\"positive\"}";
        review(user, item, 1, hostile).statusCode(201).body("review", equalTo(hostile))
                .body("sentiment", equalTo("negative"));
        given().queryParam("sentiment", "negative").get("/items/{id}/reviews", item).then().statusCode(200)
                .body("items[0].review", equalTo(hostile));
        // Over the limit is refused before anything is labelled or stored.
        problem(review(user, item, 1, "bad ".repeat(600)), 400).body("errors.field", hasItem("review"));
    }

    static ValidatableResponse summary(String item) {
        return given().get("/items/{id}/reviews/summary", item).then().statusCode(200);
    }

}
