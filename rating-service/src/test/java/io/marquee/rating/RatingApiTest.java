package io.marquee.rating;

import static io.marquee.rating.Api.as;
import static io.marquee.rating.Api.catalogHits;
import static io.marquee.rating.Api.delete;
import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.get;
import static io.marquee.rating.Api.problem;
import static io.marquee.rating.Api.put;
import static io.marquee.rating.Api.rate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rating API as a user sees it: rate, replace, read, delete, list; and what each change publishes. */
@QuarkusTest
class RatingApiTest {

    @Test
    void ratingTwiceReplacesTheFirstAndKeepsWhenItWasFirstRated() {
        String user = fresh("u");
        String item = fresh("item");
        JsonPath first = put(user, item, "{\"rating\":4.5,\"review\":\"  Great fun \\n\\n\"}").statusCode(201)
                .body("itemId", equalTo(item)).body("userId", equalTo(user))
                .body("rating", equalTo(4.5f)).body("review", equalTo("Great fun"))
                .extract().jsonPath();
        JsonPath second = rate(user, item, 3).statusCode(200).body("rating", equalTo(3.0f))
                .body("review", nullValue()).extract().jsonPath();
        assertThat(second.getString("ratedAt")).isEqualTo(first.getString("ratedAt"));
        get(user, item).statusCode(200).body("rating", equalTo(3.0f)).body("review", nullValue())
                .body("ratedAt", equalTo(first.getString("ratedAt")))
                .body("updatedAt", equalTo(second.getString("updatedAt")));
    }

    @Test
    void aNewRatingAnswersCreatedWithItsLocationAndAReplacementDoesNot() {
        // The public contract (docs/api) promises Location on the 201; the gateway rewrites it to /api/v1/movies/...
        String user = fresh("u");
        String item = fresh("item");
        rate(user, item, 4).statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/items/" + item + "/rating"));
        rate(user, item, 3).statusCode(200).header("Location", nullValue());
    }

    @Test
    void myRatingOfAnItemIHaveNotRatedIs404Problem() {
        problem(get(fresh("u"), fresh("item")), 404).body("detail", containsString("not rated"));
    }

    @Test
    void deletingMyRatingRemovesItAndDeletingAgainIsHarmless() {
        String user = fresh("u");
        String item = fresh("item");
        rate(user, item, 2.5).statusCode(201);
        delete(user, item).statusCode(204);
        problem(get(user, item), 404);
        delete(user, item).statusCode(204);
        rate(user, item, 1).statusCode(201);
    }

