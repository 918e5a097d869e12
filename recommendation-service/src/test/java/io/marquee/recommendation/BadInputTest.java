package io.marquee.recommendation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed, missing, oversized and hostile input: a 400 problem naming what was wrong, never a 500. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification user() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user("bad-input-user")));
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String... fields) {
        return response.statusCode(400).contentType(startsWith(PROBLEM)).body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder((Object[]) fields));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1e2", "99999999999999999999", "25 ", "<script>"})
    void aLimitOutsideItsBoundsIsNamed(String limit) {
        invalid(user().queryParam("limit", limit).get("/recommendations/for-you").then(), "limit");
        invalid(given().queryParam("limit", limit).get("/items/t01/similar").then(), "limit");
    }

    @Test
    void becauseYouWatchedBoundsItsRowsAndRowLength() {
        invalid(user().queryParam("rows", "0").queryParam("limit", "26")
                .get("/recommendations/because-you-watched").then(), "rows", "limit");
        invalid(user().queryParam("rows", "11").get("/recommendations/because-you-watched").then(), "rows");
    }

    @Test
    void everyBadForYouParameterIsNamedAtOnce() {
        invalid(user().queryParam("genre", "Cartoons").queryParam("year", "1500").queryParam("limit", "0")
                .get("/recommendations/for-you").then(), "genre", "year", "limit");
        invalid(user().queryParam("genre", "' OR 1=1 --").get("/recommendations/for-you").then(), "genre");
        invalid(user().queryParam("genre", "\"Comedy\",\"Drama\"").get("/recommendations/for-you").then(), "genre");
        invalid(user().queryParam("year", "19x9").get("/recommendations/for-you").then(), "year");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad id", "-leading-dash", "a/b", "%00", "<script>alert(1)</script>",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void aMalformedTitleIdIsNamed(String id) {
        ValidatableResponse response = given().urlEncodingEnabled(true).get("/items/{id}/similar", id).then();
        response.statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)))
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void aRankListIsCheckedWholeAndEveryBadIdNamed() {
        rank("{}").statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("itemIds"));
        rank("{\"itemIds\":[]}").statusCode(400).body("errors.field", hasItem("itemIds"));
        rank("{\"itemIds\":[\"t01\",null,\"t01\",\"<script>\",\"" + "x".repeat(65) + "\",\"../etc\"]}")
                .statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", containsInAnyOrder("itemIds[1]", "itemIds[2]", "itemIds[3]", "itemIds[4]",
                        "itemIds[5]"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add("many-" + i);
        }
        rank(Map.of("itemIds", tooMany)).statusCode(400).body("errors.field", hasItem("itemIds"));
        rank("{\"itemIds\":\"t01\"}").statusCode(400).contentType(startsWith(PROBLEM));
        rank("{\"itemIds\":[1,2]}").statusCode(400).contentType(startsWith(PROBLEM));
        rank("{\"itemIds\":[\"t01\"],\"userId\":\"someone-else\"}").statusCode(400)
                .body("errors.field", hasItem("userId"));
        rank("{\"itemIds\":[\"t01\"").statusCode(400).contentType(startsWith(PROBLEM));
        rank("").statusCode(400).contentType(startsWith(PROBLEM));
        user().contentType(ContentType.TEXT).body("t01").post("/recommendations/rank").then().statusCode(415)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void fiveHundredIdsAreAcceptedAndUnknownOnesDropped() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add("unknown-" + i);
        }
        ids.set(0, "t01");
        rank(Map.of("itemIds", ids)).statusCode(200).body("items.id", containsInAnyOrder("t01"));
    }

    private static ValidatableResponse rank(Object body) {
        return user().contentType(ContentType.JSON).body(body).post("/recommendations/rank").then();
    }

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of("no token", (Function<RequestSpecification, RequestSpecification>) r -> r),
                Arguments.of("expired", auth(TestTokens.bearer(TestTokens.expired("victim")))),
                Arguments.of("wrong signature", auth(TestTokens.bearer(TestTokens.wrongSignature("victim")))),
                Arguments.of("alg none", auth(TestTokens.bearer(TestTokens.algNone("victim")))),
                Arguments.of("garbage", auth("Bearer not.a.token")));
    }

    private static Function<RequestSpecification, RequestSpecification> auth(String header) {
        return r -> r.header("Authorization", header);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void personalAnswersNeedAValidToken(String name, Function<RequestSpecification, RequestSpecification> credentials) {
        unauthorized(credentials.apply(given()).get("/recommendations/for-you").then());
        unauthorized(credentials.apply(given()).get("/recommendations/because-you-watched").then());
        unauthorized(credentials.apply(given()).contentType(ContentType.JSON).body("{\"itemIds\":[\"t01\"]}")
                .post("/recommendations/rank").then());
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(startsWith(PROBLEM)).header("WWW-Authenticate", startsWith("Bearer"));
    }
}
