package io.marquee.user.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /auth/refresh}. */
public record RefreshRequest(
        @NotNull @Pattern(regexp = RefreshRequest.TOKEN_REGEX, message = "must be a refresh token from login or refresh")
        String refreshToken) {

    /** Refresh tokens are base64url; this bounds what is hashed and looked up. */
    static final String TOKEN_REGEX = "[A-Za-z0-9_-]{16,256}";

    @Override
    public String toString() {
        return "RefreshRequest[token hidden]";
    }
}