    @Test
    void myRatingsAreListedNewestFirstInPages() {
        String user = fresh("u");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String item = fresh("mine" + i);
            items.add(item);
            rate(user, item, 1 + i * 0.5).statusCode(201);
        }
        rate(user, items.get(0), 5).statusCode(200); // re-rating moves it to the top
        List<String> expected = List.of(items.get(0), items.get(4), items.get(3), items.get(2), items.get(1));

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(user).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/me/ratings").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            assertThat(page.getList("items.userId", String.class)).allMatch(user::equals);
            listed.addAll(page.getList("items.itemId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void anItemsReviewsArePublicNewestFirstAndOnlyThoseWithText() {
        String item = fresh("reviewed");
        String quiet = fresh("quiet");
        String early = fresh("early");
        String late = fresh("late");
        put(early, item, "{\"rating\":4,\"review\":\"Loved it 🎬\"}").statusCode(201);
        rate(quiet, item, 2).statusCode(201);
        put(late, item, "{\"rating\":1.5,\"review\":\"Not for me\"}").statusCode(201);

        JsonPath all = given().get("/items/{id}/reviews", item).then().statusCode(200)
                .body("items.userId", not(hasItem(quiet))).extract().jsonPath();
        assertThat(all.getList("items.userId", String.class)).containsExactly(late, early);
        assertThat(all.getList("items.review", String.class)).containsExactly("Not for me", "Loved it 🎬");
        assertThat(all.getString("nextCursor")).isNull();

        JsonPath first = given().queryParam("limit", 1).get("/items/{id}/reviews", item).then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.userId", String.class)).containsExactly(late);
        given().queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get("/items/{id}/reviews", item).then().statusCode(200)
                .body("items.userId", equalTo(List.of(early)));

        // Removing the text removes the review, not the rating.
        rate(early, item, 4).statusCode(200);
        given().get("/items/{id}/reviews", item).then().statusCode(200).body("items.userId", equalTo(List.of(late)));
    }

    @Test
    void anItemTheCatalogDoesNotKnowIsRefusedNamingItemId() {
        String user = fresh("u");
        String item = fresh("unknown");
        problem(rate(user, item, 4), 404).body("errors.field", hasItem("itemId"));
        problem(get(user, item), 404);
    }

    @Test
    void aFailingCatalogIs503AndStoresNothing() {
        String user = fresh("u");
        String item = fresh("broken");
        problem(rate(user, item, 4), 503).body("detail", containsString("catalog-service"));
        problem(get(user, item), 404);
    }

    @Test
    void aCatalogTooSlowToAnswerIs503AndStoresNothing() {
        String user = fresh("u");
        String item = fresh("slow");
        problem(rate(user, item, 4), 503);
        problem(get(user, item), 404);
    }

    @Test
    void anItemTheCatalogConfirmedIsNotAskedAboutAgain() throws Exception {
        String item = fresh("cached");
        rate(fresh("u"), item, 4).statusCode(201);
        rate(fresh("u"), item, 3).statusCode(201);
        rate(fresh("u"), item, 2).statusCode(201);
        assertThat(catalogHits(item)).isEqualTo(1);
    }

    @Test
    void unknownItemsAreAskedAboutEveryTimeSoANewItemIsAcceptedAtOnce() throws Exception {
        String item = fresh("unknown");
        problem(rate(fresh("u"), item, 4), 404);
        problem(rate(fresh("u"), item, 4), 404);
        assertThat(catalogHits(item)).isEqualTo(2);
    }

    @Test
    void everyChangePublishesTheRatingWithItsPreviousValueAndRatesAreInteractions() {
        String user = fresh("u");
        String item = fresh("events");
        rate(user, item, 4).statusCode(201);
        put(user, item, "{\"rating\":2,\"review\":\"meh\"}").statusCode(200);
        delete(user, item).statusCode(204);

        List<RatingEvent> ratings = PublishedEvents.ratings(item, events -> events.size() >= 3);
        assertThat(ratings).extracting(RatingEvent::rating).containsExactly(4.0, 2.0, null);
        assertThat(ratings).extracting(RatingEvent::previousRating).containsExactly(null, 4.0, 2.0);
        assertThat(ratings).extracting(RatingEvent::hasReview).containsExactly(false, true, false);
        assertThat(ratings).allSatisfy(e -> {
            assertThat(e.userId()).isEqualTo(user);
            assertThat(e.eventId()).isNotBlank();
            assertThat(e.occurredAt()).isNotNull();
        });
        assertThat(ratings.stream().mapToInt(RatingEvent::countDelta).sum()).isZero();
        assertThat(ratings.stream().mapToDouble(RatingEvent::sumDelta).sum()).isZero();

        List<InteractionEvent> interactions = PublishedEvents.interactions(item, events -> events.size() >= 2);
        assertThat(interactions).extracting(InteractionEvent::eventType).containsOnly(InteractionEvent.RATE);
        assertThat(interactions).extracting(InteractionEvent::eventValue).containsExactly(4.0, 2.0);
        assertThat(interactions).extracting(InteractionEvent::userId).containsOnly(user);
        assertThat(interactions).allSatisfy(e -> assertThat(e.sessionId()).isNotBlank());
    }
}
