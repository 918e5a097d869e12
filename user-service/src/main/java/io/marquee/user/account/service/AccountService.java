package io.marquee.user.account.service;

import io.marquee.common.problem.ProblemException;
import io.marquee.user.account.repository.AccountRepository;
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
    private final Clock clock = Clock.systemUTC();
    private final Counter signups;

    public AccountService(AccountRepository repository, Passwords passwords, MeterRegistry metrics) {
        this.repository = repository;
        this.passwords = passwords;
        this.signups = Counter.builder("users.signups").description("Accounts created").register(metrics);
    }

    /** A new account. Answers 409 if the email address is taken, also when two sign-ups race for it. */
    public Profile signUp(String name, int age, String gender, String email, String password) {
        Instant now = now();
        Account account = new Account(UUID.randomUUID().toString(), cleanName(name), normalizeEmail(email), age,
                gender, passwords.hash(password), now, now, 1, 1);
        for (int attempt = 1; ; attempt++) {
            try {
                repository.create(account);
                signups.increment();
                return account.profile();
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
        return repository.findById(userId)
                .orElseThrow(() -> ProblemException.notFound("No account with id " + userId));
    }

    /** The account holding {@code email} (any case), if any. */
    public Optional<Account> findByEmail(String email) {
        return repository.findByEmail(normalizeEmail(email));
    }

    /** Applies the fields of a patch that are present, all or nothing. */
    public Profile patch(String userId, String name, Integer age, String gender, String email, String password,
                         String currentPassword) {
        boolean credentials = email != null || password != null;
        for (int attempt = 1; ; attempt++) {
            Account previous = account(userId);
            if (credentials && !passwords.matches(currentPassword, previous.passwordHash())) {
                throw ProblemException.invalid("currentPassword",
                        "must be given and be the current password to change the email or password");
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
                    previous.credentialsVersion() + (credentialsChange ? 1 : 0));
            try {
                repository.update(previous, updated);
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
