package io.marquee.user.config;

import io.marquee.common.security.Tokens;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything user-service can be told from outside ({@code users.*}, environment {@code USERS_*}).
 * The defaults are production's; {@code docs/security.md} explains the security-relevant ones.
 */
@ConfigMapping(prefix = "users")
public interface UsersConfig {

    /**
     * Prefix of this service's DynamoDB table names, so several environments can share one
     * account: tables are {@code <prefix>users}, {@code <prefix>user-emails}, ...
     */
    @WithDefault("marquee-")
    String tablePrefix();

    /**
     * Create the tables at startup when they are absent (and wait until they are ACTIVE). Off in
     * production, where the tables are provisioned beforehand (helm/iam/terraform) and the role has
     * no CreateTable; on in dev, tests and the devstack ({@code marquee.dynamodb.create-tables},
     * env {@code MARQUEE_DYNAMODB_CREATE_TABLES}, in application.properties).
     */
    @WithDefault("false")
    boolean createTablesAtStartup();

    /**
     * The first admin, for a fresh installation (Helm: a value and a Secret). Further admins are
     * granted by an admin ({@code PUT /admin/admins/{email}}, {@code ./marquee admin grant}).
     */
    BootstrapAdmin bootstrapAdmin();

    /** Password hashing. */
    Password password();

    /** Signing and lifetimes of the tokens this service issues. */
    Jwt jwt();

    /** Throttling of failed logins. */
    LoginThrottle loginThrottle();

    /** Which client address a request is attributed to. */
    ClientAddress clientAddress();

    /** The recently viewed and recently rated lists. */
    History history();

    interface BootstrapAdmin {
        /**
         * At startup, when no account holds this address, an account with it is created holding
         * the admin role ({@code USERS_BOOTSTRAP_ADMIN_EMAIL}). When an account already holds the
         * address nothing is granted: whoever holds it may have chosen it themselves (sign-up and
         * {@code PATCH /me} take any free address, unverified), so only the bootstrap's own
         * account becomes admin this way.
         */
        Optional<String> email();

        /**
         * The password of the account the bootstrap creates ({@code USERS_BOOTSTRAP_ADMIN_PASSWORD},
         * from a Secret); required with {@link #email()}. Change it after the first login.
         */
        Optional<String> password();
    }

    interface Password {
        /**
         * bcrypt cost (log2 of the rounds), 4..31. Each step doubles the time of a hash, for us and
         * for anyone guessing passwords from a stolen table; OWASP asks for at least 10.
         */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Jwt {
        /** The {@code iss} claim of issued tokens, and the only issuer this service accepts on {@code /me}. */
        @WithDefault(Tokens.ISSUER)
        String issuer();

        /** How long an access token is valid. Short, because an access token cannot be revoked. */
        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /** How long a refresh token is valid; each use replaces it with a new one. */
        @WithDefault("P30D")
        Duration refreshTokenLifetime();

        /**
         * The longest a session (a login and all its refreshes) lasts, however often it is
         * refreshed: a stolen refresh token that is kept fresh still dies then. Log in again after it.
         */
        @WithDefault("P90D")
        Duration sessionLifetime();

        /**
         * Production: a PEM file (PKCS#8, RSA, at least 2048 bits) holding the signing key,
         * usually a mounted Kubernetes Secret ({@code USERS_JWT_PRIVATE_KEY_LOCATION}). Takes
         * precedence over {@link #keyDir()}.
         */
        Optional<Path> privateKeyLocation();

        /**
         * Development and tests: a directory where a signing key is generated on first start and
         * reused afterwards ({@code USERS_JWT_KEY_DIR}; the devstack uses
         * {@code <data dir>/user-service/keys}). Never point it inside the repository.
         */
        Optional<Path> keyDir();

        /**
         * Public keys (PEM, {@code -----BEGIN PUBLIC KEY-----}) of signing keys that were replaced
         * recently ({@code USERS_JWT_PREVIOUS_PUBLIC_KEY_LOCATIONS}, comma-separated). They are
         * published in the JWKS and accepted on {@code /me} but never sign, so a key can be rotated
         * without failing the access tokens it signed; drop them once those have expired.
         */
        Optional<List<Path>> previousPublicKeyLocations();

        /**
         * The {@code kid} of the signing key in the JWKS and in token headers. By default the
         * key's RFC 7638 thumbprint, so a new key automatically gets a new id.
         */
        Optional<String> keyId();
    }

    interface LoginThrottle {
        /** The window failed logins are counted in; a throttled caller waits until it ends. */
        @WithDefault("PT15M")
        Duration window();

        /** Failed logins for one email address within a window before further tries are refused. */
        @WithDefault("5")
        int maxFailuresPerAccount();

        /**
         * Failed logins from one client address within a window before further tries are refused.
         * Higher than per account: several people may share an address (an office, a NAT).
         */
        @WithDefault("20")
        int maxFailuresPerAddress();
    }

    interface ClientAddress {
        /**
         * Peers whose {@code X-Forwarded-For} header is believed (addresses or CIDR ranges, e.g.
         * the gateway's pod network). For a request from anyone else the peer address itself is
         * the client: trusting the header from everyone would let a caller pick a fresh address
         * for every password guess. Empty by default.
         */
        Optional<List<String>> trustedProxies();
    }

    interface History {
        /** Entries kept per list (recently viewed, recently rated). */
        @WithDefault("50")
        int maxEntries();
    }
}
