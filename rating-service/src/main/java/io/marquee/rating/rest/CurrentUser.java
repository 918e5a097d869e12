package io.marquee.rating.rest;

import io.marquee.common.problem.ProblemException;
import io.marquee.rating.service.RatingRules;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the verified token's {@code sub}, and nothing else (never a path, a query or a
 * body field), so nobody can act on another user's ratings.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's user id; a token without a usable {@code sub} is not a valid token (401). */
    public String id() {
        String subject = token.getSubject();
        if (subject == null || !RatingRules.USER_ID.matcher(subject).matches()) {
            throw new ProblemException(401, "Unauthorized", "The access token has no usable subject", List.of());
        }
        return subject;
    }
}
