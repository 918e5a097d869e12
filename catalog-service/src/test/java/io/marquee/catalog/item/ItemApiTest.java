package io.marquee.catalog.item;

import static io.marquee.catalog.item.Api.item;
import static io.marquee.catalog.item.Api.listAll;
import static io.marquee.catalog.item.Api.put;
import static io.marquee.catalog.item.Api.putOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.marquee.catalog.item.service.IndexKeys;
import io.marquee.catalog.storage.CatalogTables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading, replacing and listing items against a real DynamoDB Local. Years 1871..1889 are reserved here. */
@QuarkusTest
class ItemApiTest {

    @Inject
    DynamoDbClient dynamo;
    @Inject
    CatalogTables tables;

    @Test
    void putThenGetReturnsTheStoredItem() {
        String body = """
                {"title":"Amélie","year":2001,"genres":["comedy","Romance","COMEDY"],"runtimeMinutes":122,
                 "overview":"A shy waitress decides to change lives.","metadata":{"imdb":"tt0211915","lang":"fr"}}""";
        put("roundtrip-1", body).statusCode(201)
                .header("Location", endsWith("/items/roundtrip-1"))
                .body("id", equalTo("roundtrip-1"))
                .body("genres", contains("Comedy", "Romance"))
                .body("version", is(1));

        JsonPath stored = given().get("/items/roundtrip-1").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(stored.getString("title")).isEqualTo("Amélie");
        assertThat(stored.getInt("year")).isEqualTo(2001);
        assertThat(stored.getList("genres")).containsExactly("Comedy", "Romance");
        assertThat(stored.getInt("runtimeMinutes")).isEqualTo(122);
        assertThat(stored.getString("overview")).isEqualTo("A shy waitress decides to change lives.");
        assertThat(stored.getMap("metadata")).containsExactlyInAnyOrderEntriesOf(Map.of("imdb", "tt0211915", "lang", "fr"));
        assertThat(stored.getString("createdAt")).isNotBlank().isEqualTo(stored.getString("updatedAt"));
        assertThat(stored.getLong("version")).isEqualTo(1);
    }

    @Test
    void replaceAnswers200BumpsTheVersionAndKeepsCreatedAt() {
        String created = putOk("replace-1", item("First", 1871, "Drama")).statusCode(201)
                .extract().path("createdAt");
        put("replace-1", item("Second", 1871, "Drama")).statusCode(200)
                .body("title", equalTo("Second")).body("version", is(2)).body("createdAt", equalTo(created));
    }

    @Test
    void replaceMovesTheItemBetweenGenreAndYearListings() {
        putOk("mover-1", item("The Mover", 1872, "Horror", "War"));
        assertThat(listAll(Map.of("genre", "horror", "year", "1872"), 10)).containsExactly("mover-1");
        assertThat(listAll(Map.of("genre", "Horror"), 100)).contains("mover-1");
        assertThat(listAll(Map.of("year", "1872"), 10)).containsExactly("mover-1");

        putOk("mover-1", item("Moved", 1873, "Western"));

        assertThat(listAll(Map.of("genre", "Horror"), 100)).doesNotContain("mover-1");
        assertThat(listAll(Map.of("genre", "war"), 100)).doesNotContain("mover-1");
        assertThat(listAll(Map.of("genre", "horror", "year", "1872"), 10)).isEmpty();
        assertThat(listAll(Map.of("year", "1872"), 10)).isEmpty();
        assertThat(listAll(Map.of("genre", "Western", "year", "1873"), 10)).containsExactly("mover-1");
        assertThat(listAll(Map.of("year", "1873"), 10)).containsExactly("mover-1");
        assertThat(listAll(Map.of("genre", "WESTERN"), 100)).contains("mover-1");
        given().queryParam("year", 1873).get("/items").then().statusCode(200)
                .body("items[0].title", equalTo("Moved"))
                .body("items[0].genres", contains("Western"))
                .body("items[0].year", is(1873))
                .body("nextCursor", nullValue());
        assertIndexMatches("mover-1");
    }

    @Test
    void listingsAreAlphabeticalIgnoringCaseAccentsAndLeadingArticles() {
        putOk("alpha-3", item("The Zebra", 1874, "Musical"));
        putOk("alpha-1", item("an Apple", 1874, "Musical"));
        putOk("alpha-2", item("Émile", 1874, "Musical"));
        putOk("alpha-4", item("banana", 1874));
        assertThat(listAll(Map.of("year", "1874"), 2)).containsExactly("alpha-1", "alpha-4", "alpha-2", "alpha-3");
        assertThat(listAll(Map.of("year", "1874", "genre", "musical"), 2))
                .containsExactly("alpha-1", "alpha-2", "alpha-3");
    }

