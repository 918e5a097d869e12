package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** /api/v1/auth and /api/v1/me relayed to a real HTTP peer playing user-service. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class UserRelayTest {

    private static final String SIGNUP = "{\"name\":\"Ada\",\"age\":36,\"gender\":\"female\","
            + "\"email\":\"ada@example.com\",\"password\":\"correct horse\"}";

    @Test
    void signupIsRelayedWithBodyRequestIdAndClientAddressAndCreatedPointsAtMe() {
        given().header("X-Request-Id", "signup-1").header("X-Forwarded-For", "203.0.113.10")
                .contentType("application/json").body(SIGNUP).post("/api/v1/auth/signup")
                .then().statusCode(201).contentType("application/json")
                .body("id", equalTo("u-1"))
                .header("Location", endsWith("/api/v1/me"))
                .header("X-Request-Id", "signup-1");

        JsonPath seen = Fakes.last(Fakes.USER);
        assertThat(seen.getString("method")).isEqualTo("POST");
        assertThat(seen.getString("path")).isEqualTo("/auth/signup");
        assertThat(seen.getString("body")).isEqualTo(SIGNUP);
        assertThat(seen.getString("contentType")).startsWith("application/json");
        assertThat(seen.getString("requestId")).isEqualTo("signup-1");
        assertThat(seen.getString("forwardedFor")).isEqualTo("203.0.113.10");
    }

    @Test
    void logoutIsRelayedToUserService() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.19")
                .body("{\"refreshToken\":\"r-1\"}").post("/api/v1/auth/logout").then().statusCode(204);
        assertThat(Fakes.last(Fakes.USER).getString("path")).isEqualTo("/auth/logout");
        assertThat(Fakes.last(Fakes.USER).getString("body")).isEqualTo("{\"refreshToken\":\"r-1\"}");
    }

    @Test
    void takenEmailConflictIsRelayedWithThePublicPath() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.11")
                .body(SIGNUP.replace("ada@example.com", "taken@example.com"))
                .post("/api/v1/auth/signup")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("An account with this email address already exists"))
                .body("instance", equalTo("/api/v1/auth/signup"));
    }

    @Test
    void loginAnswersTokensAndForwardsTheClientAddressForThrottling() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.12")
                .body("{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}")
                .post("/api/v1/auth/login")
                .then().statusCode(200).body("tokenType", equalTo("Bearer")).body("userId", equalTo("u-1"));
        assertThat(Fakes.last(Fakes.USER).getString("path")).isEqualTo("/auth/login");
        assertThat(Fakes.last(Fakes.USER).getString("forwardedFor")).isEqualTo("203.0.113.12");
    }

    @Test
    void theClientsOwnForwardedChainIsNotPassedOn() {
        given().contentType("application/json").header("X-Forwarded-For", "198.51.100.1, 10.0.0.9")
                .body("{\"email\":\"ada@example.com\",\"password\":\"x\"}").post("/api/v1/auth/login")
                .then().statusCode(200);
        assertThat(Fakes.last(Fakes.USER).getString("forwardedFor")).isEqualTo("198.51.100.1");
    }

    @Test
    void failedLoginProblemIsRelayed() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.13")
                .body("{\"email\":\"ada@example.com\",\"password\":\"wrong\"}")
                .post("/api/v1/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("The email address or the password is wrong"))
                .body("instance", equalTo("/api/v1/auth/login"));
    }

    @Test
    void userServicesLoginThrottleIsRelayedWithItsRetryAfter() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.15")
                .body("{\"email\":\"throttled@example.com\",\"password\":\"x\"}")
                .post("/api/v1/auth/login")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "600")
                .body("instance", equalTo("/api/v1/auth/login"));
    }

    @Test
    void refreshAndJwksAreRelayed() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.14")
                .body("{\"refreshToken\":\"r-1\"}").post("/api/v1/auth/refresh")
                .then().statusCode(200).body("refreshToken", equalTo("r-2"));
        assertThat(Fakes.last(Fakes.USER).getString("path")).isEqualTo("/auth/refresh");

        given().get("/api/v1/auth/jwks").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
        assertThat(Fakes.last(Fakes.USER).getString("path")).isEqualTo("/auth/jwks");
    }

    @Test
    void meIsRelayedWithTheCallersTokenUnchanged() {
        String bearer = TestTokens.bearer(TestTokens.user("u-1"));
        given().header("Authorization", bearer).get("/api/v1/me")
                .then().statusCode(200).body("email", equalTo("ada@example.com"));
        JsonPath seen = Fakes.last(Fakes.USER);
        assertThat(seen.getString("path")).isEqualTo("/me");
        assertThat(seen.getString("authorization")).isEqualTo(bearer);
        assertThat(seen.getString("forwardedFor")).isEqualTo("127.0.0.1");
    }

    @Test
    void patchMeIsRelayedWithItsBody() {
        String bearer = TestTokens.bearer(TestTokens.user("u-patch"));
        given().header("Authorization", bearer).contentType("application/json").body("{\"name\":\"Ada L.\"}")
                .patch("/api/v1/me").then().statusCode(200);
        JsonPath seen = Fakes.last(Fakes.USER);
        assertThat(seen.getString("method")).isEqualTo("PATCH");
        assertThat(seen.getString("path")).isEqualTo("/me");
        assertThat(seen.getString("body")).isEqualTo("{\"name\":\"Ada L.\"}");
        assertThat(seen.getString("authorization")).isEqualTo(bearer);
    }

    @Test
    void historyIsRelayed() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("u-1"))).get("/api/v1/me/history")
                .then().statusCode(200).body("viewed[0].itemId", equalTo("1")).body("rated[0].rating", equalTo(4.5f));
        assertThat(Fakes.last(Fakes.USER).getString("path")).isEqualTo("/me/history");
    }
}
