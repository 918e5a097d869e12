package io.marquee.user.account;

import static io.marquee.user.Api.PASSWORD;
import static io.marquee.user.Api.PROBLEM;
import static io.marquee.user.Api.bearer;
import static io.marquee.user.Api.email;
import static io.marquee.user.Api.login;
import static io.marquee.user.Api.loginOk;
import static io.marquee.user.Api.refresh;
import static io.marquee.user.Api.signupOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.security.Roles;
import io.marquee.user.account.service.AdminBootstrap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin role is a property of the account: made by the operator's bootstrap or granted by an
 * admin, never by an email address a user picks.
 */
@QuarkusTest
class AdminRoleTest {

    private static final String BOOTSTRAP_EMAIL = "admin@marquee.test";
    private static final String BOOTSTRAP_PASSWORD = "bootstrap admin password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AdminBootstrap bootstrap;

    @Test
    void aUserWhoMovesToAConfiguredAdminAddressGainsNoRole() throws Exception {
        // The address is configured for the bootstrap while nobody holds it yet; a user takes it first.
        String configured = "late-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@marquee.test";
        String email = email("squatter");
        signupOk(email);
        String token = loginOk(email).getString("accessToken");
        bearer(token).contentType(ContentType.JSON)
                .body("{\"email\":\"" + configured + "\",\"currentPassword\":\"" + PASSWORD + "\"}")
                .patch("/me").then().statusCode(200).body("email", equalTo(configured));

        assertThat(bootstrap.ensure(configured, BOOTSTRAP_PASSWORD))
                .isEqualTo(AdminBootstrap.Outcome.HELD_BY_ANOTHER_ACCOUNT);
        JsonPath tokens = loginOk(configured);
        assertThat(groups(tokens.getString("accessToken"))).containsExactly(Roles.USER);
        assertThat(groups(refresh(tokens.getString("refreshToken")).statusCode(200).extract().path("accessToken")))
                .containsExactly(Roles.USER);
        // The bootstrap's own password does not open the squatter's account either.
        login(configured, BOOTSTRAP_PASSWORD).statusCode(401);
    }

    @Test
    void theBootstrapCreatesItsAccountOnceAndThenLeavesItAlone() throws Exception {
        assertThat(bootstrap.ensure(BOOTSTRAP_EMAIL, "another password entirely"))
                .isEqualTo(AdminBootstrap.Outcome.ALREADY_ADMIN);
        String fresh = "fresh-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@marquee.test";
        assertThat(bootstrap.ensure(fresh, BOOTSTRAP_PASSWORD)).isEqualTo(AdminBootstrap.Outcome.CREATED);
        assertThat(groups(login(fresh, BOOTSTRAP_PASSWORD).statusCode(200).extract().path("accessToken")))
                .containsExactlyInAnyOrder(Roles.USER, Roles.ADMIN);
    }

    @Test
    void theProfileCannotCarryARole() {
        String token = loginOk(signupEmail("role-patch")).getString("accessToken");
        bearer(token).contentType(ContentType.JSON).body("{\"admin\":true}").patch("/me").then()
                .statusCode(400).contentType(startsWith(PROBLEM));
        bearer(token).contentType(ContentType.JSON).body("{\"groups\":[\"admin\"]}").patch("/me").then()
                .statusCode(400).contentType(startsWith(PROBLEM));
    }

    @Test
    void anAdminGrantsAndRevokesTheRoleAndCannotRevokeTheirOwn() throws Exception {
        String adminToken = adminToken();
        String email = signupEmail("promoted");
        bearer(adminToken).put("/admin/admins/" + email.toUpperCase()).then().statusCode(200)
                .body("email", equalTo(email)).body("admin", equalTo(true));
        JsonPath promoted = loginOk(email);
        assertThat(groups(promoted.getString("accessToken"))).containsExactlyInAnyOrder(Roles.USER, Roles.ADMIN);
        // The new admin cannot remove their own role (nor lock out the last admin by mistake).
        bearer(promoted.getString("accessToken")).delete("/admin/admins/" + email).then().statusCode(409)
                .contentType(startsWith(PROBLEM));

        bearer(adminToken).delete("/admin/admins/" + email).then().statusCode(200).body("admin", equalTo(false));
        // The next refresh drops the role.
        assertThat(groups(refresh(promoted.getString("refreshToken")).statusCode(200).extract()
                .path("accessToken"))).containsExactly(Roles.USER);
    }

    @Test
    void onlyAdminsChangeRoles() {
        String email = signupEmail("wannabe");
        String token = loginOk(email).getString("accessToken");
        bearer(token).put("/admin/admins/" + email).then().statusCode(403).contentType(startsWith(PROBLEM));
        given().put("/admin/admins/" + email).then().statusCode(401).contentType(startsWith(PROBLEM));
        String admin = adminToken();
        bearer(admin).put("/admin/admins/" + email("nobody")).then().statusCode(404).contentType(startsWith(PROBLEM));
        bearer(admin).put("/admin/admins/not-an-address").then().statusCode(400).contentType(startsWith(PROBLEM));
        bearer(admin).put("/admin/admins/" + "a".repeat(300) + "@example.org").then().statusCode(400);
    }

    @Test
    void theRetiredAdminEmailsSettingStopsTheStart() {
        assertThatThrownBy(() -> AdminBootstrap.refuseRetiredSetting(Optional.of("ops@example.org")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer honoured");
        AdminBootstrap.refuseRetiredSetting(Optional.empty());
    }

    private static String signupEmail(String label) {
        String email = email(label);
        signupOk(email);
        return email;
    }

    private static String adminToken() {
        return login(BOOTSTRAP_EMAIL, BOOTSTRAP_PASSWORD).statusCode(200).extract().path("accessToken");
    }

    @SuppressWarnings("unchecked")
    private static List<String> groups(String accessToken) throws Exception {
        byte[] payload = Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]);
        return JSON.convertValue(JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("groups"), List.class);
    }
}
