package io.marquee.rating;

import static io.marquee.rating.Api.JSON_UTF8;
import static io.marquee.rating.Api.as;
import static io.marquee.rating.Api.delete;
import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.get;
import static io.marquee.rating.Api.problem;
import static io.marquee.rating.Api.put;
import static io.marquee.rating.Api.rate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Who may do what: a valid token for writes and /me, identity only from its subject. */
@QuarkusTest
class SecurityTest {

    static Stream<Arguments> badCredentials() {
        String victim = "victim-user";
        return Stream.of(
                Arguments.of("no token", (Function<RequestSpecification, RequestSpecification>) r -> r),
                Arguments.of("expired", auth(TestTokens.bearer(TestTokens.expired(victim)))),
                Arguments.of("wrong signature", auth(TestTokens.bearer(TestTokens.wrongSignature(victim)))),
                Arguments.of("alg none", auth(TestTokens.bearer(TestTokens.algNone(victim)))),
                Arguments.of("garbage", auth("Bearer not.a.token")),
                Arguments.of("wrong scheme", auth("Basic dmljdGltOnB3")));
    }

    private static Function<RequestSpecification, RequestSpecification> auth(String header) {
        return r -> r.header("Authorization", header);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void everyPrivateEndpointAnswers401ProblemWithoutAValidToken(
            String name, Function<RequestSpecification, RequestSpecification> credentials) {
        String item = fresh("guarded");
        unauthorized(credentials.apply(given()).get("/items/{id}/rating", item).then());
        unauthorized(credentials.apply(given()).contentType(JSON_UTF8).body("{\"rating\":4}")
                .put("/items/{id}/rating", item).then());
        unauthorized(credentials.apply(given()).delete("/items/{id}/rating", item).then());
        unauthorized(credentials.apply(given()).get("/me/ratings").then());
        // Nothing was written in the victim's name.
        problem(get("victim-user", item), 404);
    }

    @Test
    void aBadTokenIs401EvenWhenTheBodyIsAlsoBad() {
        unauthorized(given().contentType(JSON_UTF8).body("{not json").put("/items/{id}/rating", fresh("x")).then());
    }

    @Test
    void anotherUserCanNeitherReadNorChangeNorDeleteMyRating() {
        String alice = fresh("alice");
        String bob = fresh("bob");
        String item = fresh("private");
        put(alice, item, "{\"rating\":4.5,\"review\":\"mine\"}").statusCode(201);

        // Bob's token only ever addresses Bob's rating: he has none of this item.
        problem(get(bob, item), 404);
        delete(bob, item).statusCode(204);
        get(alice, item).statusCode(200).body("rating", equalTo(4.5f)).body("review", equalTo("mine"));

        // Bob's PUT creates Bob's own rating; Alice's is untouched.
        rate(bob, item, 1).statusCode(201).body("userId", equalTo(bob));
        get(alice, item).statusCode(200).body("rating", equalTo(4.5f));
        delete(bob, item).statusCode(204);
        get(alice, item).statusCode(200).body("rating", equalTo(4.5f)).body("userId", equalTo(alice));

        // Bob's list is his own, and Alice's cursor does not page Bob through her list.
        as(bob).get("/me/ratings").then().statusCode(200).body("items.itemId", not(hasItem(item)));
        for (int i = 0; i < 2; i++) {
            rate(alice, fresh("more"), 3).statusCode(201);
        }
        String alicesCursor = as(alice).queryParam("limit", 1).get("/me/ratings").then().statusCode(200)
                .extract().path("nextCursor");
        problem(as(bob).queryParam("cursor", alicesCursor).get("/me/ratings").then(), 400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void anAdminTokenRatesAsItsOwnUser() {
        String admin = fresh("admin");
        String item = fresh("item");
        given().header("Authorization", TestTokens.bearer(TestTokens.admin(admin))).contentType(JSON_UTF8)
                .body("{\"rating\":2}").put("/items/{id}/rating", item).then().statusCode(201)
                .body("userId", equalTo(admin));
    }

    @Test
    void aValidTokenWithoutTheUserRoleIs403AndChangesNothing() {
        String stranger = fresh("no-role");
        String item = fresh("guarded");
        problem(given().header("Authorization", TestTokens.bearer(TestTokens.withRoles(stranger, "auditor")))
                .contentType(JSON_UTF8).body("{\"rating\":3}").put("/items/{id}/rating", item).then(), 403);
        problem(given().header("Authorization", TestTokens.bearer(TestTokens.withRoles(stranger)))
                .get("/me/ratings").then(), 403);
        // The same person with the user role has no rating of that item: the refused PUT stored nothing.
        problem(get(stranger, item), 404);
    }

    @Test
    void reviewsArePublicAndIgnoreABadToken() {
        String item = fresh("public");
        given().get("/items/{id}/reviews", item).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(TestTokens.wrongSignature("x")))
                .get("/items/{id}/reviews", item).then().statusCode(200);
    }

    private static void unauthorized(ValidatableResponse response) {
        problem(response, 401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }
}
