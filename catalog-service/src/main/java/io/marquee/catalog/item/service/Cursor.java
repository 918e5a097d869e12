package io.marquee.catalog.item.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor: {@code {"b":query,"k":position}} as JSON, base64url without padding,
 * where {@code query} names what is paged (a listing's bucket, a search's words) and
 * {@code position} where the next page starts (the last sort key, an offset). A cursor only
 * continues the query it came from.
 */
public record Cursor(String b, String k) {

    static final int MAX_LENGTH = 512;
    public static final String FIELD = "cursor";
    public static final String MALFORMED = "is malformed or belongs to another query";
    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cursor is always serializable", e);
        }
    }

    /** Where the next page starts, if {@code text} is a cursor of {@code bucket}. */
    public static String decode(String text, String bucket) {
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
