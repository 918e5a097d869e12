package io.marquee.user.auth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * How this service verifies the tokens on {@code /me}: against its own JWKS held in memory
 * (the signing key and any of earlier rotations, chosen by the token's {@code kid}) rather than
 * fetching it over HTTP from itself, as other services do with
 * {@code mp.jwt.verify.publickey.location}. Everything else (header, groups claim, clock skew)
 * stays as smallrye-jwt configures it; only RS256 is accepted, and only this service's issuer.
 */
@Singleton
public class TokenVerification {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    JWTAuthContextInfo contextInfo(JWTAuthContextInfoProvider configured, SigningKeys keys, UsersConfig config,
                                   ObjectMapper json) throws JsonProcessingException {
        JWTAuthContextInfo info = new JWTAuthContextInfo(configured.getContextInfo());
        info.setPublicKeyLocation(null);
        info.setPublicVerificationKey(null);
        // The same JWKS other services fetch, so /me accepts exactly what they accept; the token's
        // kid picks the key (the signing key, or one of an earlier rotation).
        info.setPublicKeyContent(json.writeValueAsString(keys.jwks()));
        info.setIssuedBy(config.jwt().issuer());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequireNamedPrincipal(false);
        return info;
    }
}
