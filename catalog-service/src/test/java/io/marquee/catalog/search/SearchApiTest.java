package io.marquee.catalog.search;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.marquee.catalog.item.Api.item;
import static io.marquee.catalog.item.Api.putOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.catalog.stats.Events;
import io.marquee.common.events.InteractionEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Title search: words, accents, type-ahead, ranking, and every bad query. Words here are made up so no other test's titles match. */
@QuarkusTest
class SearchApiTest {

    private static JsonPath search(String q) {
        return given().queryParam("q", q).queryParam("limit", 50).get("/items/search")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String q) {
        return search(q).getList("items.id", String.class);
    }

    @Test
    void everyWordOfTheTitleFindsIt() {
        putOk("srch-words", item("The Quorble of Vexmoor: Part II", 1960, "Drama"));
        for (String q : List.of("quorble", "vexmoor", "part", "ii", "QUORBLE", "quorble vexmoor", "vexmoor quorble")) {
            assertThat(ids(q)).as(q).contains("srch-words");
        }
        assertThat(ids("quorble nothere")).isEmpty();
    }

    @Test
    void accentsAndCaseAreIgnoredBothWays() {
        putOk("srch-accent", item("Amélie Zoubrac", 1961));
        putOk("srch-plain", item("Crème Brulee Zoubrac", 1961));
        assertThat(ids("amelie zoubrac")).contains("srch-accent");
        assertThat(ids("AMÉLIE")).contains("srch-accent");
        assertThat(ids("Ame\u0301lie zoubrac")).contains("srch-accent");
        assertThat(ids("brûlée zoubrac")).contains("srch-plain");
        assertThat(ids("creme")).contains("srch-plain");
    }

    @Test
    void theLastWordAlsoMatchesAsAPrefix() {
        putOk("srch-sw", item("Star Wars", 1977, "Sci-Fi"));
        putOk("srch-swe", item("Star Wars: Episode Xyloq", 1980, "Sci-Fi"));
        putOk("srch-sta", item("Starlight Xyloq", 1980));
        assertThat(ids("star wa")).contains("srch-sw", "srch-swe");
        assertThat(ids("xyloq")).contains("srch-swe", "srch-sta");
        assertThat(ids("star wars episode xy")).containsExactly("srch-swe");
        assertThat(ids("starl")).contains("srch-sta").doesNotContain("srch-sw");
        // Only the last word completes: "sta" in the middle is not a word of these titles.
        assertThat(ids("sta wars")).doesNotContain("srch-sw");
        given().queryParam("q", "star wa").get("/items/search").then().statusCode(200)
                .body("items.find { it.id == 'srch-sw' }.match", is("prefix"))
                .body("items.find { it.id == 'srch-sw' }.title", is("Star Wars"));
    }

    @Test
    void exactTitleFirstThenWholeWordsThenPrefixes() {
        putOk("rank-prefix", item("Plonkish Moor", 1962));
        putOk("rank-words", item("Plonk Moor Returns", 1962));
        putOk("rank-exact", item("Plonk Moor", 1962));
        JsonPath result = search("plonk moor");
        assertThat(result.getList("items.id", String.class)).containsExactly("rank-exact", "rank-words");
        assertThat(result.getList("items.match", String.class)).containsExactly("exact", "words");
        assertThat(ids("moor plonk")).containsExactly("rank-exact", "rank-words", "rank-prefix");
        assertThat(search("moor plonk").getList("items.match", String.class))
                .containsExactly("words", "words", "prefix");
    }

