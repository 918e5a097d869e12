package io.marquee.catalog.stats;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.marquee.catalog.item.Api.item;
import static io.marquee.catalog.item.Api.putOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.catalog.stats.events.EventConsumers;
import io.marquee.catalog.stats.events.InteractionEventDeserializer;
import io.marquee.catalog.stats.events.RatingEventDeserializer;
import io.marquee.catalog.stats.service.ItemStats;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.testsupport.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counters and charts from events published on the real Kafka broker. Each test uses its own
 * items; charts are checked for the relative order of those items, since other tests' items
 * share the charts.
 */
@QuarkusTest
class CountersAndChartsTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }


    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    EventConsumers consumers;

    @Inject
    StatsService statsService;

    private static JsonPath stats(String id) {
        return given().get("/items/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> chart(String name, String genre) {
        return given().queryParam("genre", genre).queryParam("limit", 100).get("/charts/{chart}", name)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void viewsAndRatingsShowOnTheItem() {
        putOk("count-1", item("Counted", 1950, "Drama"));
        given().get("/items/count-1").then().statusCode(200)
                .body("stats.viewCount", is(0)).body("stats.ratingCount", is(0))
                .body("stats.ratingAverage", org.hamcrest.Matchers.nullValue());
        Instant now = Instant.now();
        Events.interaction("u1", "count-1", InteractionEvent.VIEW, now);
        Events.interaction("u2", "count-1", InteractionEvent.VIEW, now);
        Events.interaction("u2", "count-1", InteractionEvent.CLICK, now);
        Events.interaction("u3", "count-1", InteractionEvent.VIEW, now);
        Events.rating("u1", "count-1", 4.0, null);
        Events.rating("u2", "count-1", 3.0, null);
        Events.rating("u2", "count-1", 5.0, 3.0);
        Events.rating("u3", "count-1", 2.5, null);
        Events.rating("u3", "count-1", null, 2.5);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath item = stats("count-1");
            assertThat(item.getLong("stats.viewCount")).isEqualTo(3);
            assertThat(item.getLong("stats.ratingCount")).isEqualTo(2);
            assertThat(item.getDouble("stats.ratingAverage")).isEqualTo(4.5);
        });
    }

    @Test
    void theSameRecordsDeliveredAgainChangeNothing() throws Exception {
        putOk("redeliver-1", item("Delivered Twice", 1951, "Drama"));
        for (int i = 0; i < 5; i++) {
            Events.interaction("r" + i, "redeliver-1", InteractionEvent.VIEW, Instant.now());
            Events.rating("r" + i, "redeliver-1", 4.0, null);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(stats("redeliver-1").getLong("stats.viewCount")).isEqualTo(5);
            assertThat(stats("redeliver-1").getLong("stats.ratingCount")).isEqualTo(5);
        });

        // Everything ever published, delivered once more, as after a rebalance or a restart.
        Events.redeliver(Topics.INTERACTIONS, new InteractionEventDeserializer(), consumers::interactions);
        Events.redeliver(Topics.RATINGS, new RatingEventDeserializer(), consumers::ratings);

        // Read what is stored, not the item page: its 1 s stats cache could still show the old figures.
        assertThat(statsService.statsOf("redeliver-1")).isEqualTo(new ItemStats(5, 4.0, 5));
    }

    @Test
    void fiftyConcurrentRatingsEndWithTheExactCountAndAverage() throws Exception {
        putOk("crowd-1", item("Crowd Pleaser", 1952, "Comedy"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        double sum = 0;
        for (int u = 0; u < 50; u++) {
            double rating = 0.5 + (u % 10) * 0.5; // 0.5 .. 5.0
            sum += rating;
            String user = "crowd-u" + u;
            sent.add(pool.submit(() -> {
                start.await();
                Events.rating(user, "crowd-1", rating, null);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : sent) {
            f.get();
        }
        // Ten of them change their mind (the previous value travels with the change).
        for (int u = 0; u < 10; u++) {
            double before = 0.5 + (u % 10) * 0.5;
            Events.rating("crowd-u" + u, "crowd-1", 3.0, before);
            sum += 3.0 - before;
        }
        pool.shutdownNow();
        double expected = sum / 50;
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath item = stats("crowd-1");
            assertThat(item.getLong("stats.ratingCount")).isEqualTo(50);
            assertThat(item.getDouble("stats.ratingAverage")).isEqualTo(expected);
        });
    }

    @Test
    void oneFiveStarRatingRanksBelowManyFourAndAHalfRatings() {
        putOk("damped-one", item("Single Five", 1953, "Film-Noir"));
        putOk("damped-many", item("Many Four Halves", 1953, "Film-Noir"));
        Events.rating("d-solo", "damped-one", 5.0, null);
        for (int u = 0; u < 20; u++) {
            Events.rating("d-u" + u, "damped-many", 4.5, null);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> top = chart("top-rated", "Film-Noir");
            assertThat(top).contains("damped-one", "damped-many");
            assertThat(top.indexOf("damped-many")).isLessThan(top.indexOf("damped-one"));
        });
        given().queryParam("genre", "film-noir").get("/charts/top-rated").then().statusCode(200)
                .body("chart", is("top-rated")).body("genre", is("Film-Noir"));
    }

    @Test
    void mostViewedOrdersByViewsWithinAGenre() {
        putOk("viewed-many", item("Seen Often", 1954, "Musical", "Crime"));
        putOk("viewed-few", item("Seen Rarely", 1954, "Musical"));
        Instant now = Instant.now();
        for (int i = 0; i < 6; i++) {
            Events.interaction("v" + i, "viewed-many", InteractionEvent.VIEW, now);
        }
        Events.interaction("v0", "viewed-few", InteractionEvent.VIEW, now);
        Events.interaction("v1", "viewed-few", InteractionEvent.VIEW, now);
        Events.interaction("v2", "viewed-few", InteractionEvent.WATCH, now);
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> musical = chart("most-viewed", "Musical");
            assertThat(musical).contains("viewed-many", "viewed-few");
            assertThat(musical.indexOf("viewed-many")).isLessThan(musical.indexOf("viewed-few"));
            assertThat(chart("most-viewed", "Crime")).contains("viewed-many").doesNotContain("viewed-few");
        });
        JsonPath top = given().queryParam("genre", "Musical").get("/charts/most-viewed").then().statusCode(200)
                .extract().jsonPath();
        int at = top.getList("items.id").indexOf("viewed-many");
        assertThat(top.getDouble("items[" + at + "].score")).isEqualTo(6.0);
        assertThat(top.getString("items[" + at + "].title")).isEqualTo("Seen Often");
        assertThat(top.getLong("items[" + at + "].stats.viewCount")).isEqualTo(6);
    }

    @Test
    void aGenreChangeMovesTheItemBetweenGenreCharts() {
        putOk("mover-chart", item("Genre Hopper", 1955, "Horror"));
        Events.interaction("m1", "mover-chart", InteractionEvent.VIEW, Instant.now());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(chart("most-viewed", "Horror")).contains("mover-chart"));
        putOk("mover-chart", item("Genre Hopper", 1955, "Mystery"));
        assertThat(chart("most-viewed", "Horror")).doesNotContain("mover-chart");
        assertThat(chart("most-viewed", "Mystery")).contains("mover-chart");
    }

    @Test
    void trendingPicksTheItemWhoseInteractionsRise() {
        putOk("trend-rising", item("On The Rise", 1956, "Western"));
        putOk("trend-steady", item("Always There", 1956, "Western"));
        long window = Duration.ofHours(24).toMillis();
        Instant currentStart = Instant.ofEpochMilli(Math.floorDiv(Instant.now().toEpochMilli(), window) * window);
        Instant previous = currentStart.minusMillis(window / 2);
        // Each window's audience is its own visitors: one visitor's interactions with an item reaching
        // Kafka the same day count once towards trending, whatever event times they claim (ADR 39).
        Events.interaction("t-before", "trend-rising", InteractionEvent.CLICK, previous);
        for (int i = 0; i < 12; i++) {
            Events.interaction("t" + i, "trend-rising", InteractionEvent.VIEW, currentStart);
            Events.interaction("t" + i, "trend-steady", InteractionEvent.VIEW, currentStart);
            Events.interaction("t-before" + i, "trend-steady", InteractionEvent.VIEW, previous);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> trending = chart("trending", "Western");
            assertThat(trending).contains("trend-rising");
            if (trending.contains("trend-steady")) {
                assertThat(trending.indexOf("trend-rising")).isLessThan(trending.indexOf("trend-steady"));
            }
        });
    }

    @Test
    void unreadableAndInvalidRecordsAreSkippedAndCounted() {
        putOk("poison-1", item("After The Poison", 1957, "Drama"));
        Events.raw(Topics.INTERACTIONS, "p", "not json at all");
        Events.raw(Topics.INTERACTIONS, "p", "{\"eventId\":\"x\",\"itemId\":null,\"eventType\":\"view\"}");
        Events.raw(Topics.RATINGS, "p", "{\"eventId\":\"y\",\"itemId\":\"poison-1\",\"rating\":7.0}");
        Events.raw(Topics.RATINGS, "p", "[1,2,3]");
        Events.interaction("p", "poison-1", InteractionEvent.VIEW, Instant.now());
        Events.rating("p", "poison-1", 2.0, null);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath item = stats("poison-1");
            assertThat(item.getLong("stats.viewCount")).isEqualTo(1);
            assertThat(item.getLong("stats.ratingCount")).isEqualTo(1);
        });
        given().get(management("/q/metrics")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("catalog_events_skipped_total"));
    }

    @ParameterizedTest
    @CsvSource({"genre,Cartoons", "genre,' '", "limit,0", "limit,101", "limit,x", "limit,99999999999999"})
    void badChartParameterIs400NamingIt(String name, String value) {
        given().queryParam(name, value).get("/charts/most-viewed").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem(name));
    }

    @Test
    void unknownChartIs404Problem() {
        given().get("/charts/worst-rated").then().statusCode(404).contentType(startsWith(PROBLEM));
        given().get("/charts/%27%3B%20DROP").then().statusCode(404).contentType(startsWith(PROBLEM));
    }
}
