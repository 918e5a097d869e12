package io.marquee.user.auth;

import static io.marquee.user.Api.PROBLEM;
import static io.marquee.user.Api.email;
import static io.marquee.user.Api.login;
import static io.marquee.user.Api.loginOk;
import static io.marquee.user.Api.refresh;
import static io.marquee.user.Api.signupOk;
import static io.marquee.user.Api.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.user.storage.UserTables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sessions end: at logout, and at their absolute lifetime however often they are refreshed. */
@QuarkusTest
class SessionEndTest {

    @Inject
    DynamoDbClient dynamo;
    @Inject
    UserTables tables;

    private static void logout(String refreshToken) {
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/auth/logout")
                .then().statusCode(204);
    }

    @Test
    void logoutEndsEveryTokenOfTheSessionAndOnlyThatSession() {
        String email = email("leaving");
        signupOk(email);
        String first = loginOk(email).getString("refreshToken");
        String current = refresh(first).statusCode(200).extract().path("refreshToken");
        String otherDevice = loginOk(email).getString("refreshToken");

        logout(current);
        refresh(current).statusCode(401).contentType(startsWith(PROBLEM));
        // Another login of the same account is another session: it goes on.
        refresh(otherDevice).statusCode(200);
        // Logging out twice, or with a token nobody issued, answers the same.
        logout(current);
        logout("A".repeat(43));
    }

    @Test
    void logoutRefusesWhatIsNotARefreshToken() {
        given().contentType(ContentType.JSON).body("{}").post("/auth/logout").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", org.hamcrest.Matchers.hasItem("refreshToken"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", "x".repeat(5000))).post("/auth/logout")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("[").post("/auth/logout").then().statusCode(400);
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
        String email = email("forever");
        String userId = signupOk(email);
        String token = loginOk(email).getString("refreshToken");
        token = refresh(token).statusCode(200).extract().path("refreshToken");

        // The session began 91 days ago (users.jwt.session-lifetime is 90 days): kept fresh or not, it is over.
        List<Map<String, AttributeValue>> families = dynamo.scan(b -> b.tableName(tables.refreshTokens())
                .filterExpression("#u = :u AND begins_with(#id, :f)")
                .expressionAttributeNames(Map.of("#u", "userId", "#id", "id"))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId), ":f", AttributeValue.fromS("family#"))))
                .items();
        assertThat(families).hasSize(1);
        dynamo.updateItem(b -> b.tableName(tables.refreshTokens()).key(Map.of("id", families.get(0).get("id")))
                .updateExpression("SET createdAt = :t")
                .expressionAttributeValues(Map.of(":t",
                        AttributeValue.fromS(Instant.now().minus(Duration.ofDays(91)).toString()))));

        refresh(token).statusCode(401).contentType(startsWith(PROBLEM));
        // A new login starts a new session.
        refresh(loginOk(email).getString("refreshToken")).statusCode(200);
    }

    @Test
    void tokenAnswersMayNotBeStoredByAnyCache() {
        String email = email("cached");
        signupOk(email);
        String refreshToken = login(email, PASSWORD).statusCode(200)
                .header("Cache-Control", containsString("no-store")).header("Pragma", equalTo("no-cache"))
                .extract().path("refreshToken");
        refresh(refreshToken).statusCode(200).header("Cache-Control", containsString("no-store"));
    }
}
