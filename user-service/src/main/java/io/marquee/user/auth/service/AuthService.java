package io.marquee.user.auth.service;

import io.marquee.common.problem.ProblemException;
import io.marquee.user.account.service.Account;
import io.marquee.user.account.service.AccountService;
import io.marquee.user.account.service.Passwords;
import io.marquee.user.auth.repository.RefreshTokenRepository;
import io.marquee.user.config.UsersConfig;
import io.marquee.user.throttle.service.LoginThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.marquee.common.security.Digests;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Login and token refresh. A login answers the same 401 whether the email is unknown or the
 * password wrong (and spends the same bcrypt time); refresh tokens are single-use, and presenting
 * one that was already exchanged revokes its whole family, the thief's copy and the owner's alike.
 */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);
    private static final int REFRESH_TOKEN_BYTES = 32;

    private final AccountService accounts;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final TokenIssuer issuer;
    private final RefreshTokenRepository refreshTokens;
    private final Duration refreshLifetime;
    private final Duration sessionLifetime;
    private final MeterRegistry metrics;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public AuthService(AccountService accounts, Passwords passwords, LoginThrottle throttle, TokenIssuer issuer,
                       RefreshTokenRepository refreshTokens, UsersConfig config, MeterRegistry metrics) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.refreshLifetime = config.jwt().refreshTokenLifetime();
        this.sessionLifetime = config.jwt().sessionLifetime();
        this.metrics = metrics;
    }

    public TokenResponse login(String email, String password, String clientAddress) {
        String normalized = AccountService.normalizeEmail(email);
        Instant now = now();
        try {
            throttle.begin(normalized, clientAddress, now);
        } catch (LoginThrottle.TooManyAttemptsException e) {
            count("logins", "throttled");
            throw e;
        }
        Optional<Account> account = accounts.findByEmail(normalized);
        boolean matches = passwords.matches(password, account.map(Account::passwordHash).orElse(null));
        if (account.isEmpty() || !matches) {
            count("logins", "failure");
            throw invalidCredentials();
        }
        throttle.succeeded(normalized, clientAddress);
        count("logins", "success");
        String familyId = UUID.randomUUID().toString();
        String refreshToken = newRefreshToken();
        Instant expiresAt = earlier(now.plus(refreshLifetime), now.plus(sessionLifetime));
        refreshTokens.createFamily(new RefreshGrant(hash(refreshToken), account.get().id(), familyId,
                account.get().credentialsVersion(), expiresAt, false), now);
        return response(account.get(), refreshToken, expiresAt, now);
    }

    public TokenResponse refresh(String refreshToken) {
        Instant now = now();
        String tokenHash = hash(refreshToken);
        RefreshGrant used = refreshTokens.find(tokenHash).orElseThrow(AuthService::invalidRefreshToken);
        if (!used.expiresAt().isAfter(now)) {
            throw refused("expired");
        }
        if (used.rotated()) {
            revoke(used, now);
            throw refused("reused");
        }
        Optional<Instant> sessionStart = refreshTokens.liveFamilyStart(used.familyId());
        if (sessionStart.isEmpty()) {
            throw refused("revoked");
        }
        // However often it is refreshed, a session ends this long after its login.
        Instant sessionEnds = sessionStart.get().plus(sessionLifetime);
        if (!sessionEnds.isAfter(now)) {
            throw refused("session-ended");
        }
        Account account = accounts.find(used.userId()).orElseThrow(() -> refused("account-gone"));
        if (account.credentialsVersion() != used.credentialsVersion()) {
            // The password or email changed since this session began.
            throw refused("credentials-changed");
        }
        String next = newRefreshToken();
        RefreshGrant nextGrant = new RefreshGrant(hash(next), used.userId(), used.familyId(),
                used.credentialsVersion(), earlier(now.plus(refreshLifetime), sessionEnds), false);
        Optional<RefreshTokenRepository.Refusal> refusal = refreshTokens.rotate(used, nextGrant, now);
        if (refusal.isPresent()) {
            if (refusal.get() == RefreshTokenRepository.Refusal.ALREADY_ROTATED) {
                // Two exchanges of one token at the same moment: one of them is not the owner.
                revoke(used, now);
            }
            throw refused(refusal.get().name().toLowerCase(java.util.Locale.ROOT));
        }
        count("refreshes", "success");
        return response(account, next, nextGrant.expiresAt(), now);
    }

    /**
     * Ends the session {@code refreshToken} belongs to: every token of its family stops working.
     * Unknown, expired and already-ended sessions are not told apart from live ones.
     */
    public void logout(String refreshToken) {
        Instant now = now();
        refreshTokens.find(hash(refreshToken)).ifPresent(grant -> {
            try {
                refreshTokens.revokeFamily(grant.familyId(), now);
                count("logouts", "success");
            } catch (ConditionalCheckFailedException alreadyGone) {
                LOG.debugf("family %s has already expired", grant.familyId());
            }
        });
    }

    private TokenResponse response(Account account, String refreshToken, Instant refreshExpiresAt, Instant now) {
        return new TokenResponse(issuer.accessToken(account, now), "Bearer", issuer.accessTokenSeconds(),
                refreshToken, Math.max(0, Duration.between(now, refreshExpiresAt).toSeconds()), account.id());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private void revoke(RefreshGrant used, Instant now) {
        LOG.warnf("refresh token of family %s was presented again after rotation; revoking the family",
                used.familyId());
        try {
            refreshTokens.revokeFamily(used.familyId(), now);
        } catch (ConditionalCheckFailedException alreadyGone) {
            LOG.debugf("family %s has already expired", used.familyId());
        }
    }

    private ProblemException refused(String why) {
        count("refreshes", why);
        return invalidRefreshToken();
    }

    private void count(String what, String outcome) {
        metrics.counter("users." + what, "outcome", outcome).increment();
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[REFRESH_TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only this digest is stored: a leaked table does not yield usable tokens. */
    static String hash(String refreshToken) {
        return Digests.sha256Hex(refreshToken);
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(401, "Unauthorized", "The email address or the password is wrong", List.of());
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(401, "Unauthorized",
                "The refresh token is unknown, expired, revoked or already used; log in again", List.of());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
