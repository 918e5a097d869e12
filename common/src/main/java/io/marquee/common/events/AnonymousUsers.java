package io.marquee.common.events;

/**
 * The user ids of signed-out visitors on {@link Topics#INTERACTIONS}: {@code anonymous:<sessionId>},
 * as event-ingest-service writes them, in the key and in the event's {@code userId}. Shared so that a
 * consumer can drop such a record by its key before parsing it: no account id has this prefix (ids
 * are UUIDs), so nothing kept per account, such as a history, ever concerns one.
 */
public final class AnonymousUsers {

    public static final String PREFIX = "anonymous:";

    private AnonymousUsers() {
    }

    /** The user id of the signed-out visitor of session {@code sessionId}. */
    public static String of(String sessionId) {
        return PREFIX + sessionId;
    }

    /** Whether {@code userId} (or a record key) names a signed-out visitor; false for null. */
    public static boolean is(String userId) {
        return userId != null && userId.startsWith(PREFIX);
    }
}
