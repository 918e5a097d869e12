package io.marquee.catalog.item;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.marquee.catalog.item.Api.item;
import static io.marquee.catalog.item.Api.putOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.catalog.DynamoDbCalls;
import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.stats.Events;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.catalog.web.ManualCacheClock;
import io.marquee.catalog.web.ReadCaches;
import io.marquee.common.events.InteractionEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Item details are read through this instance's caches (ADR 10): a write through it shows at
 * once, new figures within {@code catalog.cache.stats-ttl}, and a known item costs no read.
 * Years 1901..1905 are reserved here.
 */
@QuarkusTest
class ItemCacheTest {

    @Inject
    ReadCaches caches;
    @Inject
    CatalogConfig config;
    @Inject
    CatalogTables tables;
    @Inject
    StatsService stats;

    @AfterEach
    void emptyCaches() {
        DynamoDbCalls.reset();
        caches.invalidateAll(); // nothing read under a test's clock outlives it
    }

    private static long views(String id) {
        return given().get("/items/{id}", id).then().statusCode(200).extract().jsonPath().getLong("stats.viewCount");
    }

    @Test
    void aWriteThroughThisInstanceShowsAtOnce() {
        putOk("cached-write", item("Before The Change", 1901, "Drama"));
        given().get("/items/cached-write").then().statusCode(200).body("title", is("Before The Change"));
        given().get("/items/cached-write").then().statusCode(200).body("version", is(1));

        putOk("cached-write", item("After The Change", 1902, "Comedy"));
        given().get("/items/cached-write").then().statusCode(200)
                .body("title", is("After The Change")).body("year", is(1902)).body("version", is(2));
    }

    @Test
    void anIdAnsweredUnknownIsFoundAsSoonAsItIsCreated() {
        for (int i = 0; i < 2; i++) {
            given().get("/items/cached-late").then().statusCode(404).contentType(startsWith(PROBLEM));
        }
        putOk("cached-late", item("Late Arrival", 1903));
        given().get("/items/cached-late").then().statusCode(200).body("title", is("Late Arrival"));
    }

    @Test
    void readingAKnownItemAgainCostsNoRead() {
        ManualCacheClock.install(caches);
        putOk("cached-reads", item("Read Often", 1904, "Drama"));
        AtomicInteger reads = DynamoDbCalls.count(r -> DynamoDbCalls.isGetItem(r, tables.items(), "cached-reads"));
        for (int i = 0; i < 5; i++) {
            given().get("/items/cached-reads").then().statusCode(200).body("title", is("Read Often"));
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void newFiguresShowOnceTheStatsTimeToLiveHasPassed() {
        ManualCacheClock clock = ManualCacheClock.install(caches);
        putOk("cached-figures", item("Counted Later", 1905, "Drama"));
        assertThat(views("cached-figures")).isZero();

        Events.interaction("cache-viewer", "cached-figures", InteractionEvent.VIEW, Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> stats.statsOf("cached-figures").viewCount() == 1);
        // Stored, but this instance still shows what it read: the figures may be this stale.
        assertThat(views("cached-figures")).isZero();

        clock.advance(config.cache().statsTtl().plusMillis(1));
        assertThat(views("cached-figures")).isEqualTo(1);
    }
}
