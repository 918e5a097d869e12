package io.marquee.user.throttle.service;

import io.marquee.common.problem.ProblemException;
import io.marquee.user.throttle.repository.LoginThrottleRepository;
import io.marquee.user.config.UsersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import io.marquee.common.security.Digests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows password guessing, wherever a password is checked (login, and the current password that
 * {@code PATCH /me} needs to change credentials, an email change to a taken address included): after
 * {@code users.login-throttle.max-failures-per-account} failures for one email address, or
 * {@code max-failures-per-address} from one client address, within a window, further tries (even
 * correct ones) are refused with 429 and {@code Retry-After} until the window ends. Attempts are
 * counted before the password is checked, so parallel guesses cannot slip past the count. Unknown addresses are counted like known ones, so the answers do not tell them apart.
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

    /**
     * Counts an attempt for the account and for the client address <em>before</em> its password is
     * checked, atomically: of any number of parallel attempts, at most the configured number per
     * window reach the password check. Throws 429 when either budget is used up (and then counts
     * nothing). A failed check needs no further call; a successful one calls {@link #succeeded}.
     */
    public void begin(String email, String clientAddress, Instant now) {
        String account = accountKey(email);
        Optional<Instant> until = repository.tryCount(account, config.maxFailuresPerAccount(), now, config.window());
        if (until.isEmpty()) {
            until = repository.tryCount(addressKey(clientAddress), config.maxFailuresPerAddress(), now,
                    config.window());
            if (until.isPresent()) {
                repository.uncount(account); // this attempt is not evaluated: the account did not spend it
            }
        }
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, until.get()).toMillis() / 1000 + 1);
            throw new TooManyAttemptsException(seconds);
        }
    }

    /**
     * The attempt begun for {@code email} from {@code clientAddress} had the right password: the
     * account's count is cleared, and the address gets its attempt back (one address, many
     * accounts: other failures from it still count).
     */
    public void succeeded(String email, String clientAddress) {
        repository.clear(accountKey(email));
        repository.uncount(addressKey(clientAddress));
    }

    static String accountKey(String email) {
        return "account#" + Digests.sha256Hex(email);
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
