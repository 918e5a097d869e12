package io.marquee.user.throttle.service;

import io.marquee.common.problem.ProblemException;
import io.marquee.user.throttle.repository.LoginThrottleRepository;
import io.marquee.user.config.UsersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Slows password guessing, wherever a password is checked (login, and the current password that
 * {@code PATCH /me} needs to change credentials): after
 * {@code users.login-throttle.max-failures-per-account} failures for one email address, or
 * {@code max-failures-per-address} from one client address, within a window, further tries (even
 * correct ones) are refused with 429 and {@code Retry-After} until the window ends. Unknown addresses are counted like known ones, so the answers do not tell them apart.
 * Accounts are keyed by a hash of the address, so the table holds no email addresses.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginThrottleRepository repository;
    private final UsersConfig.LoginThrottle config;

    public LoginThrottle(LoginThrottleRepository repository, UsersConfig config) {
        this.repository = repository;
        this.config = config.loginThrottle();
    }

    /** Throws 429 if either the account or the client address is throttled at {@code now}. */
    public void check(String email, String clientAddress, Instant now) {
        Optional<Instant> until = blockedUntil(accountKey(email), config.maxFailuresPerAccount(), now);
        Optional<Instant> addressUntil = blockedUntil(addressKey(clientAddress), config.maxFailuresPerAddress(), now);
        if (addressUntil.isPresent() && (until.isEmpty() || addressUntil.get().isAfter(until.get()))) {
            until = addressUntil;
        }
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, until.get()).toMillis() / 1000 + 1);
            throw new TooManyAttemptsException(seconds);
        }
    }

    public void recordFailure(String email, String clientAddress, Instant now) {
        repository.recordFailure(accountKey(email), now, config.window());
        repository.recordFailure(addressKey(clientAddress), now, config.window());
    }

    /** A successful login clears the account's count; the address keeps its own (one address, many accounts). */
    public void recordSuccess(String email) {
        repository.clear(accountKey(email));
    }

    private Optional<Instant> blockedUntil(String key, int maxFailures, Instant now) {
        return repository.current(key, now).filter(w -> w.failures() >= maxFailures)
                .map(LoginThrottleRepository.Window::ends);
    }

    static String accountKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return "account#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String addressKey(String clientAddress) {
        return "address#" + clientAddress;
    }

    /** 429 with the seconds until the caller may try again. */
    public static class TooManyAttemptsException extends ProblemException {

        private final long retryAfterSeconds;

        TooManyAttemptsException(long retryAfterSeconds) {
            super(429, "Too many requests", "Too many failed logins; try again in " + retryAfterSeconds + " seconds",
                    List.of());
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
