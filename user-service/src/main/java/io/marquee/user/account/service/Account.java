package io.marquee.user.account.service;

import java.time.Instant;

/**
 * An account as stored. Internal: it holds the password hash, so it never leaves the service;
 * {@link #profile()} is what clients see.
 *
 * @param version            increases on every change; the optimistic-concurrency guard
 * @param credentialsVersion increases when the email or password changes; refresh tokens issued
 *                           before that stop working
 * @param admin              whether the account holds the admin role. A property of the account,
 *                           changed only by an admin ({@code /admin/admins}) or created by the
 *                           operator's bootstrap, never derived from a field the user controls
 */
public record Account(String id, String name, String email, int age, String gender, String passwordHash,
                      Instant createdAt, Instant updatedAt, long version, long credentialsVersion, boolean admin) {

    public Profile profile() {
        return new Profile(id, name, email, age, gender, createdAt);
    }

    @Override
    public String toString() {
        // Records print every component; keep the hash (and the email) out of any log line.
        return "Account[id=" + id + ", version=" + version + "]";
    }
}
