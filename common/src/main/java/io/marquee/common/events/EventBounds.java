package io.marquee.common.events;

import io.marquee.common.catalog.ItemIds;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a consumer accepts from a topic, whoever produced it. Any client of the broker can write a
 * well-formed event; these bounds keep one forged event from doing lasting harm: an id no service
 * could have made, a timestamp far in the future (it would stay "newest" for ever), a rating off
 * the scale, a change number far ahead of its user's (it would make every later real change look
 * applied before). Broker ACLs decide who may write at all; these decide what is believed.
 */
public final class EventBounds {

    /** How far ahead of this machine's clock an event time may be (producers' clocks drift). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /**
     * How far a user's change number may move past the one applied: rating-service numbers one
     * user's changes 1, 2, 3… and each is published, so a real stream only steps by one. Room is
     * left for changes a consumer never saw (a topic trimmed by retention before it started).
     */
    public static final long MAX_SEQUENCE_STEP = 1_000;
    /** User ids: a token's {@code sub} (a UUID from user-service, Cognito's too) or an anonymous visitor id. */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");
    /** Event ids: producers choose UUIDs; anything printable and short is taken. */
    public static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private EventBounds() {
    }

    public static boolean validUserId(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }

    public static boolean validEventId(String eventId) {
        return eventId != null && EVENT_ID.matcher(eventId).matches();
    }

    public static boolean validItemId(String itemId) {
        return ItemIds.valid(itemId);
    }

    /** Null (no rating) or 0.5 to 5.0 in steps of 0.5. */
    public static boolean validRatingOrNone(Double rating) {
        return rating == null || (rating >= 0.5 && rating <= 5.0 && rating * 2 == Math.rint(rating * 2));
    }

    /** A time that is known and not later than {@link #MAX_CLOCK_SKEW} after {@code now}. */
    public static boolean plausibleTime(Instant at, Instant now) {
        return at != null && !at.isAfter(now.plus(MAX_CLOCK_SKEW));
    }

    /** Whether {@code sequence} may follow {@code applied} (0 when none was applied): above it, by at most the step. */
    public static boolean plausibleNextSequence(long sequence, long applied) {
        return sequence > applied && sequence - applied <= MAX_SEQUENCE_STEP;
    }
}
