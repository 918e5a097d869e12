package io.marquee.gateway.user.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of user-service's JSON, for the OpenAPI document only: the gateway relays bodies
 * unchanged and never binds them to these types. They follow the shared API contract of issue 3;
 * change them together with user-service.
 */
final class UserSchemas {

    private UserSchemas() {
    }

    @Schema(name = "Signup", description = "A new account")
    record Signup(
            @Schema(required = true, maxLength = 100, examples = "Ada Lovelace") String name,
            @Schema(required = true, minimum = "13", maximum = "120", examples = "36") Integer age,
            @Schema(required = true, enumeration = {"female", "male", "non-binary", "other", "unspecified"})
            String gender,
            @Schema(required = true, format = "email", maxLength = 254, description = "Unique; stored in lower case",
                    examples = "ada@example.com") String email,
            @Schema(required = true, minLength = 8, description = "8 characters or more, at most 72 bytes (UTF-8)",
                    format = "password") String password) {
    }

    @Schema(name = "Profile", description = "An account as its owner sees it (never the password)")
    record Profile(
            @Schema(description = "User id, the `sub` of the user's tokens") String id,
            String name, String email, int age, String gender, Instant createdAt) {
    }

    @Schema(name = "ProfilePatch", description = "The fields to change; absent fields stay as they are")
    record ProfilePatch(
            @Schema(maxLength = 100) String name,
            @Schema(minimum = "13", maximum = "120") Integer age,
            @Schema(enumeration = {"female", "male", "non-binary", "other", "unspecified"}) String gender,
            @Schema(format = "email", maxLength = 254) String email,
            @Schema(format = "password", description = "New password") String password,
            @Schema(format = "password", description = "Required with email or password") String currentPassword) {
    }

    @Schema(name = "Login", description = "Credentials")
    record Login(
            @Schema(required = true, format = "email") String email,
            @Schema(required = true, format = "password") String password) {
    }

    @Schema(name = "Refresh", description = "A refresh token from a login")
    record Refresh(@Schema(required = true) String refreshToken) {
    }

    @Schema(name = "Tokens", description = "A session: send `accessToken` as `Authorization: Bearer`; "
            + "exchange `refreshToken` for a new pair before it expires")
    record Tokens(
            @Schema(description = "RS256 JWT; `sub` is the user id, `groups` the roles") String accessToken,
            @Schema(examples = "Bearer") String tokenType,
            @Schema(description = "Seconds the access token is valid", examples = "900") long expiresIn,
            String refreshToken,
            @Schema(description = "Seconds the refresh token is valid", examples = "2592000") long refreshExpiresIn,
            String userId) {
    }

    @Schema(name = "Jwks", description = "JSON Web Key Set (RFC 7517): the public keys that verify access tokens")
    record Jwks(List<Map<String, String>> keys) {
    }

    @Schema(name = "History", description = "What I did lately, newest first")
    record History(
            @Schema(description = "Last 50 movies viewed") List<Viewed> viewed,
            @Schema(description = "Movies rated lately") List<Rated> rated) {
    }

    @Schema(name = "ViewedItem")
    record Viewed(String itemId, Instant at) {
    }

    @Schema(name = "RatedItem")
    record Rated(String itemId, @Schema(minimum = "0.5", maximum = "5.0") double rating, Instant at) {
    }
}
