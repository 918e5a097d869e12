package io.marquee.user.auth.service;

import io.marquee.common.security.Roles;
import io.marquee.user.account.service.Account;
import io.marquee.user.config.UsersConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Signs access tokens: RS256 with the {@link SigningKeys} key and its {@code kid}; claims
 * {@code iss}, {@code sub} (user id), {@code groups} ({@code user}, plus {@code admin} for accounts
 * holding the role, {@link Account#admin()}), {@code iat}, {@code exp}, {@code jti}. No email or
 * name: a token is readable by whoever holds it.
 */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeys keys;
    private final UsersConfig config;

    public TokenIssuer(SigningKeys keys, UsersConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** The roles an account's tokens carry now (read at every login and refresh). */
    public static Set<String> roles(Account account) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Roles.USER);
        if (account.admin()) {
            roles.add(Roles.ADMIN);
        }
        return roles;
    }

    /** A signed access token for {@code account}, valid from {@code now} for the configured lifetime. */
    public String accessToken(Account account, Instant now) {
        return Jwt.issuer(config.jwt().issuer())
                .subject(account.id())
                .groups(roles(account))
                .issuedAt(now)
                .expiresAt(now.plus(config.jwt().accessTokenLifetime()))
                .claim(Claims.jti, UUID.randomUUID().toString())
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(keys.keyId())
                .sign(keys.privateKey());
    }

    public long accessTokenSeconds() {
        return config.jwt().accessTokenLifetime().toSeconds();
    }
}
