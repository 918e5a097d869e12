package io.marquee.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The four answers against the real personalize-local, enriched from the catalog, each saying how it was made. */
@QuarkusTest
class RecommendationApiTest {

    private static final Duration EVENT_ARRIVES = Duration.ofSeconds(15);

    static Response get(String user, String path, Object... params) {
        var request = given();
        if (user != null) {
            request.header("Authorization", TestTokens.bearer(TestTokens.user(user)));
        }
        return request.get(path, params);
    }

    static JsonPath ok(Response response) {
        response.then().statusCode(200).contentType(ContentType.JSON);
        JsonPath body = response.jsonPath();
        assertThat(response.header("X-Recommendation-Source")).isEqualTo(body.getString("source"));
        return body;
    }

    @Test
    void forYouLeavesOutWhatTheUserRatedAndNamesTheCampaign() {
        List<String> rated = List.of("t01", "t05", "t09", "t13", "t17");
        Neighbours.rate("p01", rated);
        JsonPath body = ok(get("p01", "/recommendations/for-you?limit=10"));

        assertThat(body.getString("source")).startsWith("campaign:").contains("campaign/marquee-for-you")
                .contains("filter:").contains("marquee-exclude-rated");
        assertThat(body.getString("recommendationId")).isNotBlank();
        List<String> ids = body.getList("items.id");
        assertThat(ids).hasSize(10).doesNotContainAnyElementsOf(rated).doesNotHaveDuplicates();
        assertThat(body.getList("items.title", String.class)).allSatisfy(t -> assertThat(t).startsWith("Title t"));
        assertThat(body.getList("items.score")).doesNotContainNull();
        assertThat(body.getList("items.ratingAverage")).doesNotContainNull();
    }

    @Test
    void aBrandNewUserGetsAFullList() {
        JsonPath body = ok(get("brand-new-user", "/recommendations/for-you"));
        assertThat(body.getString("source")).startsWith("campaign:");
        assertThat(body.getList("items")).hasSize(25);
    }

    @Test
    void aGenreOrAYearNarrowsTheListThroughTheirFilters() {
        JsonPath comedies = ok(get("p02", "/recommendations/for-you?genre=comedy&limit=5"));
        assertThat(comedies.getString("source")).contains("marquee-exclude-rated-genre");
        assertThat(comedies.getList("items.genres", List.class)).isNotEmpty()
                .allSatisfy(genres -> assertThat(genres).contains("Comedy"));

        JsonPath ofYear = ok(get("p02", "/recommendations/for-you?year=1991&limit=5"));
        assertThat(ofYear.getString("source")).contains("marquee-exclude-rated-year");
        assertThat(ofYear.getList("items.year", Integer.class)).isNotEmpty().containsOnly(1991);

        JsonPath both = ok(get("p02", "/recommendations/for-you?genre=Drama&year=1992&limit=5"));
        assertThat(both.getString("source")).contains("marquee-exclude-rated-genre-year");
        assertThat(both.getList("items.year", Integer.class)).allSatisfy(y -> assertThat(y).isEqualTo(1992));
        assertThat(both.getList("items.genres", List.class)).allSatisfy(g -> assertThat(g).contains("Drama"));
    }

    @Test
    void similarTitlesAnswerAnonymously() {
        JsonPath body = ok(get(null, "/items/t06/similar?limit=8"));
        assertThat(body.getString("source")).startsWith("campaign:").contains("campaign/marquee-similar-items")
                .doesNotContain("ranked-by");
        assertThat(body.getList("items.id")).hasSize(8).doesNotContain("t06").doesNotHaveDuplicates();
        assertThat(body.getString("recommendationId")).isNotBlank();
    }

    @Test
    void similarTitlesForAUserAreRankedForThemWithoutWhatTheyRated() {
        List<String> all = ok(get(null, "/items/t07/similar?limit=10")).getList("items.id");
        List<String> rated = all.subList(0, 3);
        Neighbours.rate("p03", rated);
        JsonPath body = ok(get("p03", "/items/t07/similar?limit=10"));
        assertThat(body.getString("source")).contains("campaign/marquee-similar-items")
                .contains("ranked-by:").contains("campaign/marquee-ranking");
        assertThat(body.getList("items.id")).hasSize(10).doesNotContainAnyElementsOf(rated).doesNotContain("t07");
    }

    @Test
    void aTokenThatDoesNotVerifyOnlyLosesThePersonalTouch() {
        Response response = given().header("Authorization", TestTokens.bearer(TestTokens.expired("p04")))
                .get("/items/t08/similar");
        JsonPath body = ok(response);
        assertThat(body.getString("source")).doesNotContain("ranked-by");
    }

    @Test
    void aTitleTheCampaignNeverSawStillGetsAFullListToppedUpFromTheChart() {
        JsonPath body = ok(get(null, "/items/t61/similar?limit=5"));
        assertThat(body.getList("items.id")).hasSize(5).doesNotContain("t61");
    }

