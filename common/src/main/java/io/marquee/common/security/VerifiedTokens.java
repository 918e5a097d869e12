package io.marquee.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token parser smallrye-jwt verifies every request's bearer token with, reusing what it
 * verified a moment ago (ADR 0029). A signed-in client sends the same access token with each of
 * its requests, and checking it (parsing, the RS256 signature, the claims) was about a seventh of
 * the gateway's CPU per "for you" answer and a tenth of recommendation-service's.
 *
 * <p>Only a token that verified is kept, keyed by its exact text (signature included), for at most
 * {@code reuse-for} and never past its {@code exp}; anything else is verified in full every time,
 * so a forged, expired or unreadable token costs what it did. Access tokens are not revocable (15
 * minutes, docs/security.md), so reuse changes nothing but this: a key removed from the JWKS stops
 * working for tokens seen before within {@code reuse-for}. At most {@code max-tokens} are kept;
 * past that, new tokens are verified every time until kept ones age out. With {@code max-tokens}
 * 0 (the default) every call is verified.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** How often a full cache is swept of aged-out tokens, at most. */
    private static final long SWEEP_EVERY_MILLIS = 1_000;

    private final JWTParser verifier;
    private final int maxTokens;
    private final long reuseMillis;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    @Inject
    VerifiedTokens(JWTAuthContextInfo context, JWTCallerPrincipalFactory principals, VerifiedTokensConfig config) {
        this(new DefaultJWTParser(context, principals), config, System::currentTimeMillis);
    }

    /** @param clock epoch milliseconds */
    VerifiedTokens(JWTParser verifier, VerifiedTokensConfig config, LongSupplier clock) {
        this.verifier = verifier;
        this.maxTokens = config.maxTokens();
        this.reuseMillis = config.reuseFor().toMillis();
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (maxTokens <= 0 || token == null) {
            return verifier.parse(token);
        }
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.until() && now >= known.since()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken fresh = verifier.parse(token);
        keep(token, fresh, now);
        return fresh;
    }

    private void keep(String token, JsonWebToken fresh, long now) {
        // A token without a readable exp is never kept (the verifier requires one; this does not rely on it).
        if (!(fresh.getClaim(Claims.exp.name()) instanceof Number exp)) {
            return;
        }
        long until = Math.min(now + reuseMillis, exp.longValue() * 1000);
        if (until <= now) {
            return;
        }
        if (verified.size() >= maxTokens) {
            sweep(now);
            if (verified.size() >= maxTokens) {
                return;
            }
        }
        verified.put(token, new Verified(fresh, now, until));
    }

    /** Drops aged-out tokens; at most once a second, so a full cache of live tokens costs no scan per request. */
    private void sweep(long now) {
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
            return;
        }
        for (Iterator<Verified> it = verified.values().iterator(); it.hasNext(); ) {
            Verified v = it.next();
            if (now >= v.until() || now < v.since()) {
                it.remove();
            }
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /** A token that verified at {@code since}, reusable until {@code until} (epoch milliseconds). */
    private record Verified(JsonWebToken token, long since, long until) {
    }
}
