package io.marquee.rating;

import static io.marquee.rating.Api.JSON_UTF8;
import static io.marquee.rating.Api.as;
import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.get;
import static io.marquee.rating.Api.problem;
import static io.marquee.rating.Api.put;
import static io.marquee.rating.Api.rate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.marquee.common.events.RatingEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad and hostile input on every endpoint: always a 4xx problem naming what was wrong, never a
 * 500, and nothing stored or published changes.
 */
@QuarkusTest
class HostileInputTest {

    private static void badField(ValidatableResponse response, String field) {
        problem(response, 400).body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"rating\":4", "rating=4", "{\"rating\":4}{}", "{\"rating\":4} x", "",
            "{\"rating\":NaN}", "{\"rating\":Infinity}", "{\"rating\":4,}", "{'rating':4}", "{\"rating\":04}",
            "{\"rating\":4,\"rating\":5}"})
    void malformedJsonIs400Problem(String body) {
        problem(put(fresh("u"), fresh("item"), body), 400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"rating\":\"4\"}|rating", "{\"rating\":true}|rating", "{\"rating\":[4]}|rating",
            "{\"rating\":{\"v\":4}}|rating", "{\"rating\":\"NaN\"}|rating",
            "{\"rating\":4,\"review\":5}|review", "{\"rating\":4,\"review\":[\"x\"]}|review",
            "{\"rating\":4,\"review\":false}|review", "{\"rating\":4,\"review\":{}}|review"})
    void wrongTypesAre400NamingTheField(String body, String field) {
        badField(put(fresh("u"), fresh("item"), body), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"review\":\"no rating\"}", "{\"rating\":null}", "null", "[]", "\"4\"", "4"})
    void aMissingRatingIs400(String body) {
        problem(put(fresh("u"), fresh("item"), body), 400);
    }

    @Test
    void missingFieldsAreNamed() {
        badField(put(fresh("u"), fresh("item"), "{}"), "rating");
        badField(put(fresh("u"), fresh("item"), "{\"rating\":null,\"review\":\"x\"}"), "rating");
    }

    @Test
    void anUnknownFieldIsNamed() {
        badField(put(fresh("u"), fresh("item"), "{\"rating\":4,\"stars\":5}"), "stars");
        badField(put(fresh("u"), fresh("item"), "{\"rating\":4,\"userId\":\"someone-else\"}"), "userId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-0.5", "5.5", "6", "10", "3.3", "0.25", "4.50000000001", "4.49999999999",
            "-1", "1e400", "1e-400", "99999999999999999999999999", "0.5e1000000"})
    void aRatingOutsideTheScaleIs400NamingRating(String value) {
        badField(put(fresh("u"), fresh("item"), "{\"rating\":" + value + "}"), "rating");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "5", "5.0", "2.50", "1e0", "0.05e1", "45e-1"})
    void everyWayOfWritingAHalfStepIsAccepted(String value) {
        rate(fresh("u"), fresh("item"), 1).statusCode(201); // warm: unrelated
        put(fresh("u"), fresh("item"), "{\"rating\":" + value + "}").statusCode(201);
    }

    @Test
    void aReviewOfExactly2000CodePointsIsKeptIntactAndOneMoreIsRefused() {
        String user = fresh("u");
        String item = fresh("item");
        String emoji = "😀".repeat(2000); // 4000 UTF-16 chars, 2000 code points
        put(user, item, "{\"rating\":4,\"review\":\"" + emoji + "\"}").statusCode(201).body("review", equalTo(emoji));
        badField(put(user, item, "{\"rating\":1,\"review\":\"" + emoji + "x\"}"), "review");
        badField(put(user, item, "{\"rating\":1,\"review\":\"" + "a".repeat(2001) + "\"}"), "review");
        get(user, item).statusCode(200).body("rating", equalTo(4.0f)).body("review", equalTo(emoji));
    }

    @Test
    void surroundingWhitespaceDoesNotCountAndBlankMeansNoReview() {
        String user = fresh("u");
        String item = fresh("item");
        put(user, item, "{\"rating\":4,\"review\":\"   " + "b".repeat(2000) + "  \\n \"}").statusCode(201);
        put(user, item, "{\"rating\":4,\"review\":\"  \\n \"}").statusCode(200).body("review", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul \\u0000 inside", "escape \\u001b[31m red", "bell \\u0007", "tab\\tinside",
            "lone high \\ud800 surrogate", "lone low \\udc00 surrogate", "del \\u007f", "c1 \\u0085 control"})
    void controlCharactersAndBrokenSurrogatesInAReviewAre400(String review) {
        badField(put(fresh("u"), fresh("item"), "{\"rating\":3,\"review\":\"" + review + "\"}"), "review");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reads \\u202ebackwards", "isolate \\u2066x\\u2069", "mark \\u200f", "zero\\u200bwidth",
            "bom \\ufeff", "soft\\u00adhyphen", "word\\u2060joiner", "filler \\u3164"})
    void bidirectionalControlsAndInvisibleCharactersInAReviewAre400LikeInNames(String review) {
        badField(put(fresh("u"), fresh("item"), "{\"rating\":3,\"review\":\"" + review + "\"}"), "review");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE ratings; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "{\\\"$gt\\\":\\\"\\\"}", "Ünïcödé ✓ e\\u0301 مرحبا עברית 👨\\u200d👩\\u200d👧", "line one\\nline two\\r\\nthree",
            "%s%n%x", "../../etc/passwd"})
    void injectionLookingReviewsAreStoredAsPlainText(String review) throws Exception {
        String user = fresh("u");
        String item = fresh("item");
        String expected = new com.fasterxml.jackson.databind.ObjectMapper().readValue("\"" + review + "\"", String.class);
        put(user, item, "{\"rating\":3,\"review\":\"" + review + "\"}").statusCode(201).body("review", equalTo(expected));
        get(user, item).statusCode(200).body("review", equalTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-starts-with-dash", "has%20space", "semi%3Bcolon", "x%00y", "quote'or'1'='1",
            "a2345678901234567890123456789012345678901234567890123456789012345", "%F0%9F%98%80", "%3Cscript%3E"})
    void aBadItemIdIs400NamingItOnEveryEndpoint(String id) {
        String user = fresh("u");
        badField(as(user).urlEncodingEnabled(false).get("/items/" + id + "/rating").then(), "itemId");
        badField(as(user).urlEncodingEnabled(false).contentType(JSON_UTF8).body("{\"rating\":4}")
                .put("/items/" + id + "/rating").then(), "itemId");
        badField(as(user).urlEncodingEnabled(false).delete("/items/" + id + "/rating").then(), "itemId");
        badField(given().urlEncodingEnabled(false).get("/items/" + id + "/reviews").then(), "itemId");
    }

    @ParameterizedTest
    @CsvSource({"limit,0", "limit,-1", "limit,101", "limit,100000", "limit,x", "limit,1.5", "limit,99999999999999999999",
            "cursor,not-base64!", "cursor,bm90IGpzb24", "cursor,e30", "cursor,eyJxIjoiaXRlbTp4IiwiayI6IjEifQ"})
    void aBadListingParameterIs400NamingIt(String name, String value) {
        badField(as(fresh("u")).queryParam(name, value).get("/me/ratings").then(), name);
        badField(given().queryParam(name, value).get("/items/{id}/reviews", fresh("item")).then(), name);
    }

    @Test
    void aCursorOfAnotherItemIsRefused() {
        String item = fresh("item");
        for (int i = 0; i < 2; i++) {
            put(fresh("u"), item, "{\"rating\":3,\"review\":\"r" + i + "\"}").statusCode(201);
        }
        String cursor = given().queryParam("limit", 1).get("/items/{id}/reviews", item).then().statusCode(200)
                .extract().path("nextCursor");
        badField(given().queryParam("cursor", cursor).get("/items/{id}/reviews", fresh("other")).then(), "cursor");
        badField(as(fresh("u")).queryParam("cursor", cursor).get("/me/ratings").then(), "cursor");
    }

    @Test
    void anOversizedBodyIs413Problem() {
        String huge = "{\"rating\":4,\"review\":\"" + "x".repeat(70_000) + "\"}";
        problem(put(fresh("u"), fresh("item"), huge), 413);
    }

    @Test
    void aBodyThatIsNotJsonIs415Problem() {
        problem(as(fresh("u")).contentType("text/plain").body("rating=4").put("/items/{id}/rating", fresh("item")).then(),
                415);
    }

    @Test
    void noBadRequestChangesWhatIsStoredOrPublished() {
        String user = fresh("u");
        String item = fresh("item");
        put(user, item, "{\"rating\":3.5,\"review\":\"kept\"}").statusCode(201);
        List<String> bad = List.of("{", "{}", "{\"rating\":0}", "{\"rating\":5.5}", "{\"rating\":\"5\"}",
                "{\"rating\":4,\"review\":\"\\u0000\"}", "{\"rating\":4,\"x\":1}", "{\"rating\":4,\"review\":\""
                        + "y".repeat(2001) + "\"}");
        for (String body : bad) {
            problem(put(user, item, body), 400);
        }
        get(user, item).statusCode(200).body("rating", equalTo(3.5f)).body("review", equalTo("kept"));

        // A later good change is the second event: none of the bad requests published anything.
        rate(user, item, 2).statusCode(200);
        List<RatingEvent> events = PublishedEvents.ratings(item, e -> e.stream().anyMatch(x -> x.rating() == 2.0));
        assertThat(events).extracting(RatingEvent::rating).containsExactly(3.5, 2.0);
    }
}
