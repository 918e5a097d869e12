package io.marquee.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Reuse of access tokens already verified ({@code marquee.tokens.verified-cache.*}, see
 * {@link VerifiedTokens} and ADR 0029). Off unless a service sets {@code max-tokens}.
 */
@ConfigMapping(prefix = "marquee.tokens.verified-cache")
public interface VerifiedTokensConfig {

    /** How many verified tokens are kept at most; 0 verifies every request's token from scratch. */
    @WithDefault("0")
    int maxTokens();

    /**
     * How long a verified token is reused before it is verified again, and never past its
     * {@code exp}: the longest a key removed from the JWKS keeps working for a token seen before.
     */
    @WithDefault("60s")
    Duration reuseFor();
}
