package io.marquee.rating.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.problem.ProblemException;
import io.marquee.rating.repository.RatingRepository;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor: {@code {"q":query,"k":lastIndexKey}} as JSON, base64url without
 * padding. {@code q} names the listing ({@code me:<userId>} or {@code item:<itemId>}), so a cursor
 * only continues the listing it came from: another user's cursor is refused, not followed.
 */
record Cursor(String q, String k) {

    static final int MAX_LENGTH = 512;
    static final String FIELD = "cursor";
    static final String MALFORMED = "is malformed or belongs to another listing";
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cursor is always serializable", e);
        }
    }

    /** The last index key of the previous page, if {@code text} is a cursor of {@code query}. */
    static String decode(String text, String query) {
        if (text.length() > MAX_LENGTH) {
            throw ProblemException.invalid(FIELD, MALFORMED);
        }
        Cursor cursor;
        try {
            byte[] json = Base64.getUrlDecoder().decode(text);
            cursor = JSON.readValue(new String(json, StandardCharsets.UTF_8), Cursor.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw ProblemException.invalid(FIELD, MALFORMED);
        }
        if (cursor == null || !query.equals(cursor.q()) || cursor.k() == null
                || !RatingRepository.isIndexKey(cursor.k()) || !safe(cursor.k().substring(14))) {
            throw ProblemException.invalid(FIELD, MALFORMED);
        }
        return cursor.k();
    }

    private static boolean safe(String id) {
        return id.matches(RatingRules.ITEM_ID_REGEX) || RatingRules.USER_ID.matcher(id).matches();
    }
}
