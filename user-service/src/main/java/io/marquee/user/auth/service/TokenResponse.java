package io.marquee.user.auth.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What login and refresh answer.
 *
 * @param accessToken      RS256 JWT for {@code Authorization: Bearer}
 * @param tokenType        always {@code Bearer}
 * @param expiresIn        seconds until the access token expires
 * @param refreshToken     opaque; exchange it once at {@code /auth/refresh} for a new pair
 * @param refreshExpiresIn seconds until the refresh token expires
 * @param userId           the account the tokens belong to (also the access token's {@code sub})
 */
public record TokenResponse(String accessToken, @Schema(examples = "Bearer") String tokenType, long expiresIn,
                            String refreshToken, long refreshExpiresIn, String userId) {

    @Override
    public String toString() {
        return "TokenResponse[userId=" + userId + ", tokens hidden]";
    }
}
