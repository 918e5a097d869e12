package io.marquee.catalog.item;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.marquee.catalog.item.Api.item;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Admin writes need a valid token with the admin role; refused writes store nothing. */
@QuarkusTest
class AdminAccessTest {

    private static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
    }

    private static String token(String kind) {
        return switch (kind) {
            case "none" -> null;
            case "user" -> TestTokens.user("u-1");
            case "expired" -> TestTokens.expired("u-1");
            case "wrong-signature" -> TestTokens.wrongSignature("u-1");
            case "alg-none" -> TestTokens.algNone("u-1");
            case "garbage" -> "not.a.token";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "expired", "wrong-signature", "alg-none", "garbage"})
    void writeWithoutAValidTokenIs401AndStoresNothing(String kind) {
        String id = "auth-401-" + kind;
        as(token(kind)).body(item("Nope", 1999)).put("/items/{id}", id).then()
                .statusCode(401).contentType(startsWith(PROBLEM)).body("status", is(401));
        as(token(kind)).body(Map.of("items", List.of(Map.of("id", id, "title", "Nope")))).post("/items/batch")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
        given().get("/items/{id}", id).then().statusCode(404);
    }

    @Test
    void writeWithAUserTokenIs403AndStoresNothing() {
        as(token("user")).body(item("Nope", 1999)).put("/items/auth-403").then()
                .statusCode(403).contentType(startsWith(PROBLEM)).body("detail", is(io.marquee.common.problem.TokenProblems.FORBIDDEN));
        as(token("user")).body(Map.of("items", List.of(Map.of("id", "auth-403", "title", "Nope"))))
                .post("/items/batch").then().statusCode(403).contentType(startsWith(PROBLEM));
        given().get("/items/auth-403").then().statusCode(404);
    }

    @Test
    void writeWithAnAdminTokenIsAccepted() {
        as(TestTokens.admin("boss")).body(item("Allowed", 1999)).put("/items/auth-ok").then().statusCode(201);
    }

    @Test
    void readsNeedNoTokenAndIgnoreABadOne() {
        Api.putOk("auth-read", item("Readable", 1999));
        given().get("/items/auth-read").then().statusCode(200);
        as(token("expired")).get("/items/auth-read").then().statusCode(200);
    }

    @Test
    void aRefusedCallerLearnsNothingAboutValidation() {
        as(null).body("{\"title\":").put("/items/auth-body").then().statusCode(401);
        as(token("user")).body("{\"title\":").put("/items/auth-body").then().statusCode(403);
    }
}
