package io.marquee.user.storage;

import io.marquee.user.config.UsersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The names of this service's tables; nobody else reads or writes them. */
@ApplicationScoped
public class UserTables {

    /** Accounts by user id: profile, password hash, version. */
    public static final String USERS = "users";
    /** One claim per email address (key {@code email}) naming its account: what makes emails unique. */
    public static final String EMAILS = "user-emails";
    /** Refresh tokens by hash and their families (key {@code id}); expire by TTL. */
    public static final String REFRESH_TOKENS = "user-refresh-tokens";
    /** Failed-login counters per account and per client address (key {@code id}); expire by TTL. */
    public static final String LOGIN_THROTTLE = "user-login-throttle";
    /** Recently viewed and rated items, one row per user. */
    public static final String HISTORY = "user-history";

    private final String prefix;

    public UserTables(UsersConfig config) {
        this.prefix = config.tablePrefix();
    }

    public String users() {
        return prefix + USERS;
    }

    public String emails() {
        return prefix + EMAILS;
    }

    public String refreshTokens() {
        return prefix + REFRESH_TOKENS;
    }

    public String loginThrottle() {
        return prefix + LOGIN_THROTTLE;
    }

    public String history() {
        return prefix + HISTORY;
    }

    public List<String> all() {
        return List.of(users(), emails(), refreshTokens(), loginThrottle(), history());
    }
}
