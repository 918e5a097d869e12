package io.marquee.user.history.service;

import io.marquee.user.account.repository.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a user id belongs to an account, remembered per id. Histories are kept only for
 * accounts: the interactions topic also carries anonymous visitors and imported history (the
 * devstack's demo users, a MovieLens import), which nobody can ever log in to read, and writing a
 * history row for each of those events would hold the consumer back for minutes after a burst.
 *
 * <p>Caching "no account" is safe because user ids are made by sign-up (random UUIDs): an event
 * cannot name an account id before that account exists. The memory is bounded by forgetting
 * everything when it fills up.
 */
@ApplicationScoped
public class KnownAccounts {

    static final int MAX_REMEMBERED = 200_000;

    private final AccountRepository accounts;
    private final Map<String, Boolean> remembered = new ConcurrentHashMap<>();

    public KnownAccounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public boolean exists(String userId) {
        Boolean known = remembered.get(userId);
        if (known != null) {
            return known;
        }
        boolean exists = accounts.findById(userId).isPresent();
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(userId, exists);
        return exists;
    }
}
