package io.marquee.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * The opaque paging cursor of every paged answer: {@code {"q":scope,"k":position}} as JSON,
 * base64url without padding. The scope names what is paged (a listing's bucket, one user's
 * ratings, a search's words), so a cursor only continues the query it came from: one made for
 * another query, or another user, is refused rather than followed. The position is where the next
 * page starts (the last sort key, an offset); the service checks it is one it could have made.
 *
 * @param q the scope
 * @param k the position
 */
public record PageCursor(String q, String k) {

    /** Longest cursor accepted; longer text is refused before it is decoded. */
    public static final int MAX_LENGTH = 512;
    /** The query parameter a cursor comes back in, as problems name it. */
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

    /**
     * The position in {@code text}, if it is a cursor of {@code scope} whose position passes
     * {@code valid}; otherwise a 400 problem naming {@value #FIELD}.
     */
    public static String decode(String text, String scope, Predicate<String> valid) {
        if (text.length() > MAX_LENGTH) {
            throw malformed();
        }
        PageCursor cursor;
        try {
            byte[] json = Base64.getUrlDecoder().decode(text);
            cursor = JSON.readValue(new String(json, StandardCharsets.UTF_8), PageCursor.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw malformed();
        }
        if (cursor == null || !scope.equals(cursor.q()) || cursor.k() == null || cursor.k().isEmpty()
                || !valid.test(cursor.k())) {
            throw malformed();
        }
        return cursor.k();
    }

    private static ProblemException malformed() {
        return ProblemException.invalid(FIELD, MALFORMED);
    }
}
