package io.marquee.rating.service;

import io.marquee.common.catalog.ItemIds;
import io.marquee.common.events.EventBounds;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The limits every rating, review and id obeys, in one place. */
public final class RatingRules {

    public static final BigDecimal MIN = new BigDecimal("0.5");
    public static final BigDecimal MAX = new BigDecimal("5.0");
    public static final String RATING_MESSAGE = "must be from 0.5 to 5.0 in steps of 0.5";
    /** Review length in Unicode code points (an emoji is one), after trimming. */
    public static final int MAX_REVIEW_CODE_POINTS = 2000;
    /** Item ids: catalog-service's own rule, so an id it could never hold is refused without asking it. */
    public static final String ITEM_ID_REGEX = ItemIds.REGEX;
    public static final String ITEM_ID_MESSAGE = ItemIds.MESSAGE;
    /** User ids as they come in a token's {@code sub}: safe in keys, cursors and logs. */
    public static final Pattern USER_ID = EventBounds.USER_ID;

    private RatingRules() {
    }

    /** Whether {@code value} is a rating: 0.5 to 5.0 in steps of 0.5. */
    public static boolean isRating(BigDecimal value) {
        if (value == null || value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            return false;
        }
        // In range, so doubling is cheap; a whole number after doubling is a half step.
        return value.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0;
    }

    /** A review as stored: trimmed, and null when nothing is left. */
    public static String normalizeReview(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.isEmpty() ? null : text;
    }
}
