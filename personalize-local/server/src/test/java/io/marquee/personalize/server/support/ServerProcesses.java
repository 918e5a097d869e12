package io.marquee.personalize.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** For tests that run the server as a child JVM (a small heap, a restart): a port, and readiness. */
public final class ServerProcesses {

    private ServerProcesses() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the server answers ready; fails at once if its process ended (an out-of-memory ends it). */
    public static void awaitReady(Process server, URI endpoint) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server process is running (an out-of-memory ends it)").isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(endpoint.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("personalize-local did not become ready");
    }
}
