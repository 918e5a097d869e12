package io.marquee.user.account;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.common.security.Roles;
import io.marquee.common.security.Tokens;
import io.marquee.testsupport.TestTokens;
import io.marquee.user.auth.service.SigningKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code /me}: only a valid token of this service opens it, and only onto the token owner's account. */
@QuarkusTest
class MeApiTest {

    @Inject
    SigningKeys keys;

    private static ValidatableResponse unauthorized(ValidatableResponse response) {
        return response.statusCode(401).contentType(startsWith(PROBLEM)).body("status", is(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    /** A token signed with this service's real key, with the given claims. */
    private String signed(String subject, Set<String> groups, Instant issuedAt, Instant expiresAt, String issuer) {
        return Jwt.issuer(issuer).subject(subject).groups(groups).issuedAt(issuedAt).expiresAt(expiresAt)
                .jws().keyId(keys.keyId()).sign(keys.privateKey());
    }

    @Test
    void meAnswersTheTokenOwnersProfile() {
        String email = email("me");
        String id = signupOk(email);
        bearer(loginOk(email).getString("accessToken")).get("/me").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("id", equalTo(id)).body("email", equalTo(email)).body("name", equalTo("Test User"));
    }

    @Test
    void patchChangesOnlyTheGivenFieldsOfTheTokenOwner() {
        String alice = email("alice");
        String bob = email("bob");
        String aliceId = signupOk(alice);
        String bobId = signupOk(bob);
        String aliceToken = loginOk(alice).getString("accessToken");
        String bobToken = loginOk(bob).getString("accessToken");

        bearer(aliceToken).contentType(ContentType.JSON).body("{\"name\":\"  Alice Ämber \",\"age\":41}")
                .patch("/me").then().statusCode(200)
                .body("id", equalTo(aliceId)).body("name", equalTo("Alice Ämber")).body("age", is(41))
                .body("gender", equalTo("female")).body("email", equalTo(alice));

        // Bob's profile is untouched; there is no way to name another user in /me.
        bearer(bobToken).get("/me").then().statusCode(200)
                .body("id", equalTo(bobId)).body("name", equalTo("Test User")).body("age", is(30));
        bearer(aliceToken).get("/me").then().statusCode(200).body("name", equalTo("Alice Ämber"));
        // An "id" in the body is not a field of the patch: refused, nothing changes.
        bearer(aliceToken).contentType(ContentType.JSON).body("{\"id\":\"" + bobId + "\",\"name\":\"Mallory\"}")
                .patch("/me").then().statusCode(400).body("errors.field", hasItem("id"));
        bearer(bobToken).get("/me").then().body("name", equalTo("Test User"));
        bearer(aliceToken).get("/me").then().body("name", equalTo("Alice Ämber"));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOlderSessions() {
        String email = email("rotate");
        signupOk(email);
        JsonPath session = loginOk(email);
        String token = session.getString("accessToken");

        bearer(token).contentType(ContentType.JSON).body("{\"password\":\"a brand new secret\"}")
                .patch("/me").then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        bearer(token).contentType(ContentType.JSON)
                .body("{\"password\":\"a brand new secret\",\"currentPassword\":\"wrong guess\"}")
                .patch("/me").then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        login(email, "a brand new secret").statusCode(401);

        bearer(token).contentType(ContentType.JSON)
                .body("{\"password\":\"a brand new secret\",\"currentPassword\":\"" + PASSWORD + "\"}")
                .patch("/me").then().statusCode(200);
        login(email, PASSWORD).statusCode(401);
        login(email, "a brand new secret").statusCode(200);
        refresh(session.getString("refreshToken")).statusCode(401);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeLogins() {
        String email = email("patch-guess");
        signupOk(email);
        String token = loginOk(email).getString("accessToken");
        String address = io.marquee.user.Api.clientAddress();
        for (int i = 0; i < 3; i++) {
            io.marquee.user.Api.from(address).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body("{\"password\":\"another secret\",\"currentPassword\":\"guess number " + i + "\"}")
                    .patch("/me").then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        }
        // The account's count is shared with logins: both are refused now, even with the right password.
        io.marquee.user.Api.from(io.marquee.user.Api.clientAddress()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"password\":\"another secret\",\"currentPassword\":\"" + PASSWORD + "\"}")
                .patch("/me").then().statusCode(429).contentType(startsWith(PROBLEM))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
        login(email, PASSWORD).statusCode(429);
        // Changes that need no password still work.
        bearer(token).contentType(ContentType.JSON).body("{\"age\":50}").patch("/me").then().statusCode(200)
                .body("age", is(50));
    }

    @Test
    void probingWhichAddressesHaveAccountsByChangingTheEmailIsThrottledLikeLogins() {
        // An email change answers 409 for a taken address, as sign-up does; sign-up is held to a few an
        // hour for that reason, so here each taken address tried costs an attempt as a wrong password does.
        String email = email("prober");
        signupOk(email);
        String token = loginOk(email).getString("accessToken");
        String address = io.marquee.user.Api.clientAddress();
        for (int i = 0; i < 3; i++) {
            String taken = email("probed-" + i);
            signupOk(taken);
            io.marquee.user.Api.from(address).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body("{\"email\":\"" + taken + "\",\"currentPassword\":\"" + PASSWORD + "\"}")
                    .patch("/me").then().statusCode(409).contentType(startsWith(PROBLEM));
        }
        String next = email("probed-next");
        signupOk(next);
        io.marquee.user.Api.from(address).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"email\":\"" + next + "\",\"currentPassword\":\"" + PASSWORD + "\"}")
                .patch("/me").then().statusCode(429).contentType(startsWith(PROBLEM))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void changingTheEmailMovesTheClaim() {
        String before = email("mover");
        String after = email("moved");
        String taken = email("taken");
        signupOk(before);
        signupOk(taken);
        String token = loginOk(before).getString("accessToken");

        bearer(token).contentType(ContentType.JSON)
                .body("{\"email\":\"" + taken + "\",\"currentPassword\":\"" + PASSWORD + "\"}")
                .patch("/me").then().statusCode(409).contentType(startsWith(PROBLEM));
        bearer(token).contentType(ContentType.JSON)
                .body("{\"email\":\"" + after.toUpperCase() + "\",\"currentPassword\":\"" + PASSWORD + "\"}")
                .patch("/me").then().statusCode(200).body("email", equalTo(after));
        login(before, PASSWORD).statusCode(401);
        loginOk(after);
        // The old address is free again.
        signup(signupBody(before)).statusCode(201);
    }

    @Test
    void noTokenIs401Problem() {
        unauthorized(given().get("/me").then());
        unauthorized(given().get("/me/history").then());
        unauthorized(given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").patch("/me").then());
        // Even a malformed body: the token is checked first, and nothing about the body is revealed.
        unauthorized(given().contentType(ContentType.JSON).body("{not json").patch("/me").then());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer not-a-jwt", "Bearer a.b.c", "Basic dXNlcjpwYXNz",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"})
    void malformedAuthorizationIs401Problem(String header) {
        unauthorized(given().header("Authorization", header).get("/me").then());
    }

    @Test
    void expiredTokenIs401() {
        String id = signupOk(email("expired"));
        Instant past = Instant.now().minus(Duration.ofHours(2));
        unauthorized(bearer(signed(id, Set.of(Roles.USER), past, past.plus(Duration.ofMinutes(15)), Tokens.ISSUER))
                .get("/me").then());
    }

    @Test
    void afterARotationTokensOfThePreviousKeyStillWorkUntilTheyExpire() {
        String id = signupOk(email("rotated"));
        java.util.List<String> kids = given().get("/auth/jwks").then().statusCode(200).extract().path("keys.kid");
        org.assertj.core.api.Assertions.assertThat(kids).hasSize(2).startsWith(keys.keyId());
        String previousKid = kids.get(1);
        Instant now = Instant.now();
        String old = Jwt.issuer(Tokens.ISSUER).subject(id).groups(Set.of(Roles.USER)).issuedAt(now)
                .expiresAt(now.plusSeconds(600)).jws().keyId(previousKid)
                .sign(io.marquee.user.PreviousKeyResource.privateKey());
        bearer(old).get("/me").then().statusCode(200).body("id", equalTo(id));
        // The previous key only verifies its own kid: claiming the current kid does not help.
        String mislabelled = Jwt.issuer(Tokens.ISSUER).subject(id).groups(Set.of(Roles.USER)).issuedAt(now)
                .expiresAt(now.plusSeconds(600)).jws().keyId(keys.keyId())
                .sign(io.marquee.user.PreviousKeyResource.privateKey());
        unauthorized(bearer(mislabelled).get("/me").then());
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        String id = signupOk(email("forged"));
        unauthorized(bearer(TestTokens.wrongSignature(id)).get("/me").then());
        // TestTokens' own "valid" tokens are signed with the test key, which this service does not trust.
        unauthorized(bearer(TestTokens.user(id)).get("/me").then());
    }

    @Test
    void algNoneTokenIs401() {
        String id = signupOk(email("algnone"));
        unauthorized(bearer(TestTokens.algNone(id)).get("/me").then());
        unauthorized(bearer(TestTokens.algNone(id)).get("/admin/users/" + id).then());
    }

    @Test
    void tokenOfAnotherIssuerIs401EvenWithOurKey() {
        String id = signupOk(email("issuer"));
        Instant now = Instant.now();
        unauthorized(bearer(signed(id, Set.of(Roles.USER), now, now.plusSeconds(600), "https://evil.example"))
                .get("/me").then());
    }

    @Test
    void tokenWithoutTheUserRoleIs403() {
        String id = signupOk(email("roleless"));
        Instant now = Instant.now();
        given().header("Authorization", "Bearer " + signed(id, Set.of("guest"), now, now.plusSeconds(600),
                Tokens.ISSUER)).get("/me").then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    void adminLookupNeedsTheAdminRole() {
        String email = email("looked-up");
        String id = signupOk(email);
        String userToken = loginOk(email).getString("accessToken");
        given().header("Authorization", "Bearer " + userToken).get("/admin/users/" + id).then()
                .statusCode(403).contentType(startsWith(PROBLEM));
        unauthorized(given().get("/admin/users/" + id).then());

        Instant now = Instant.now();
        String adminToken = signed(UUID.randomUUID().toString(), Set.of(Roles.USER, Roles.ADMIN), now,
                now.plusSeconds(600), Tokens.ISSUER);
        bearer(adminToken).get("/admin/users/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("email", equalTo(email));
        bearer(adminToken).get("/admin/users/not-a-user-id").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("id"));
        bearer(adminToken).get("/admin/users/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith(PROBLEM));
    }
}
