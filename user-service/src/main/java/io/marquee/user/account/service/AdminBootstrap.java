package io.marquee.user.account.service;

import io.marquee.user.config.UsersConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Makes the first admin of a fresh installation ({@code users.bootstrap-admin.*}): creates an
 * account for the configured address, holding the admin role, when no account holds it. An
 * account that already holds the address is left as it is: its owner may have picked the address
 * (sign-up and {@code PATCH /me} accept any free address, unverified), so an address alone never
 * grants a role. Runs after the tables exist and before the HTTP server takes requests.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    /** The setting that granted admin by address until the role became a property of the account. */
    static final String RETIRED_ADMIN_EMAILS = "users.admin-emails";

    /** What a bootstrap run did. */
    public enum Outcome { CREATED, ALREADY_ADMIN, HELD_BY_ANOTHER_ACCOUNT }

    private final AccountService accounts;
    private final UsersConfig.BootstrapAdmin config;
    private final Config rawConfig;

    public AdminBootstrap(AccountService accounts, UsersConfig config, Config rawConfig) {
        this.accounts = accounts;
        this.config = config.bootstrapAdmin();
        this.rawConfig = rawConfig;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        refuseRetiredSetting(rawConfig.getOptionalValue(RETIRED_ADMIN_EMAILS, String.class));
        if (config.email().isEmpty()) {
            return;
        }
        String password = config.password().filter(p -> !p.isBlank()).orElseThrow(() -> new IllegalStateException(
                "users.bootstrap-admin.email is set but users.bootstrap-admin.password "
                        + "(USERS_BOOTSTRAP_ADMIN_PASSWORD) is not: the account it creates needs a password"));
        if (password.length() < AccountRules.PASSWORD_MIN_CHARACTERS) {
            throw new IllegalStateException("users.bootstrap-admin.password must have at least "
                    + AccountRules.PASSWORD_MIN_CHARACTERS + " characters");
        }
        ensure(config.email().get(), password);
    }

    /**
     * An operator who still lists addresses there expects them to be admins; starting anyway would
     * silently take the role away (or, read the old way, hand it to whoever claims the address).
     */
    public static void refuseRetiredSetting(Optional<String> adminEmails) {
        if (adminEmails.filter(v -> !v.isBlank()).isPresent()) {
            throw new IllegalStateException(RETIRED_ADMIN_EMAILS + " (USERS_ADMIN_EMAILS) is no longer honoured: "
                    + "the admin role is a property of the account. Remove the setting; make the first admin with "
                    + "users.bootstrap-admin.email/password and grant others with ./marquee admin grant <email> "
                    + "(docs/security.md)");
        }
    }

    /** Creates {@code email}'s account as an admin if no account holds the address. */
    public Outcome ensure(String email, String password) {
        Optional<Account> holder = accounts.findByEmail(email);
        if (holder.isPresent()) {
            if (holder.get().admin()) {
                return Outcome.ALREADY_ADMIN;
            }
            LOG.warnf("users.bootstrap-admin.email names an address held by account %s, which the bootstrap did "
                    + "not create: no role granted. An admin grants it with ./marquee admin grant <email>",
                    holder.get().id());
            return Outcome.HELD_BY_ANOTHER_ACCOUNT;
        }
        try {
            Account created = accounts.create("Administrator", AccountRules.AGE_MIN, "unspecified", email, password,
                    true);
            LOG.infof("bootstrap admin account %s created", created.id());
            return Outcome.CREATED;
        } catch (io.marquee.common.problem.ProblemException taken) {
            // Another replica (or a sign-up) took the address between our read and our write.
            return accounts.findByEmail(email).map(a -> a.admin() ? Outcome.ALREADY_ADMIN
                    : Outcome.HELD_BY_ANOTHER_ACCOUNT).orElseThrow(() -> taken);
        }
    }
}
