package io.marquee.catalog.item;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.marquee.catalog.item.Api.item;
import static io.marquee.catalog.item.Api.put;
import static io.marquee.catalog.item.Api.putOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad and hostile input: always a 4xx problem naming the field, never a 500, never corrupt data. */
@QuarkusTest
class HostileInputTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith(PROBLEM)).body("status", is(status));
    }

    private static void badField(ValidatableResponse response, String field) {
        problem(response, 400).body("errors.field", hasItem(field));
    }

    @Test
    void unknownItemIs404Problem() {
        problem(given().get("/items/no-such-item").then(), 404).body("detail", containsString("no-such-item"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-starts-with-dash", "has space", "semi;colon", "x%00y",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void invalidIdIs400NamingId(String id) {
        badField(given().urlEncodingEnabled(!id.contains("%")).get("/items/" + id.replace(" ", "%20")).then(), "id");
        badField(given().header(Api.admin()).urlEncodingEnabled(!id.contains("%")).contentType(ContentType.JSON)
                .body(item("X", null)).put("/items/" + id.replace(" ", "%20")).then(), "id");
    }

    @ParameterizedTest
    @CsvSource({"genre,Cartoons", "genre,' '", "year,abc", "year,1869", "year,2101", "year,1999.5",
            "year,99999999999999999999", "limit,0", "limit,-1", "limit,101", "limit,100000", "limit,x",
            "cursor,not-base64!", "cursor,bm90IGpzb24"})
    void badListingParameterIs400NamingIt(String name, String value) {
        badField(given().queryParam(name, value).get("/items").then(), name);
    }

    @Test
    void unknownGenreListsTheAcceptedNames() {
        problem(given().queryParam("genre", "Cartoons").get("/items").then(), 400)
                .body("detail", containsString("Film-Noir")).body("detail", containsString("Sci-Fi"));
    }

    @Test
    void severalBadParametersAreReportedTogether() {
        problem(given().queryParam("genre", "nope").queryParam("year", "x").queryParam("limit", "0")
                .get("/items").then(), 400).body("errors.field", hasItems("genre", "year", "limit"));
    }

    @Test
    void cursorFromAnotherQueryOrTooLongIsRefused() {
        for (int i = 0; i < 3; i++) {
            putOk("cursor-" + i, item("Cursor " + i, 1881, "Drama"));
        }
        String cursor = given().queryParam("year", 1881).queryParam("limit", 1).get("/items")
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("year", 1881).queryParam("limit", 1).queryParam("cursor", cursor).get("/items")
                .then().statusCode(200).body("items[0].id", equalTo("cursor-1"));
        badField(given().queryParam("year", 1882).queryParam("cursor", cursor).get("/items").then(), "cursor");
        badField(given().queryParam("genre", "Drama").queryParam("cursor", cursor).get("/items").then(), "cursor");
        // Same bucket (the year's) read, another listing: its cursors are not this one's.
        badField(given().queryParam("year", 1881).queryParam("genre", "Drama").queryParam("cursor", cursor)
                .get("/items").then(), "cursor");
        badField(given().queryParam("year", 1881).queryParam("cursor", "A".repeat(600)).get("/items").then(), "cursor");
        String wrongShape = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8));
        badField(given().queryParam("year", 1881).queryParam("cursor", wrongShape).get("/items").then(), "cursor");
        problem(given().queryParam("year", 1881).queryParam("cursor", "!!").get("/items").then(), 400)
                .body("detail", containsString("is malformed or belongs to another query"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"title\":\"\"}|title",
            "{\"title\":\"   \"}|title",
            "{\"year\":2000}|title",
            "{\"title\":null}|title",
            "{\"title\":\"x\",\"year\":\"nineteen\"}|year",
            "{\"title\":\"x\",\"year\":\"1999\"}|year",
            "{\"title\":\"x\",\"year\":1999.5}|year",
            "{\"title\":\"x\",\"year\":1869}|year",
            "{\"title\":\"x\",\"year\":2101}|year",
            "{\"title\":42}|title",
            "{\"title\":[\"x\"]}|title",
            "{\"title\":\"x\",\"genres\":\"Drama\"}|genres",
            "{\"title\":\"x\",\"genres\":[\"Cartoons\"]}|genres[0]",
            "{\"title\":\"x\",\"genres\":[\"Drama\",null]}|genres[1]",
            "{\"title\":\"x\",\"genres\":[\"Action\",\"Adventure\",\"Animation\",\"Children\",\"Comedy\",\"Crime\",\"Documentary\",\"Drama\",\"Fantasy\",\"Film-Noir\",\"Horror\"]}|genres",
            "{\"title\":\"x\",\"runtimeMinutes\":0}|runtimeMinutes",
            "{\"title\":\"x\",\"runtimeMinutes\":1001}|runtimeMinutes",
            "{\"title\":\"x\",\"metadata\":{\"bad key\":\"v\"}}|metadata[bad key]",
            "{\"title\":\"x\",\"metadata\":{\"k\":null}}|metadata[k]",
            "{\"title\":\"x\",\"metadata\":[]}|metadata",
            "{\"title\":\"x\",\"rating\":5}|rating",
            "{\"title\":\"x\",\"nested\":{\"a\":1}}|nested",
            "{\"title\":\"nul\\u0000inside\"}|title",
            "{\"title\":\"x\",\"overview\":\"nul\\u0000\"}|overview",
            "{\"title\":\"x\",\"metadata\":{\"k\":\"\\u0000\"}}|metadata[k]",
            "{\"title\":\"lone \\ud800 surrogate\"}|title",
    })
    void badBodyIs400NamingTheField(String body, String field) {
        badField(put("hostile-body", body), field);
        problem(given().get("/items/hostile-body").then(), 404);
    }

    @Test
    void tooLongTextIsRefused() {
        badField(put("hostile-long", "{\"title\":\"" + "t".repeat(301) + "\"}"), "title");
        badField(put("hostile-long", "{\"title\":\"x\",\"overview\":\"" + "o".repeat(4001) + "\"}"), "overview");
        StringBuilder metadata = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        badField(put("hostile-long", "{\"title\":\"x\",\"metadata\":" + metadata + "}}"), "metadata");
        badField(put("hostile-long", "{\"title\":\"x\",\"metadata\":{\"k\":\"" + "v".repeat(1001) + "\"}}"),
                "metadata[k]");
        badField(put("hostile-long", "{\"title\":\"x\",\"metadata\":{\"" + "k".repeat(65) + "\":\"v\"}}"),
                "metadata[" + "k".repeat(65) + "]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":", "not json", "{\"title\":\"x\"} trailing", "{\"title\":\"a\",\"title\":\"b\"}",
            "[]", "\"just a string\"", "{\"title\":\"x\",\"year\":99999999999999999999}"})
    void malformedJsonIs400Problem(String body) {
        problem(put("hostile-malformed", body), 400);
        problem(given().get("/items/hostile-malformed").then(), 404);
    }

    @Test
    void missingBodyIs400() {
        problem(given().header(Api.admin()).contentType(ContentType.JSON).put("/items/hostile-empty").then(), 400);
        problem(given().header(Api.admin()).contentType(ContentType.JSON).post("/items/batch").then(), 400);
    }

    @Test
    void wrongContentTypeIs415Problem() {
        problem(given().header(Api.admin()).contentType(ContentType.TEXT).body("title=x").put("/items/hostile-ct").then(), 415);
    }

    @Test
    void bodyOverTheSizeLimitIs413Problem() {
        String huge = "{\"title\":\"x\",\"overview\":\"" + "o".repeat(1_100_000) + "\"}";
        problem(put("hostile-huge", huge), 413).body("detail", containsString("at most"));
    }

    @Test
    void rejectedWriteLeavesTheStoredItemUnchanged() {
        putOk("keep-1", item("Kept", 1883, "Drama"));
        badField(put("keep-1", "{\"title\":\"Changed\",\"genres\":[\"Drama\",\"Nope\"]}"), "genres[1]");
        badField(put("keep-1", "{\"title\":\"Changed\",\"unknown\":true}"), "unknown");
        problem(put("keep-1", "{\"title\":\"Changed\""), 400);
        given().get("/items/keep-1").then().statusCode(200)
                .body("title", equalTo("Kept")).body("version", is(1)).body("genres[0]", equalTo("Drama"));
        assertThat(Api.listAll(java.util.Map.of("year", "1883"), 10)).containsExactly("keep-1");
    }

    @Test
    void unicodeAndInjectionLookingTextIsStoredVerbatim() {
        String[] titles = {
                "Le Fabuleux Destin d’Ame\u0301lie Poulain 🎬🍿", // combining acute accent, emoji
                "מלחמת הכוכבים (1977) 👨\u200d👩\u200d👧", // right-to-left script, emoji joined by ZWJ
                "'; DROP TABLE items; --",
                "<script>alert('x')</script>",
                "Robert'); DELETE FROM \"catalog\" WHERE 1=1 --\\ {{7*7}} ${jndi:ldap://x}",
        };
        for (int i = 0; i < titles.length; i++) {
            String id = "verbatim-" + i;
            given().header(Api.admin()).contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                    .body(java.util.Map.of("title", titles[i], "year", 1884, "overview", titles[i],
                            "metadata", java.util.Map.of("note", titles[i])))
                    .put("/items/{id}", id).then().statusCode(201).body("title", equalTo(titles[i]));
            given().get("/items/{id}", id).then().statusCode(200)
                    .body("title", equalTo(titles[i])).body("overview", equalTo(titles[i]))
                    .body("metadata.note", equalTo(titles[i]));
        }
        assertThat(Api.listAll(java.util.Map.of("year", "1884"), 2)).hasSize(titles.length);
    }

    @Test
    void bidirectionalControlsAndInvisibleCharactersAreRefusedInTitlesAsInNamesAndReviews() {
        for (String title : new String[] {"\u202Eselif\u202C", "Star\u200BWars", "\u2066isolated\u2069",
                "soft\u00ADhyphen", "mark\u200F", "two\nlines"}) {
            badField(given().header(Api.admin()).contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                    .body(java.util.Map.of("title", title, "year", 1894)).put("/items/{id}", "bidi-title").then(), "title");
        }
        // An overview may have several lines, but no hidden characters either.
        putOk("bidi-overview", item("Overview", 1894, "Drama"));
        badField(given().header(Api.admin()).contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .body(java.util.Map.of("title", "Overview", "year", 1894, "overview", "a \u202Eb"))
                .put("/items/{id}", "bidi-overview").then(), "overview");
        given().header(Api.admin()).contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .body(java.util.Map.of("title", "Overview", "year", 1894, "overview", "line one\nline two"))
                .put("/items/{id}", "bidi-overview").then().statusCode(200);
    }

    @Test
    void unknownRouteAndMethodAreProblems() {
        problem(given().get("/nothing-here").then(), 404);
        problem(given().delete("/items/x").then(), 405);
    }
}
