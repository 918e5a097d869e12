package io.marquee.catalog.search;

import static io.marquee.catalog.item.Api.item;
import static io.marquee.catalog.item.Api.putOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.DynamoDbCalls;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.catalog.web.ManualCacheClock;
import io.marquee.catalog.web.ReadCaches;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Search results are kept per normalized query and limit (ADR 10), and forgotten whenever an
 * item is written here. Made-up words, as in {@link SearchApiTest}.
 */
@QuarkusTest
class SearchCacheTest {

    @Inject
    ReadCaches caches;
    @Inject
    CatalogTables tables;

    @AfterEach
    void emptyCaches() {
        DynamoDbCalls.reset();
        caches.invalidateAll();
    }

    private static List<String> ids(String q) {
        return given().queryParam("q", q).queryParam("limit", 20).get("/items/search")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void aTitleWrittenHereIsFoundAtOnceAndItsOldWordsAreNot() {
        ManualCacheClock.install(caches); // nothing expires by itself here
        assertThat(ids("glimmerquoth")).isEmpty();
        putOk("srch-cache-1", item("Glimmerquoth Rising", 1907));
        assertThat(ids("glimmerquoth")).containsExactly("srch-cache-1");

        putOk("srch-cache-1", item("Dravelstone Rising", 1907));
        assertThat(ids("glimmerquoth")).isEmpty();
        assertThat(ids("dravelstone")).containsExactly("srch-cache-1");
    }

    @Test
    void spellingsOfOneQueryShareOneEntry() {
        putOk("srch-cache-2", item("Zentharion Völkgrad", 1908));
        ManualCacheClock.install(caches);
        AtomicInteger postings = DynamoDbCalls.count(r -> DynamoDbCalls.isQueryFor(r, tables.search(), "zentharion")
                || DynamoDbCalls.isQueryFor(r, tables.search(), "volkgrad"));
        for (String q : List.of("zentharion volkgrad", "ZENTHARION   Völkgrad", "Zenthárion volkgrad!")) {
            assertThat(ids(q)).as(q).containsExactly("srch-cache-2");
        }
        // Two words read two postings lists, once.
        assertThat(postings).hasValue(2);
    }
}