    @Test
    void similarTitlesOfAnUnknownTitleAre404() {
        get(null, "/items/no-such-title/similar").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rankPutsTheCallersTitlesInTheirOrderWithScoresAndDropsUnknownOnes() {
        List<String> mine = new ArrayList<>();
        for (int n = 20; n < 32; n++) {
            mine.add(String.format("t%02d", n));
        }
        List<String> asked = new ArrayList<>(mine);
        asked.add("not-in-catalog");
        Response response = given().header("Authorization", TestTokens.bearer(TestTokens.user("p05")))
                .contentType(ContentType.JSON).body(Map.of("itemIds", asked)).post("/recommendations/rank");
        JsonPath body = ok(response);
        assertThat(body.getString("source")).contains("campaign/marquee-ranking");
        assertThat(body.getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(mine);
        List<Float> scores = body.getList("items.score", Float.class);
        assertThat(scores).doesNotContainNull();
        assertThat(new ArrayList<>(scores)).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void becauseYouWatchedHasARowPerRecentTitleWithoutRepeats() {
        Neighbours.viewed("p06", List.of("t10", "t11", "t12", "t13"));
        Neighbours.rate("p06", List.of("t14"));
        JsonPath body = ok(get("p06", "/recommendations/because-you-watched?rows=2&limit=6"));
        assertThat(body.getList("rows.seedId")).containsExactly("t10", "t11");
        assertThat(body.getList("rows.seedTitle")).containsExactly("Title t10", "Title t11");
        assertThat(body.getString("source")).contains("campaign/marquee-similar-items");
        Set<String> seen = new HashSet<>();
        for (int row = 0; row < 2; row++) {
            List<String> ids = body.getList("rows[" + row + "].items.id");
            assertThat(ids).hasSize(6).doesNotContain("t10", "t11", "t14");
            ids.forEach(id -> assertThat(seen.add(id)).as("%s twice", id).isTrue());
        }
    }

    @Test
    void becauseYouWatchedReadsTheCatalogOnlyForTheSeedsAndTheTitlesTheRowsCanShow() {
        Neighbours.viewed("p11", List.of("t30", "t31"));
        Neighbours.rate("p11", List.of("t32"));
        Map<String, Integer> before = new java.util.HashMap<>();
        for (int n = 1; n <= Neighbours.CATALOG_ITEMS; n++) {
            String id = String.format("t%02d", n);
            before.put(id, Neighbours.lookupsOf(id));
        }
        JsonPath body = ok(get("p11", "/recommendations/because-you-watched?rows=2&limit=3"));
        List<String> shown = new ArrayList<>(body.getList("rows[0].items.id"));
        shown.addAll(body.getList("rows[1].items.id"));
        assertThat(shown).hasSize(6).doesNotHaveDuplicates().doesNotContain("t30", "t31", "t32");
        // Titles held from earlier tests are not read again, so this is a bound: the two seeds and
        // per row 3 + slack candidates, where each seed's answer names 3 * row + 3 + slack titles.
        List<String> read = before.keySet().stream().filter(id -> Neighbours.lookupsOf(id) > before.get(id)).toList();
        assertThat(read).hasSizeLessThanOrEqualTo(2 + 2 * (3 + 3));
    }

    @Test
    void becauseYouWatchedFollowsTheHistoryReadNowNotTheSeedsOfLastTime() {
        // The second answer starts last time's seeds' calls early (SeedGuesses); the history has moved on.
        Neighbours.viewed("p12", List.of("t40", "t41", "t42"));
        JsonPath first = ok(get("p12", "/recommendations/because-you-watched?rows=2&limit=4"));
        assertThat(first.getList("rows.seedId")).containsExactly("t40", "t41");

        // user-service's history changes by an interaction event, which also drops the history kept here.
        Neighbours.viewed("p12", List.of("t43", "t40", "t41"));
        Interactions.clicked("p12", "t43", Instant.parse("2026-01-01T00:00:59Z"));
        JsonPath moved = await().atMost(EVENT_ARRIVES).until(
                () -> ok(get("p12", "/recommendations/because-you-watched?rows=2&limit=4")),
                body -> body.getList("rows.seedId").equals(List.of("t43", "t40")));
        List<String> shown = new ArrayList<>(moved.getList("rows[0].items.id"));
        shown.addAll(moved.getList("rows[1].items.id"));
        assertThat(shown).hasSize(8).doesNotHaveDuplicates().doesNotContain("t43", "t40");

        // Same history again: the early calls are used, and the rows are what asking afresh gave.
        JsonPath again = ok(get("p12", "/recommendations/because-you-watched?rows=2&limit=4"));
        assertThat(again.getList("rows.seedId")).containsExactly("t43", "t40");
        assertThat(again.getList("rows.items.id")).isEqualTo(moved.getList("rows.items.id"));
    }

    @Test
    void becauseYouWatchedWithoutHistoryHasNoRowsEvenAfterItHadSome() {
        Neighbours.viewed("p13", List.of("t44", "t45"));
        assertThat(ok(get("p13", "/recommendations/because-you-watched?rows=2&limit=3")).getList("rows")).hasSize(2);
        // The history is gone (as if cleared); the caller's next event drops the one kept here.
        Neighbours.viewed("p13", List.of());
        Interactions.clicked("p13", "t46", Instant.parse("2026-01-01T00:01:00Z"));
        JsonPath body = await().atMost(EVENT_ARRIVES).until(
                () -> ok(get("p13", "/recommendations/because-you-watched?rows=2&limit=3")),
                answer -> answer.getList("rows").isEmpty());
        assertThat(body.getString("source")).isEqualTo("history:empty");
    }

    @Test
    void becauseYouWatchedWithoutHistoryHasNoRows() {
        JsonPath body = ok(get("p07-no-history", "/recommendations/because-you-watched"));
        assertThat(body.getList("rows")).isEmpty();
        assertThat(body.getString("source")).isEqualTo("history:empty");
    }
}
