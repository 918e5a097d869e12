package io.marquee.catalog.charts;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.marquee.catalog.item.Api.item;
import static io.marquee.catalog.item.Api.putOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.catalog.DynamoDbCalls;
import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.stats.Events;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.catalog.web.ManualCacheClock;
import io.marquee.catalog.web.ReadCaches;
import io.marquee.common.events.InteractionEvent;
import io.marquee.testsupport.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Charts are computed once per chart, genre and limit and served from memory (ADR 10): readers
 * share one DynamoDB query, a warm chart is served while DynamoDB cannot be reached, for at most
 * {@code catalog.cache.chart-ttl}, and an item written here shows in charts at once. Each test
 * asks for its own limit, so that no other test's reads share its entries.
 */
@QuarkusTest
class ChartCacheTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }


    @Inject
    ReadCaches caches;
    @Inject
    CatalogConfig config;
    @Inject
    CatalogTables tables;

    @AfterEach
    void reachableAndEmpty() {
        DynamoDbCalls.reset();
        caches.invalidateAll();
    }

    /** Queries for the most-viewed chart of {@code limit} (without a genre: one page of that size). */
    private AtomicInteger mostViewedQueries(int limit) {
        return DynamoDbCalls.count(r -> DynamoDbCalls.isQuery(r, tables.stats(), StatsRepository.BY_VIEWS, limit));
    }

    private static String mostViewed(int limit) {
        return given().queryParam("limit", limit).get("/charts/most-viewed").then().statusCode(200).extract().asString();
    }

    @Test
    void concurrentReadersShareOneQuery() throws Exception {
        ManualCacheClock.install(caches);
        AtomicInteger queries = mostViewedQueries(13);
        ExecutorService readers = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> charts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                charts.add(readers.submit(() -> {
                    start.await();
                    return mostViewed(13);
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<String> chart : charts) {
                bodies.add(chart.get(60, TimeUnit.SECONDS));
            }
            assertThat(new HashSet<>(bodies)).hasSize(1);
        } finally {
            readers.shutdownNow();
        }
        assertThat(queries).hasValue(1);
    }

    @Test
    void aWarmChartIsServedWhileDynamoDbCannotBeReachedUntilItExpires() {
        ManualCacheClock clock = ManualCacheClock.install(caches);
        String warm = mostViewed(14);
        Duration ttl = config.cache().chartTtl();

        DynamoDbCalls.unreachable(request -> DynamoDbCalls.isQuery(request, tables.stats(), StatsRepository.BY_VIEWS));
        assertThat(mostViewed(14)).isEqualTo(warm);
        // The outage is real: a chart not in memory cannot be read.
        given().queryParam("limit", 15).get("/charts/most-viewed").then().statusCode(500)
                .contentType(startsWith(PROBLEM));

        // Half its life gone: the reader still gets it at once, and a reload is tried behind it.
        AtomicInteger reloads = mostViewedQueries(14);
        clock.advance(ttl.dividedBy(2).plusMillis(1));
        assertThat(mostViewed(14)).isEqualTo(warm);
        await().atMost(Duration.ofSeconds(30)).until(() -> reloads.get() > 0);
        assertThat(mostViewed(14)).isEqualTo(warm); // the failed reload kept it

        // Past its time to live, a chart is no longer served: staleness stays bounded.
        clock.advance(ttl);
        given().queryParam("limit", 14).get("/charts/most-viewed").then().statusCode(500)
                .contentType(startsWith(PROBLEM));

        DynamoDbCalls.reset();
        assertThat(mostViewed(14)).isNotEmpty();
    }

    @Test
    void anItemRenamedHereShowsInItsChartsAtOnce() {
        putOk("chart-renamed", item("Chart Name Before", 1906, "Documentary"));
        Events.interaction("chart-viewer", "chart-renamed", InteractionEvent.VIEW, Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> titleIn("Documentary", "chart-renamed") != null);
        assertThat(titleIn("Documentary", "chart-renamed")).isEqualTo("Chart Name Before");

        putOk("chart-renamed", item("Chart Name After", 1906, "Documentary"));
        assertThat(titleIn("Documentary", "chart-renamed")).isEqualTo("Chart Name After");
    }

    private static String titleIn(String genre, String id) {
        JsonPath chart = given().queryParam("genre", genre).queryParam("limit", 99).get("/charts/most-viewed")
                .then().statusCode(200).extract().jsonPath();
        int at = chart.getList("items.id", String.class).indexOf(id);
        return at < 0 ? null : chart.getString("items[" + at + "].title");
    }

    @Test
    void hitsAndMissesArePublished() {
        for (int i = 0; i < 2; i++) {
            mostViewed(16);
            given().queryParam("q", "metrics").get("/items/search").then().statusCode(200);
            given().get("/items/no-such-item-for-metrics").then().statusCode(404);
        }
        String metrics = given().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        for (String cache : List.of("catalog-charts", "catalog-searches", "catalog-items")) {
            assertThat(metrics).contains("cache_gets_total{cache=\"" + cache + "\",result=\"hit\"}",
                    "cache_gets_total{cache=\"" + cache + "\",result=\"miss\"}");
        }
    }
}
