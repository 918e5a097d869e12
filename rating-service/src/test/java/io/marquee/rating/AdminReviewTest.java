package io.marquee.rating;

import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.problem;
import static io.marquee.rating.ReviewSentimentTest.BAD;
import static io.marquee.rating.ReviewSentimentTest.GOOD;
import static io.marquee.rating.ReviewSentimentTest.review;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.events.RatingEvent;
import io.marquee.rating.repository.RatingRepository;
import io.marquee.rating.repository.RatingRow;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin side of reviews: the moderation view and the sentiment backfill. */
@QuarkusTest
class AdminReviewTest {

    @Inject
    RatingRepository repository;

    @Inject
    ObjectMapper json;

    static RequestSpecification admin() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin(fresh("admin"))));
    }

    @Test
    void moderationListsStronglyNegativeAndDisagreeingReviewsNewestFirst() {
        String item = fresh("film");
        String fiveStarsHater = fresh("odd");
        String plainHater = fresh("hater");
        String fan = fresh("fan");
        review(plainHater, item, 1, BAD).statusCode(201);
        review(fan, item, 5, GOOD).statusCode(201);
        review(fiveStarsHater, item, 5, "Awful, boring and stupid. The worst film I have ever seen.").statusCode(201);

        List<Map<String, Object>> mine = moderationOf(item);
        assertThat(mine).extracting(e -> e.get("userId")).containsExactly(fiveStarsHater, plainHater);
        assertThat((List<Object>) mine.get(0).get("reasons")).contains("stars-disagree");
        assertThat((List<Object>) mine.get(1).get("reasons")).containsExactly("strongly-negative");
        assertThat(mine.get(0).get("rating")).isEqualTo(5.0f);

        // Once the 5-star text turns positive it leaves the view.
        review(fiveStarsHater, item, 5, GOOD).statusCode(200);
        assertThat(moderationOf(item)).extracting(e -> e.get("userId")).containsExactly(plainHater);
    }

    /** The flagged reviews of one item, in the view's order (the view is shared by every test). */
    private static List<Map<String, Object>> moderationOf(String item) {
        List<Map<String, Object>> mine = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = admin().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/admin/reviews/moderation").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> entry : page.<Map<String, Object>>getList("items")) {
                if (item.equals(entry.get("itemId"))) {
                    mine.add(entry);
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return mine;
    }

    @Test
    void moderationIsForAdminsOnlyAndRefusesBadPaging() {
        problem(given().get("/admin/reviews/moderation").then(), 401);
        problem(Api.as(fresh("user")).get("/admin/reviews/moderation").then(), 403);
        problem(Api.as(fresh("user")).post("/admin/reviews/sentiment-backfill").then(), 403);
        problem(Api.as(fresh("user")).get("/admin/reviews/sentiment-backfill").then(), 403);
        problem(given().post("/admin/reviews/sentiment-backfill").then(), 401);
        problem(admin().queryParam("limit", "1000").get("/admin/reviews/moderation").then(), 400)
                .body("errors.field", hasItem("limit"));
        problem(admin().queryParam("cursor", "not-a-cursor").get("/admin/reviews/moderation").then(), 400)
                .body("errors.field", hasItem("cursor"));
        problem(admin().queryParam("mode", "everything").post("/admin/reviews/sentiment-backfill").then(), 400)
                .body("errors.field", hasItem("mode"));
    }

    @Test
    void theBackfillLabelsOldReviewsAndCanRunAgain() throws Exception {
        // Reviews stored before labelling existed: no sentiment, not in the summary.
        String item = fresh("old-film");
        String oldFan = fresh("old-fan");
        String oldHater = fresh("old-hater");
        storeUnlabelled(oldFan, item, 5, GOOD);
        storeUnlabelled(oldHater, item, 5, BAD);
        Api.get(oldFan, item).statusCode(200).body("sentiment", equalTo(null));
        given().get("/items/{id}/reviews/summary", item).then().body("reviews", equalTo(0));

        int started = admin().post("/admin/reviews/sentiment-backfill").then().extract().statusCode();
        assertThat(started).isIn(200, 202);
        awaitDone();

        Api.get(oldFan, item).statusCode(200).body("sentiment", equalTo("positive"));
        Api.get(oldHater, item).statusCode(200).body("sentiment", equalTo("negative"));
        given().get("/items/{id}/reviews/summary", item).then().body("reviews", equalTo(2))
                .body("positive", equalTo(1)).body("negative", equalTo(1));
        JsonPath progress = admin().get("/admin/reviews/sentiment-backfill").then().statusCode(200).extract().jsonPath();
        assertThat(progress.getLong("scanned")).isGreaterThanOrEqualTo(2);
        assertThat(progress.getString("finishedAt")).isNotNull();
        // The 5-star negative one reached the moderation view.
        assertThat(moderationOf(item)).extracting(e -> e.get("userId")).containsExactly(oldHater);

        // Rerun, relabelling everything: nothing changes, nothing is counted twice.
        admin().queryParam("mode", "all").post("/admin/reviews/sentiment-backfill").then().statusCode(202)
                .body("mode", equalTo("all")).body("status", equalTo("running"));
        awaitDone();
        given().get("/items/{id}/reviews/summary", item).then().body("reviews", equalTo(2)).body("positive", equalTo(1));
    }

    private static void awaitDone() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "done".equals(admin().get("/admin/reviews/sentiment-backfill").then().statusCode(200)
                        .extract().path("status")));
    }

    private void storeUnlabelled(String user, String item, double rating, String text) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long sequence = repository.head(user) + 1;
        RatingEvent event = new RatingEvent(UUID.randomUUID().toString(), user, item, rating, null, true, now)
                .withSequence(sequence);
        repository.commit(user, item, Optional.empty(), Optional.of(new RatingRow(user, item, rating, text, now, now, 1)),
                sequence, json.writeValueAsString(event), null, now);
    }
}
