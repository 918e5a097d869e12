package io.marquee.ingest.ingest.rest;

import io.marquee.common.events.AnonymousUsers;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.problem.TokenProblems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the verified token's {@code sub}, or nobody (a signed-out visitor). Never a body
 * field. A token that is sent but not valid is refused (401), not treated as anonymous: the client
 * should refresh it rather than lose the attribution of its events.
 */
@RequestScoped
public class CurrentCaller {

    /** As user-service makes user ids; anything else in {@code sub} is not one of ours. */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The signed-in user's id, empty for an anonymous caller. */
    public Optional<String> userId() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(requireUser());
    }

    /** The signed-in user's id; 401 for an anonymous caller. */
    public String requireUser() {
        String subject = identity.isAnonymous() ? null : token.getSubject();
        if (subject == null || !USER_ID.matcher(subject).matches() || AnonymousUsers.is(subject)) {
            throw new ProblemException(401, "Unauthorized", TokenProblems.INVALID, List.of());
        }
        return subject;
    }
}