    @Test
    void aGenreWithinAYearIsFoundAmongManyOtherTitlesOfThatYearPageByPage() {
        // The year's bucket is read and filtered: the matches sit far apart, beyond one read's worth of rows.
        List<String> expected = List.of("sparse-a", "sparse-m", "sparse-z");
        putOk("sparse-a", item("Aardvark Noir", 1876, "Film-Noir"));
        for (int i = 0; i < 130; i++) {
            putOk(String.format("filler-%03d", i), item(String.format("B Filler %03d", i), 1876, "Comedy"));
        }
        putOk("sparse-m", item("Midnight Noir", 1876, "Film-Noir", "Comedy"));
        for (int i = 0; i < 130; i++) {
            putOk(String.format("filler-late-%03d", i), item(String.format("N Filler %03d", i), 1876, "Comedy"));
        }
        putOk("sparse-z", item("Zero Noir", 1876, "Film-Noir"));

        assertThat(listAll(Map.of("genre", "film-noir", "year", "1876"), 1)).containsExactlyElementsOf(expected);
        assertThat(listAll(Map.of("genre", "Film-Noir", "year", "1876"), 2)).containsExactlyElementsOf(expected);
        assertThat(listAll(Map.of("genre", "Film-Noir", "year", "1876"), 20)).containsExactlyElementsOf(expected);
        assertThat(listAll(Map.of("genre", "Comedy", "year", "1876"), 50)).hasSize(261).contains("sparse-m")
                .doesNotContain("sparse-a", "sparse-z");
        assertThat(listAll(Map.of("genre", "Western", "year", "1876"), 20)).isEmpty();
    }

    @Test
    void pagingWithTheCursorReturnsEveryItemOfTheBucketExactlyOnceInOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String id = String.format("page-%02d", i);
            putOk(id, item(String.format("Paged Title %02d", i), 1875, "Documentary"));
            expected.add(id);
        }
        JsonPath first = given().queryParam("year", 1875).queryParam("limit", 20).get("/items")
                .then().statusCode(200).body("nextCursor", notNullValue()).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(20);

        assertThat(listAll(Map.of("year", "1875"), 20)).containsExactlyElementsOf(expected);
        assertThat(listAll(Map.of("year", "1875", "genre", "Documentary"), 20)).containsExactlyElementsOf(expected);
        assertThat(listAll(Map.of("year", "1875"), 45)).containsExactlyElementsOf(expected);
        assertThat(listAll(Map.of("year", "1875"), 1)).containsExactlyElementsOf(expected);
        // Without a limit, the default page size (20) applies.
        given().queryParam("year", 1875).get("/items").then().statusCode(200).body("items.size()", is(20));
    }

    @Test
    void replacingAnItemWithTenGenresAndANewTitleMovesAllItsRowsInOneTransaction() {
        String[] ten = {"Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary",
                "Drama", "Fantasy", "Film-Noir"};
        String[] otherTen = {"Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War",
                "Western", "Drama"};
        putOk("wide-1", item("Wide One", 1885, ten));
        putOk("wide-1", item("Completely Different", 1886, otherTen)).statusCode(200);
        assertIndexMatches("wide-1");
        assertThat(listAll(Map.of("year", "1885"), 10)).isEmpty();
        assertThat(listAll(Map.of("year", "1886", "genre", "western"), 10)).containsExactly("wide-1");
    }

    @Test
    void listingWithoutFiltersReadsTheAllBucket() {
        putOk("everything-1", item("Everything Bucket", 1876));
        assertThat(listAll(Map.of(), 100)).contains("everything-1").doesNotHaveDuplicates();
    }

    @Test
    void concurrentReplacesOfOneItemLeaveAConsistentIndex() throws Exception {
        String[][] variants = {
                {"Crime", "Film-Noir"}, {"Drama"}, {"Sci-Fi", "IMAX", "Action"}, {}, {"Fantasy"},
                {"Children", "Animation"}, {"Mystery", "Thriller"}, {"Romance"}};
        ExecutorService pool = Executors.newFixedThreadPool(variants.length);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < variants.length; i++) {
                    String body = item("Race " + round + "-" + i, 1877 + (i % 3), variants[i]);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return put("race-1", body).extract().statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isIn(200, 201);
                }
                assertIndexMatches("race-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(given().get("/items/race-1").then().extract().jsonPath().getLong("version"))
                .isEqualTo(3L * variants.length);
    }

    @Test
    void concurrentCreatesOfOneNewItemCreateItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> {
                start.await();
                return put("born-once", item("Born " + i, 1880, "Drama")).extract().statusCode();
            })).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(200, 201);
        } finally {
            pool.shutdownNow();
        }
        assertIndexMatches("born-once");
    }

    /** The index holds exactly the rows the stored item calls for (scanning is fine in a test). */
    private void assertIndexMatches(String id) {
        JsonPath stored = given().get("/items/{id}", id).then().statusCode(200).extract().jsonPath();
        Integer year = stored.get("year");
        List<String> genres = stored.getList("genres", String.class);
        String sortKey = IndexKeys.sortKey(stored.getString("title"), id);
        Set<String> expected = IndexKeys.buckets(genres, year).stream().map(b -> b + "|" + sortKey)
                .collect(Collectors.toSet());
        Set<String> actual = new HashSet<>();
        dynamo.scanPaginator(b -> b.tableName(tables.index()).filterExpression("itemId = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id))).consistentRead(true))
                .items().forEach(row -> {
                    actual.add(row.get("bucket").s() + "|" + row.get("sortKey").s());
                    assertThat(row.get("title").s()).isEqualTo(stored.getString("title"));
                    assertThat(row.get("genres").l().stream().map(AttributeValue::s).toList()).isEqualTo(genres);
                });
        assertThat(actual).isEqualTo(expected);
    }
}
