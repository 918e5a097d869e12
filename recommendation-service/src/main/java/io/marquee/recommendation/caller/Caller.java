package io.marquee.recommendation.caller;

/**
 * A verified caller: the token's subject and the {@code Authorization} header to forward to
 * rating- and user-service, which check it again and answer only this user's data.
 */
public record Caller(String id, String authorization) {

    @Override
    public String toString() {
        return "Caller[" + id + "]";
    }
}
