package io.marquee.rating;

import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.ReviewSentimentTest.BAD;
import static io.marquee.rating.ReviewSentimentTest.GOOD;
import static io.marquee.rating.ReviewSentimentTest.review;
import static io.marquee.rating.ReviewSentimentTest.summary;
import static io.marquee.rating.ReviewSentimentTest.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.marquee.rating.repository.RatingRepository;
import io.marquee.rating.repository.RatingTables;
import io.marquee.rating.repository.StoredSummary;
import io.marquee.rating.review.service.SummaryCache;
import io.marquee.sentiment.Label;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's summary read from its one summary row (ADR 0041): the most helpful reviews kept there
 * follow every kind of change, and rows written by builds before it still read correctly.
 */
@QuarkusTest
class SummaryRowTest {

    @Inject
    RatingRepository repository;

    @Inject
    RatingTables tables;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    SummaryCache cache;

    @Test
    void aSummaryRowOfAnOlderBuildReadsCorrectlyAndIsThenKeptCurrent() {
        String item = fresh("film");
        String fan = fresh("fan");
        String hater = fresh("hater");
        review(fan, item, 5, GOOD).statusCode(201);
        review(hater, item, 1, BAD).statusCode(201);
        // The row as builds before ADR 0041 left it: counters only, no revision, nothing kept.
        dynamo.putItem(b -> b.tableName(tables.summaries()).item(Map.of("itemId", AttributeValue.fromS(item),
                "positive", AttributeValue.fromN("1"), "negative", AttributeValue.fromN("1"))));
        cache.changed(item);

        summary(item).body("reviews", equalTo(2)).body("positive", equalTo(1)).body("negative", equalTo(1))
                .body("mostHelpfulPositive.userId", equalTo(fan)).body("mostHelpfulNegative.userId", equalTo(hater));
        StoredSummary kept = repository.summary(item);
        assertThat(kept.topRevision()).isZero();
        assertThat(kept.top().get(Label.POSITIVE).userId()).isEqualTo(fan);
        assertThat(kept.top().get(Label.NEGATIVE).review()).isEqualTo(BAD);

        // The first change on the old row moves its revision: what was kept is derived again.
        String other = fresh("other");
        review(other, item, 4, "Loved it, brilliant and moving.").statusCode(201);
        vote(fresh("voter"), item, other).statusCode(200);
        summary(item).body("reviews", equalTo(3)).body("positive", equalTo(2))
                .body("mostHelpfulPositive.userId", equalTo(other)).body("mostHelpfulPositive.helpful", equalTo(1));
        assertThat(repository.summary(item).topCurrent(Instant.now(), Duration.ofMinutes(1)))
                .isTrue();
    }

    @Test
    void theKeptReviewsFollowEditsThatKeepTheLabelVotesAndDeletes() {
        String item = fresh("film");
        String fan = fresh("fan");
        String other = fresh("other");
        review(fan, item, 5, GOOD).statusCode(201);
        summary(item).body("mostHelpfulPositive.text", equalTo(GOOD));
        fromRow(item).body("mostHelpfulPositive.text", equalTo(GOOD));

        // Still positive, so no counter moves; the text shown must change all the same.
        String edited = "A wonderful film, and even better the second time.";
        review(fan, item, 4.5, edited).statusCode(200);
        summary(item).body("positive", equalTo(1)).body("mostHelpfulPositive.text", equalTo(edited))
                .body("mostHelpfulPositive.rating", equalTo(4.5f));

        // A newer review leads among equals; a vote puts the older one back ahead.
        review(other, item, 4, "Loved it, brilliant and moving.").statusCode(201);
        summary(item).body("mostHelpfulPositive.userId", equalTo(other));
        vote(fresh("voter"), item, fan).statusCode(200);
        JsonPath voted = summary(item).extract().jsonPath();
        assertThat(voted.getString("mostHelpfulPositive.userId")).isEqualTo(fan);
        assertThat(voted.getInt("mostHelpfulPositive.helpful")).isEqualTo(1);
        // Read again from the row alone (this replica's copy dropped): the same answer.
        assertThat(fromRow(item).extract().jsonPath().getMap("")).isEqualTo(voted.getMap(""));

        Api.delete(fan, item).statusCode(204);
        summary(item).body("positive", equalTo(1)).body("mostHelpfulPositive.userId", equalTo(other));
        Api.delete(other, item).statusCode(204);
        summary(item).body("reviews", equalTo(0)).body("mostHelpfulPositive", nullValue());
    }

    /** The summary as the summary row gives it, without this replica's short-lived copy. */
    private ValidatableResponse fromRow(String item) {
        cache.changed(item);
        return summary(item);
    }

    @Test
    void anItemNobodyReviewedHasNoRowAndReadingDoesNotMakeOne() {
        String item = fresh("film");
        Api.rate(fresh("rater"), item, 3).statusCode(201);
        summary(item).body("reviews", equalTo(0)).body("mostHelpfulPositive", nullValue())
                .body("mostHelpfulNegative", nullValue());
        assertThat(repository.summary(item).exists()).isFalse();
    }
}
