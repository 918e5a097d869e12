package io.marquee.catalog.item.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque listing cursor: {@code {"b":bucket,"k":lastSortKey}} as JSON, base64url without
 * padding. A cursor only continues the query it came from.
 */
record Cursor(String b, String k) {

    static final int MAX_LENGTH = 512;
    static final String FIELD = "cursor";
    static final String MALFORMED = "is malformed or belongs to another query";
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cursor is always serializable", e);
        }
    }

    /** The last sort key of the previous page, if {@code text} is a cursor of {@code bucket}. */
    static String decode(String text, String bucket) {
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
        if (cursor == null || !bucket.equals(cursor.b()) || cursor.k() == null || cursor.k().isEmpty()
                || !CleanText.Validator.isClean(cursor.k())) {
            throw ProblemException.invalid(FIELD, MALFORMED);
        }
        return cursor.k();
    }
}
