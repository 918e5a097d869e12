package io.marquee.catalog.item;

import static io.marquee.catalog.item.Api.movie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.marquee.catalog.DynamoDbCalls;
import io.marquee.catalog.stats.Events;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.marquee.catalog.stats.service.Entry;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.common.events.InteractionEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * {@code POST /items/batch} packs the items it creates into shared transactions: they must arrive
 * whole (item, listing and search rows, stats row), and a create of the same id by someone else in
 * between must not be overwritten. Years 1911..1913 are reserved here.
 */
@QuarkusTest
class BatchCreationTest {

    @Inject
    CatalogTables tables;

    @Inject
    StatsRepository stats;

    @AfterEach
    void stopWatching() {
        DynamoDbCalls.reset();
    }

    @Test
    void newItemsArePackedIntoFewTransactionsAndArriveWhole() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(movie("packed-" + i, "Quorvane Item" + i + " Tale", 1911, "Documentary", "Film-Noir"));
        }
        List<Integer> itemTransactions = new CopyOnWriteArrayList<>();
        DynamoDbCalls.count(request -> {
            int puts = itemPuts(request, "packed-");
            if (puts > 0) {
                itemTransactions.add(((TransactWriteItemsRequest) request).transactItems().size());
            }
            return false;
        });

        batch(items).statusCode(200).body("created", is(60)).body("updated", is(0));

        // Each item is ten rows (its own, six listing rows, three words): ten to a transaction.
        assertThat(itemTransactions).hasSizeLessThanOrEqualTo(7).allMatch(actions -> actions <= 100);
        assertThat(itemTransactions.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(50);
        List<String> ids = items.stream().map(item -> (String) item.get("id")).toList();
        assertThat(Api.listAll(Map.of("year", "1911"), 100)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(Api.listAll(Map.of("year", "1911", "genre", "Film-Noir"), 100)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(Api.listAll(Map.of("genre", "Documentary"), 100)).containsAll(ids);
        for (int i = 0; i < 60; i += 7) {
            given().get("/items/packed-" + i).then().statusCode(200).body("version", is(1))
                    .body("title", is("Quorvane Item" + i + " Tale"));
            assertThat(search("item" + i)).containsExactly("packed-" + i);
            Entry entry = stats.find("packed-" + i).orElseThrow();
            assertThat(entry.title()).isEqualTo("Quorvane Item" + i + " Tale");
            assertThat(entry.genres()).containsExactly("Documentary", "Film-Noir");
            assertThat(entry.itemVersion()).isEqualTo(1);
        }
        // The stats row is what charts show: a view puts the item there under its title and genres.
        Events.interaction("packed-viewer", "packed-3", InteractionEvent.VIEW, Instant.now());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath chart = given().queryParam("genre", "Film-Noir").queryParam("limit", 100)
                    .get("/charts/most-viewed").then().statusCode(200).extract().jsonPath();
            int at = chart.getList("items.id").indexOf("packed-3");
            assertThat(at).isNotNegative();
            assertThat(chart.getString("items[" + at + "].title")).isEqualTo("Quorvane Item3 Tale");
        });
    }

    @Test
    void aCreateOfTheSameIdJustBeforeThePackedTransactionIsUpdatedNotOverwritten() {
        // Right before the batch's shared transaction leaves, someone else creates race-x alone.
        DynamoDbCalls.before(request -> itemPuts(request, "race-") > 1 && hasItemPut(request, "race-x"),
                () -> Api.put("race-x", Api.item("Zelmorath Single", 1912, "Horror")).statusCode(201));

        batch(List.of(movie("race-a", "Race First", 1912, "Comedy"),
                movie("race-x", "Vantrelline Batch", 1912, "Comedy"),
                movie("race-b", "Race Last", 1912, "Comedy")))
                .statusCode(200).body("created", is(2)).body("updated", is(1));

        // Both writes stand, in order: the batch's is version 2, and nothing of version 1 lingers.
        given().get("/items/race-x").then().statusCode(200).body("version", is(2))
                .body("title", is("Vantrelline Batch")).body("genres", is(List.of("Comedy")));
        given().get("/items/race-a").then().statusCode(200).body("version", is(1));
        given().get("/items/race-b").then().statusCode(200).body("version", is(1));
        assertThat(Api.listAll(Map.of("year", "1912", "genre", "Horror"), 10)).isEmpty();
        assertThat(Api.listAll(Map.of("year", "1912", "genre", "Comedy"), 10))
                .containsExactlyInAnyOrder("race-a", "race-x", "race-b");
        assertThat(search("zelmorath")).isEmpty();
        assertThat(search("vantrelline")).containsExactly("race-x");
        Entry entry = stats.find("race-x").orElseThrow();
        assertThat(entry.itemVersion()).isEqualTo(2);
        assertThat(entry.title()).isEqualTo("Vantrelline Batch");
        assertThat(entry.genres()).containsExactly("Comedy");
        assertThat(stats.find("race-a").orElseThrow().itemVersion()).isEqualTo(1);
    }

    @Test
    void aSingleCreateThatLosesToAPackedTransactionBecomesAnUpdate() {
        // Right before a lone create of race-y leaves, a batch creates race-y with two others.
        DynamoDbCalls.before(request -> itemPuts(request, "race-y") == 1 && itemPuts(request, "race-") == 1,
                () -> batch(List.of(movie("race-y0", "Race Before", 1913, "War"),
                        movie("race-y", "Krestomill Batch", 1913, "War"),
                        movie("race-y1", "Race After", 1913, "War"))).statusCode(200).body("created", is(3)));

        Api.put("race-y", Api.item("Oppenquill Single", 1913, "Western")).statusCode(200).body("version", is(2));

        given().get("/items/race-y").then().statusCode(200).body("title", is("Oppenquill Single"));
        assertThat(Api.listAll(Map.of("year", "1913", "genre", "War"), 10)).containsExactlyInAnyOrder("race-y0", "race-y1");
        assertThat(Api.listAll(Map.of("year", "1913", "genre", "Western"), 10)).containsExactly("race-y");
        assertThat(search("krestomill")).isEmpty();
        assertThat(search("oppenquill")).containsExactly("race-y");
        assertThat(stats.find("race-y").orElseThrow().itemVersion()).isEqualTo(2);
    }

    private static io.restassured.response.ValidatableResponse batch(List<Map<String, Object>> items) {
        return given().header(Api.admin()).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/items/batch").then();
    }

    private static List<String> search(String q) {
        return given().queryParam("q", q).queryParam("limit", 50).get("/items/search").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    /** How many rows of the items table, with ids starting {@code prefix}, a transaction puts. */
    private int itemPuts(SdkRequest request, String prefix) {
        if (!(request instanceof TransactWriteItemsRequest transaction)) {
            return 0;
        }
        return (int) transaction.transactItems().stream().map(TransactWriteItem::put)
                .filter(put -> put != null && tables.items().equals(put.tableName()))
                .filter(put -> put.item().get("itemId").s().startsWith(prefix)).count();
    }

    private boolean hasItemPut(SdkRequest request, String id) {
        return ((TransactWriteItemsRequest) request).transactItems().stream().map(TransactWriteItem::put)
                .anyMatch(put -> put != null && tables.items().equals(put.tableName())
                        && id.equals(put.item().get("itemId").s()));
    }
}
