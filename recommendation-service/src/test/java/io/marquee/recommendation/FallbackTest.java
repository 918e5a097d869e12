package io.marquee.recommendation;

import static io.marquee.recommendation.RecommendationApiTest.get;
import static io.marquee.recommendation.RecommendationApiTest.ok;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.testsupport.Management;
import io.marquee.testsupport.PersonalizeLocalResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** personalize-local stops in the middle of a run: answers keep coming, marked as fallback, and return to the campaigns. */
@QuarkusTest
class FallbackTest {

    /** /q/health answers on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }


    @Test
    void whilePersonalizeIsDownAnswersComeFromTheChartsAndSaySoThenFromTheCampaignsAgain() {
        List<String> rated = List.of("t04", "t08");
        Neighbours.rate("p09", rated);
        assertThat(ok(get("p09", "/recommendations/for-you?limit=5")).getString("source")).startsWith("campaign:");

        PersonalizeLocalResource.stopEngine();
        try {
            for (int i = 0; i < 30; i++) {
                JsonPath forYou = ok(get("p09", "/recommendations/for-you?limit=5"));
                assertThat(forYou.getString("source")).matches("fallback:(campaign-unavailable|campaign-timeout|"
                        + "circuit-open) chart:top-rated");
                assertThat(forYou.getList("items.id")).hasSize(5).doesNotContainAnyElementsOf(rated);
                assertThat(forYou.getString("recommendationId")).isNull();
            }
            // Every seed's similar-items call fails: each row is its genre's chart, still without
            // the rated titles, the seeds, or a title an earlier row shows.
            Neighbours.viewed("p09", List.of("t20", "t22", "t24"));
            JsonPath because = ok(get("p09", "/recommendations/because-you-watched?rows=3&limit=4"));
            assertThat(because.getList("rows.seedId")).containsExactly("t20", "t22", "t24");
            assertThat(because.getList("rows.source", String.class)).allSatisfy(s -> assertThat(s).startsWith("fallback:"));
            List<String> shown = new java.util.ArrayList<>();
            for (int row = 0; row < 3; row++) {
                shown.addAll(because.getList("rows[" + row + "].items.id"));
            }
            assertThat(shown).isNotEmpty().doesNotHaveDuplicates().doesNotContainAnyElementsOf(rated)
                    .doesNotContain("t20", "t22", "t24");

            JsonPath dramas = ok(get("p09", "/recommendations/for-you?genre=drama&limit=5"));
            assertThat(dramas.getString("source")).startsWith("fallback:").endsWith("genre:Drama");
            assertThat(dramas.getList("items.genres", List.class)).allSatisfy(g -> assertThat(g).contains("Drama"));
            // The chart is best first: the fallback keeps its order.
            List<Float> averages = dramas.getList("items.ratingAverage", Float.class);
            assertThat(averages).isSortedAccordingTo((a, b) -> Float.compare(b, a));

            JsonPath similar = ok(get(null, "/items/t06/similar?limit=4"));
            assertThat(similar.getString("source")).startsWith("fallback:");
            assertThat(similar.getList("items.id")).hasSize(4).doesNotContain("t06");

            JsonPath ranked = ok(given().header("Authorization", TestTokens.bearer(TestTokens.user("p09")))
                    .contentType(ContentType.JSON).body(Map.of("itemIds", List.of("t01", "t02", "t03")))
                    .post("/recommendations/rank"));
            assertThat(ranked.getString("source")).startsWith("fallback:").endsWith("order:catalog-rating");
            assertThat(ranked.getList("items.id")).containsExactlyInAnyOrder("t01", "t02", "t03");

            given().get(management("/q/health/ready")).then().statusCode(200);
        } finally {
            PersonalizeLocalResource.startEngine();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ok(get("p09", "/recommendations/for-you?limit=5")).getString("source"))
                        .startsWith("campaign:"));
        assertThat(ok(get(null, "/items/t06/similar?limit=4")).getString("source")).startsWith("campaign:");
    }
}
