package io.marquee.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A verified token is reused for a short while, never past its expiry; nothing else ever is. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final Verifier verifier = new Verifier();

    private VerifiedTokens tokens(int maxTokens, Duration reuseFor) {
        return new VerifiedTokens(verifier, new VerifiedTokensConfig() {
            @Override
            public int maxTokens() {
                return maxTokens;
            }

            @Override
            public Duration reuseFor() {
                return reuseFor;
            }
        }, clock::get);
    }

    @Test
    void aTokenThatVerifiedIsReusedWithinTheWindowThenVerifiedAgain() throws Exception {
        VerifiedTokens tokens = tokens(100, Duration.ofSeconds(60));
        verifier.valid("a", NOW / 1000 + 900);

        JsonWebToken first = tokens.parse("a");
        clock.addAndGet(59_000);
        assertThat(tokens.parse("a")).isSameAs(first);
        assertThat(verifier.verifications("a")).isEqualTo(1);

        clock.addAndGet(1_000);
        tokens.parse("a");
        assertThat(verifier.verifications("a")).isEqualTo(2);
    }

    @Test
    void aTokenIsNeverReusedPastItsExpiry() throws Exception {
        VerifiedTokens tokens = tokens(100, Duration.ofSeconds(60));
        verifier.valid("short", NOW / 1000 + 10);

        tokens.parse("short");
        clock.addAndGet(9_000);
        tokens.parse("short");
        assertThat(verifier.verifications("short")).isEqualTo(1);

        clock.addAndGet(1_000);
        verifier.expired("short");
        assertThatThrownBy(() -> tokens.parse("short")).isInstanceOf(ParseException.class);
        assertThat(verifier.verifications("short")).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsVerifiedEveryTime() {
        VerifiedTokens tokens = tokens(100, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.verifications("forged")).isEqualTo(3);
    }

    @Test
    void atMostMaxTokensAreKeptAndAgedOutOnesMakeRoom() throws Exception {
        VerifiedTokens tokens = tokens(2, Duration.ofSeconds(60));
        for (String t : new String[] {"a", "b", "c"}) {
            verifier.valid(t, NOW / 1000 + 900);
            tokens.parse(t);
            tokens.parse(t);
        }
        assertThat(verifier.verifications("a")).isEqualTo(1);
        assertThat(verifier.verifications("b")).isEqualTo(1);
        // Full: the third is verified each time rather than pushing a live one out.
        assertThat(verifier.verifications("c")).isEqualTo(2);

        clock.addAndGet(60_000);
        tokens.parse("c");
        tokens.parse("c");
        assertThat(verifier.verifications("c")).isEqualTo(3);
    }

    @Test
    void withNoRoomConfiguredEveryCallIsVerified() throws Exception {
        VerifiedTokens tokens = tokens(0, Duration.ofSeconds(60));
        verifier.valid("a", NOW / 1000 + 900);
        tokens.parse("a");
        tokens.parse("a");
        assertThat(verifier.verifications("a")).isEqualTo(2);
    }

    @Test
    void aClockThatWentBackDoesNotStretchTheWindow() throws Exception {
        VerifiedTokens tokens = tokens(100, Duration.ofSeconds(60));
        verifier.valid("a", NOW / 1000 + 900);
        tokens.parse("a");
        clock.addAndGet(-1_000);
        tokens.parse("a");
        assertThat(verifier.verifications("a")).isEqualTo(2);
    }

    /** Stands in for smallrye-jwt's parser: counts verifications, refuses what it was not told is valid. */
    private static final class Verifier implements JWTParser {

        private final Map<String, Long> expiries = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();

        void valid(String token, long exp) {
            expiries.put(token, exp);
        }

        void expired(String token) {
            expiries.remove(token);
        }

        int verifications(String token) {
            return counts.getOrDefault(token, 0);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            counts.merge(token, 1, Integer::sum);
            Long exp = expiries.get(token);
            if (exp == null) {
                throw new ParseException("refused");
            }
            return new Token(token, exp);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    private record Token(String raw, long exp) implements JsonWebToken {

        @Override
        public String getName() {
            return raw;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of(Claims.exp.name());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return Claims.exp.name().equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }
}
