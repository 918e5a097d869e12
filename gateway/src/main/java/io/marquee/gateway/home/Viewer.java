package io.marquee.gateway.home;

import java.util.Optional;

/**
 * What a section may know of the request that asked for the home page, captured on the request
 * thread before the sections fan out to worker threads.
 *
 * @param authorization the caller's {@code Authorization} header, passed on to services that check it themselves
 * @param requestId     the request's id, so every downstream call carries it
 * @param revalidate    the client asked for rows loaded afresh ({@code Cache-Control: no-cache})
 */
public record Viewer(Optional<String> authorization, String requestId, boolean revalidate) {

    /** A viewer that takes reused personal rows. */
    public Viewer(Optional<String> authorization, String requestId) {
        this(authorization, requestId, false);
    }

    public boolean signedIn() {
        return authorization.isPresent();
    }
}
