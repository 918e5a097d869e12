package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Rate limits at the edge, with the test profile's small buckets (auth and sign-up: 5 each per client per hour,
 * writes: 12 per user per hour). Clients are told apart by address (X-Forwarded-For from the
 * trusted loopback proxy) on public routes and by the token's subject on routes that need one.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class RateLimitTest {

    private static final String LOGIN = "{\"email\":\"ada@example.com\",\"password\":\"guess\"}";

    @Test
    void loginsBeyondTheAuthLimitAre429ProblemWithRetryAfterAndNeverReachUserService() {
        String client = "192.0.2.77";
        int before = Fakes.hits(Fakes.USER, "POST:/auth/login");
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).contentType("application/json").body(LOGIN)
                    .post("/api/v1/auth/login").then().statusCode(200);
        }
        Response refused = given().header("X-Forwarded-For", client).header("X-Request-Id", "limited-1")
                .contentType("application/json").body(LOGIN).post("/api/v1/auth/login")
                .then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"))
                .body("instance", equalTo("/api/v1/auth/login"))
                .body("requestId", equalTo("limited-1"))
                .extract().response();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(Fakes.hits(Fakes.USER, "POST:/auth/login") - before).isEqualTo(5);
    }

    @Test
    void signUpHasAStrictBucketOfItsOwn() {
        // Sign-up answers 409 for a taken address: each try tells whether an address has an account.
        String client = "192.0.2.90";
        int before = Fakes.hits(Fakes.USER, "POST:/auth/signup");
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).contentType("application/json").body("{}")
                    .post("/api/v1/auth/signup").then().statusCode(400);
        }
        given().header("X-Forwarded-For", client).contentType("application/json").body("{}")
                .post("/api/v1/auth/signup").then().statusCode(429).contentType("application/problem+json");
        assertThat(Fakes.hits(Fakes.USER, "POST:/auth/signup") - before).isEqualTo(5);
        // Logging in is another bucket.
        given().header("X-Forwarded-For", client).contentType("application/json").body(LOGIN)
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        for (int i = 1; i <= 5; i++) {
            given().header("X-Forwarded-For", "2001:db8:77:1::" + i).contentType("application/json").body(LOGIN)
                    .post("/api/v1/auth/login").then().statusCode(200);
        }
        // Another address of the same /64 is the same subscriber...
        given().header("X-Forwarded-For", "2001:db8:77:1:ffff::9").contentType("application/json").body(LOGIN)
                .post("/api/v1/auth/login").then().statusCode(429);
        // ...another /64 is someone else.
        given().header("X-Forwarded-For", "2001:db8:77:2::1").contentType("application/json").body(LOGIN)
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void anotherClientAddressHasItsOwnBucket() {
        for (int i = 0; i < 6; i++) {
            given().header("X-Forwarded-For", "192.0.2.80").contentType("application/json").body(LOGIN)
                    .post("/api/v1/auth/login");
        }
        given().header("X-Forwarded-For", "192.0.2.81").contentType("application/json").body(LOGIN)
                .post("/api/v1/auth/login").then().statusCode(200);
        // Reads are another class: the limited address still browses.
        given().header("X-Forwarded-For", "192.0.2.80").get("/api/v1/movies/1").then().statusCode(200);
    }

    @Test
    void authenticatedWritesAreCountedPerUserNotPerAddress() {
        String greedy = TestTokens.bearer(TestTokens.user("greedy-user"));
        String other = TestTokens.bearer(TestTokens.user("patient-user"));
        int status = 0;
        int passed = 0;
        for (int i = 0; i < 13 && status != 429; i++) {
            status = given().header("Authorization", greedy).contentType("application/json").body("{\"rating\":3.0}")
                    .put("/api/v1/movies/1/rating").then().extract().statusCode();
            if (status != 429) {
                passed++;
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(passed).isEqualTo(12);
        // Same address, another user: not limited.
        given().header("Authorization", other).contentType("application/json").body("{\"rating\":3.0}")
                .put("/api/v1/movies/1/rating").then().statusCode(201);
    }
}
