package io.marquee.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.AuthenticationFailedException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Telling "the token is bad" (401) from "the keys cannot be fetched" (503). */
class EdgeTokenProblemsTest {

    @Test
    void aKeyFetchThatCouldNotConnectIsAnOutageNotABadToken() {
        Exception keys = new IllegalStateException("SRJWT07000: Failed to load a key",
                new ConnectException("Connection refused"));
        assertThat(EdgeTokenProblems.keysUnreachable(new AuthenticationFailedException(new RuntimeException(keys))))
                .isTrue();
    }

    @Test
    void signatureExpiryAndAlgorithmFailuresAreBadTokens() {
        assertThat(EdgeTokenProblems.keysUnreachable(new AuthenticationFailedException(
                new RuntimeException("SRJWT08004: Signature verification failed")))).isFalse();
        assertThat(EdgeTokenProblems.keysUnreachable(new AuthenticationFailedException())).isFalse();
    }
}
