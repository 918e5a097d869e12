package io.marquee.common.security;

/**
 * What every service agrees on about access tokens. user-service issues them (RS256); the gateway
 * and each service verify them against user-service's JWKS ({@code GET /auth/jwks} there,
 * {@code /api/v1/auth/jwks} on the gateway). Claims: {@code iss} = {@link #ISSUER}, {@code sub} =
 * user id, {@code groups} = {@link Roles}, {@code exp}.
 */
public final class Tokens {

    /** The {@code iss} claim of tokens user-service issues locally; production may configure its own. */
    public static final String ISSUER = "https://marquee.local/user-service";

    private Tokens() {
    }
}
