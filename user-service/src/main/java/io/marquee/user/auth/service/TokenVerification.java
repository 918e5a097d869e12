package io.marquee.user.auth.service;

import io.marquee.user.config.UsersConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * How this service verifies the tokens on {@code /me}: against its own signing key, in memory,
 * rather than fetching its own JWKS over HTTP (other services do that, with
 * {@code mp.jwt.verify.publickey.location}). Everything else (header, groups claim, clock skew)
 * stays as smallrye-jwt configures it; only RS256 is accepted, and only this service's issuer.
 */
@Singleton
public class TokenVerification {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    JWTAuthContextInfo contextInfo(JWTAuthContextInfoProvider configured, SigningKeys keys, UsersConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(configured.getContextInfo());
        info.setPublicVerificationKey(keys.publicKey());
        info.setPublicKeyLocation(null);
        info.setPublicKeyContent(null);
        info.setIssuedBy(config.jwt().issuer());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequireNamedPrincipal(false);
        return info;
    }
}
