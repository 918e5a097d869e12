package io.marquee.ingest.ingest.service;

import io.marquee.common.events.AnonymousUsers;

/**
 * Who an event belongs to. Signed-in users are their token's subject; a signed-out visitor is
 * {@code anonymous:<sessionId>} on the topic (the {@code interactions} key must name someone, and
 * no account id has this prefix; the prefix lives in {@link AnonymousUsers} so consumers can skip
 * those records by key), and no user at all at Personalize's tracker, which attributes the session
 * to the user once the same session sends an event with a user id.
 */
public final class Visitors {

    private Visitors() {
    }

    public static String anonymous(String sessionId) {
        return AnonymousUsers.of(sessionId);
    }

    public static boolean isAnonymous(String userId) {
        return userId == null || AnonymousUsers.is(userId);
    }
}
