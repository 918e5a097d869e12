package io.marquee.testsupport;

import io.marquee.common.security.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes a service under test verify tokens exactly as in production, against the JWKS of
 * {@link TestTokens} instead of user-service's.
 */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", TestTokens.jwksFile().toUri().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER);
    }

    @Override
    public void stop() {
        // The key file is deleted when the JVM exits; other test classes of this JVM may still use it.
    }
}
