package io.marquee.recommendation.caller;

import io.marquee.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the verified token's {@code sub}, never a path, query or body field, so nobody
 * gets another user's recommendations or exclusions.
 */
@RequestScoped
public class CurrentUser {

    /** User ids as user-service issues them; anything else in a {@code sub} is not a usable token. */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentUser(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller of an endpoint that requires a token (its role was checked already). */
    public Caller required() {
        return caller().orElseThrow(() -> new ProblemException(401, "Unauthorized",
                "The access token has no usable subject", List.of()));
    }

    /**
     * The caller of an endpoint that serves anonymous clients too: empty without a token, and also
     * with one that does not verify (a stale token must not break browsing; it only loses the
     * personal touch).
     */
    public Optional<Caller> optional() {
        try {
            if (identity.isAnonymous()) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return caller();
    }

    private Optional<Caller> caller() {
        String subject = token.getSubject();
        String raw = token.getRawToken();
        if (subject == null || raw == null || !USER_ID.matcher(subject).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(subject, "Bearer " + raw));
    }
}
