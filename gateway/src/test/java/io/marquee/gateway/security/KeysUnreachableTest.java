package io.marquee.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.common.problem.TokenProblems;
import io.marquee.common.security.Tokens;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With user-service's key set unreachable, a sent token cannot be checked: the gateway's own
 * mapper answers 503 (a frontend must not log its user out for our outage) and wins over common's
 * 401 mapper of the same exception; a request without any token is still common's 401.
 */
@QuarkusTest
@TestProfile(KeysUnreachableTest.NoKeys.class)
class KeysUnreachableTest {

    public static class NoKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + closedPort() + "/auth/jwks",
                    "mp.jwt.verify.issuer", Tokens.ISSUER);
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIs503NotA401() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("keys-down"))).get("/api/v1/me")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("user-service is unavailable: the keys that verify tokens cannot be fetched"))
                .body("instance", equalTo("/api/v1/me"));
    }

    @Test
    void noTokenIsStillCommons401() {
        given().get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo(TokenProblems.MISSING));
    }
}
