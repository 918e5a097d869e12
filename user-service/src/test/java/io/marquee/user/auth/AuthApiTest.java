package io.marquee.user.auth;

import static io.marquee.user.Api.PASSWORD;
import static io.marquee.user.Api.PROBLEM;
import static io.marquee.user.Api.bearer;
import static io.marquee.user.Api.email;
import static io.marquee.user.Api.login;
import static io.marquee.user.Api.loginOk;
import static io.marquee.user.Api.refresh;
import static io.marquee.user.Api.signup;
import static io.marquee.user.Api.signupBody;
import static io.marquee.user.Api.signupOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.security.Roles;
import io.marquee.common.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sign-up, login, refresh and JWKS against real DynamoDB Local. */
@QuarkusTest
class AuthApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signupAnswersTheProfileWithoutThePassword() {
        String email = email("Ann.Lee");
        signup(signupBody(email)).statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/me"))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("Test User"))
                .body("email", equalTo(email.toLowerCase()))
                .body("age", is(30))
                .body("gender", equalTo("female"))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")));
    }

    @Test
    void emailsAreUniqueRegardlessOfCase() {
        String email = email("case");
        signupOk(email);
        signup(signupBody(email.toUpperCase())).statusCode(409).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("email"));
        loginOk(email.toUpperCase());
    }

    @Test
    void concurrentSignupsWithOneEmailCreateExactlyOneAccount() throws Exception {
        String email = email("race");
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Map<String, Object> body = signupBody(i % 2 == 0 ? email : email.toUpperCase());
                body.put("name", "Racer " + i);
                Callable<Integer> call = () -> {
                    start.await();
                    return signup(body).extract().statusCode();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(parallel - 1);
        } finally {
            pool.shutdownNow();
        }
        // The one account that exists is the one the email leads to.
        String userId = loginOk(email).getString("userId");
        bearer(loginOk(email).getString("accessToken")).get("/me").then().statusCode(200)
                .body("id", equalTo(userId)).body("name", startsWith("Racer "));
    }

    @Test
    void loginAnswersASignedAccessTokenAndARefreshToken() throws Exception {
        String email = email("login");
        String userId = signupOk(email);
        JsonPath tokens = loginOk(email);
        assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
        assertThat(tokens.getLong("expiresIn")).isEqualTo(900);
        assertThat(tokens.getLong("refreshExpiresIn")).isEqualTo(30L * 24 * 3600);
        assertThat(tokens.getString("userId")).isEqualTo(userId);
        assertThat(tokens.getString("refreshToken")).matches("[A-Za-z0-9_-]{43}");

        String[] parts = tokens.getString("accessToken").split("\\.");
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iss").asText()).isEqualTo(Tokens.ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo(userId);
        assertThat(JSON.convertValue(claims.get("groups"), List.class)).containsExactly(Roles.USER);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.has("email")).isFalse();

        // The JWKS names the token's key and really verifies its signature.
        JsonNode jwks = JSON.readTree(given().get("/auth/jwks").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString());
        // The signing key comes first; the test profile also publishes a previous key (PreviousKeyResource).
        JsonNode key = jwks.get("keys").get(0);
        assertThat(jwks.get("keys")).hasSize(2);
        assertThat(key.get("kid").asText()).isEqualTo(header.get("kid").asText());
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.has("d")).as("no private part in the JWKS").isFalse();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void theBootstrapAdminsTokensCarryTheAdminRole() throws Exception {
        // admin@marquee.test is %test.users.bootstrap-admin.email: created as an admin at startup.
        String token = login("Admin@Marquee.test", "bootstrap admin password").statusCode(200).extract()
                .path("accessToken");
        assertThat(JSON.convertValue(decode(token.split("\\.")[1]).get("groups"), List.class))
                .containsExactlyInAnyOrder(Roles.USER, Roles.ADMIN);
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerTheSame() {
        String email = email("same");
        signupOk(email);
        String wrongPassword = login(email, "not the password").statusCode(401).contentType(startsWith(PROBLEM))
                .extract().path("detail");
        String unknownEmail = login(email("nobody"), "not the password").statusCode(401)
                .contentType(startsWith(PROBLEM)).extract().path("detail");
        assertThat(wrongPassword).isEqualTo(unknownEmail);
    }

    @Test
    void refreshRotatesTheTokenAndRefusesTheOldOne() {
        String email = email("refresh");
        String userId = signupOk(email);
        String first = loginOk(email).getString("refreshToken");

        JsonPath renewed = refresh(first).statusCode(200).extract().jsonPath();
        assertThat(renewed.getString("userId")).isEqualTo(userId);
        assertThat(renewed.getString("tokenType")).isEqualTo("Bearer");
        String second = renewed.getString("refreshToken");
        assertThat(second).isNotEqualTo(first);
        bearer(renewed.getString("accessToken")).get("/me").then().statusCode(200).body("id", equalTo(userId));

        refresh(second).statusCode(200);
        refresh(first).statusCode(401).contentType(startsWith(PROBLEM));
    }

    @Test
    void reusingARotatedRefreshTokenEndsTheWholeSession() {
        String email = email("reuse");
        signupOk(email);
        String stolen = loginOk(email).getString("refreshToken");
        String owners = refresh(stolen).statusCode(200).extract().path("refreshToken");

        refresh(stolen).statusCode(401);
        // The reuse revoked the family: the owner's current token no longer works either...
        refresh(owners).statusCode(401);
        // ...but a fresh login starts a new session.
        refresh(loginOk(email).getString("refreshToken")).statusCode(200);
    }

    @Test
    void unknownRefreshTokenIs401Problem() {
        refresh("A".repeat(43)).statusCode(401).contentType(startsWith(PROBLEM))
                .body("detail", startsWith("The refresh token"));
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }
}
