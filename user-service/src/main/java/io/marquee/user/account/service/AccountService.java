package io.marquee.user.account.service;

import io.marquee.common.problem.ProblemException;
import io.marquee.user.account.repository.AccountRepository;
import io.marquee.user.throttle.service.LoginThrottle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Sign-up, profile reads and changes. Inputs arrive validated (Bean Validation on the request records). */
@ApplicationScoped
public class AccountService {

    /** How often a write that lost a race is retried before the client is told to try again. */
    static final int MAX_ATTEMPTS = 10;

    private final AccountRepository repository;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Clock clock = Clock.systemUTC();
    private final Counter signups;

    public AccountService(AccountRepository repository, Passwords passwords, LoginThrottle throttle,
                          MeterRegistry metrics) {
        this.repository = repository;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signups = Counter.builder("users.signups").description("Accounts created").register(metrics);
    }

    /** A new account. Answers 409 if the email address is taken, also when two sign-ups race for it. */
    public Profile signUp(String name, int age, String gender, String email, String password) {
        return create(name, age, gender, email, password, false).profile();
    }

    /**
     * A new account, holding the admin role if {@code admin}: only {@link AdminBootstrap} asks for
     * one, for an address no account held.
     */
    Account create(String name, int age, String gender, String email, String password, boolean admin) {
        Instant now = now();
        Account account = new Account(UUID.randomUUID().toString(), cleanName(name), normalizeEmail(email), age,
                gender, passwords.hash(password), now, now, 1, 1, admin);
        for (int attempt = 1; ; attempt++) {
            try {
                repository.create(account);
                signups.increment();
                return account;
            } catch (EmailTakenException e) {
                throw emailTaken();
            } catch (ConcurrentUpdateException e) {
                // Both sides of a race on one claim may be cancelled; the retry sees who won.
                if (attempt >= MAX_ATTEMPTS) {
                    throw ProblemException.conflict("The account could not be created right now; try again");
                }
                backOff(attempt);
            }
        }
    }

    public Profile profile(String userId) {
        return account(userId).profile();
    }

    public Account account(String userId) {
        return find(userId).orElseThrow(() -> ProblemException.notFound("No account with id " + userId));
    }

    public Optional<Account> find(String userId) {
        return repository.findById(userId);
    }

    /** The account holding {@code email} (any case), if any. */
    public Optional<Account> findByEmail(String email) {
        return repository.findByEmail(normalizeEmail(email));
    }

    /**
     * Applies the fields of a patch that are present, all or nothing. A new email or password needs
     * the current password, which is checked under the same throttle as logins: a stolen access
     * token must not become a way to guess the password. The attempt stays counted until the change
     * is stored, so an email change refused because another account holds the address (409) costs an
     * attempt as a wrong password does: that 409 tells whether an address has an account, which
     * sign-up allows only a few times an hour, and must not be had here at the rate of writes.
     */
    public Profile patch(String userId, String name, Integer age, String gender, String email, String password,
                         String currentPassword, String clientAddress) {
        boolean credentials = email != null || password != null;
        long verifiedCredentials = -1;
        if (credentials) {
            Account current = account(userId);
            verifyCurrentPassword(current, currentPassword, clientAddress);
            verifiedCredentials = current.credentialsVersion();
        }
        for (int attempt = 1; ; attempt++) {
            Account previous = account(userId);
            if (credentials && previous.credentialsVersion() != verifiedCredentials) {
                // The password this request proved is no longer the password.
                throw ProblemException.conflict("The email or password changed meanwhile; try again");
            }
            String newEmail = email == null ? previous.email() : normalizeEmail(email);
            boolean credentialsChange = !newEmail.equals(previous.email()) || password != null;
            Account updated = new Account(previous.id(),
                    name == null ? previous.name() : cleanName(name),
                    newEmail,
                    age == null ? previous.age() : age,
                    gender == null ? previous.gender() : gender,
                    password == null ? previous.passwordHash() : passwords.hash(password),
                    previous.createdAt(), now(), previous.version() + 1,
                    previous.credentialsVersion() + (credentialsChange ? 1 : 0),
                    // The role stays what it was: an email address never grants or revokes it.
                    previous.admin());
            try {
                repository.update(previous, updated);
                if (credentials) {
                    throttle.succeeded(previous.email(), clientAddress);
                }
                return updated.profile();
            } catch (EmailTakenException e) {
                throw emailTaken();
            } catch (ConcurrentUpdateException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw ProblemException.conflict("The account is being changed elsewhere; try again");
                }
                backOff(attempt);
            }
        }
    }

    /**
     * Grants ({@code admin} true) or revokes the admin role of the account holding {@code email}.
     * Only admins reach this ({@code /admin/admins}); no admin can revoke their own role, so the
     * last admin cannot lock everyone out by mistake.
     */
    public Account setAdmin(String email, boolean admin, String actingUserId) {
        Account target = findByEmail(email).orElseThrow(() ->
                ProblemException.notFound("No account with this email address"));
        if (!admin && target.id().equals(actingUserId)) {
            throw ProblemException.conflict("An admin cannot revoke their own admin role; ask another admin");
        }
        repository.setAdmin(target.id(), admin, now());
        return account(target.id());
    }

    /**
     * Counts an attempt under the login throttle and checks the password; the caller clears the
     * attempt ({@link LoginThrottle#succeeded}) only once the change is stored.
     */
    private void verifyCurrentPassword(Account account, String currentPassword, String clientAddress) {
        if (currentPassword == null) {
            throw ProblemException.invalid("currentPassword", "must be given to change the email or password");
        }
        Instant now = now();
        throttle.begin(account.email(), clientAddress, now);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "is not the current password");
        }
    }

    /** Email addresses are compared and stored in lower case (Locale.ROOT: no Turkish dotless i). */
    public static String normalizeEmail(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static String cleanName(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    }

    private static ProblemException emailTaken() {
        return new ProblemException(409, "Conflict", "An account with this email address already exists",
                java.util.List.of(new io.marquee.common.problem.Problem.FieldError("email", "is already registered")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