    @Test
    void tiesAreBrokenByPopularity() {
        putOk("pop-quiet", item("Frindle Alpha", 1963));
        putOk("pop-loud", item("Frindle Beta", 1963));
        assertThat(ids("frindle")).containsExactly("pop-quiet", "pop-loud"); // by title while equal
        for (int i = 0; i < 3; i++) {
            Events.interaction("fan" + i, "pop-loud", InteractionEvent.VIEW, Instant.now());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath result = search("frindle");
            assertThat(result.getList("items.id", String.class)).containsExactly("pop-loud", "pop-quiet");
            assertThat(result.getLong("items[0].stats.viewCount")).isEqualTo(3);
        });
    }

    @Test
    void aNewTitleReplacesTheOldWordsInTheIndex() {
        putOk("srch-retitle", item("Gloomwort First", 1964));
        assertThat(ids("gloomwort first")).containsExactly("srch-retitle");
        putOk("srch-retitle", item("Gloomwort Second", 1964));
        assertThat(ids("first gloomwort")).isEmpty();
        assertThat(ids("gloomwort")).containsExactly("srch-retitle");
        assertThat(search("gloomwort").getString("items[0].title")).isEqualTo("Gloomwort Second");
    }

    @Test
    void nothingFoundIsAnEmptyList() {
        given().queryParam("q", "zzqxjv").get("/items/search").then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void limitCutsTheResults() {
        for (int i = 0; i < 4; i++) {
            putOk("srch-limit-" + i, item("Wumple " + i, 1965));
        }
        given().queryParam("q", "wumple").queryParam("limit", 2).get("/items/search").then().statusCode(200)
                .body("items.size()", is(2));
    }

    @Test
    void pagesFollowTheCursorThroughEveryMatchOnce() {
        for (int i = 0; i < 7; i++) {
            putOk("srch-page-" + i, item("Dribbleflax " + i, 1967));
        }
        List<String> all = ids("dribbleflax");
        assertThat(all).hasSize(7);
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", "DRIBBLEFLAX").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/items/search").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(all);
        // The last page has no cursor; a full page that ends exactly at the last match has none either.
        given().queryParam("q", "dribbleflax").queryParam("limit", 7).get("/items/search").then().statusCode(200)
                .body("items.size()", is(7)).body("nextCursor", is((Object) null));
    }

    @Test
    void aCursorOnlyContinuesItsOwnQuery() {
        for (int i = 0; i < 3; i++) {
            putOk("srch-own-" + i, item("Quillmarsh " + i, 1968));
        }
        String cursor = given().queryParam("q", "quillmarsh").queryParam("limit", 1).get("/items/search")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        assertThat(cursor).isNotBlank();
        given().queryParam("q", "star").queryParam("cursor", cursor).get("/items/search").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "!!!", "eyJxIjoicXVpbGxtYXJzaCIsImsiOiIwIn0", "eyJxIjoicXVpbGxtYXJzaCIsImsiOiItMyJ9",
            "eyJxIjoicXVpbGxtYXJzaCIsImsiOiJhYmMifQ", "eyJxIjoicXVpbGxtYXJzaCJ9",
            "eyJxIjoicXVpbGxtYXJzaCIsImsiOiI5OTk5OTk5OTk5OSJ9", "bnVsbA", "W10"})
    void aBrokenOrForgedCursorIs400NamingCursor(String cursor) {
        // The encoded ones are {"q":"quillmarsh","k":"0" | "-3" | "abc"}, {"q":"quillmarsh"},
        // {"q":"quillmarsh","k":"99999999999"}, null and [].
        given().queryParam("q", "quillmarsh").queryParam("cursor", cursor).get("/items/search").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("cursor"));
        given().queryParam("q", "quillmarsh").queryParam("cursor", "a".repeat(600)).get("/items/search").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void aCursorPastTheEndIsAnEmptyLastPage() {
        // {"q":"quillmarsh","k":"999"}: a well-formed cursor of a list that has since shrunk.
        given().queryParam("q", "quillmarsh").queryParam("cursor", "eyJxIjoicXVpbGxtYXJzaCIsImsiOiI5OTkifQ")
                .get("/items/search").then().statusCode(200)
                .body("items.size()", is(0)).body("nextCursor", is((Object) null));
    }

    @Test
    void injectionLookingAndUnicodeQueriesAreJustWords() {
        putOk("srch-inj", item("'; DROP TABLE items; -- Snorkelwick", 1966));
        assertThat(ids("'; DROP TABLE items; --")).contains("srch-inj");
        assertThat(ids("snorkelwick\u202E")).contains("srch-inj");
        given().queryParam("q", "${jndi:ldap://x} <script>").get("/items/search").then().statusCode(200);
        putOk("srch-cjk", item("千と千尋の神隠し", 2001));
        assertThat(ids("千と千尋の神隠し")).contains("srch-cjk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "!!!", "-- ;", "🎬🍿", "tab\there", "bell\u0007", "nul\u0000x",
            "one two three four five six seven eight nine"})
    void badQueryIs400NamingQ(String q) {
        given().queryParam("q", q).get("/items/search").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("q"));
    }

    @Test
    void missingOrOversizedQueryIs400NamingQ() {
        given().get("/items/search").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("q"));
        given().queryParam("q", "a".repeat(201)).get("/items/search").then().statusCode(400)
                .body("errors.field", hasItem("q"));
        given().queryParam("q", "\ud800").get("/items/search").then().statusCode(400)
                .body("errors.field", hasItem("q"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "51", "x", "1.5", "99999999999999999999"})
    void badLimitIs400NamingLimit(String limit) {
        given().queryParam("q", "star").queryParam("limit", limit).get("/items/search").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("limit"));
    }
}
