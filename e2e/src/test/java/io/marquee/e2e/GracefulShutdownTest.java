package io.marquee.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A rolling update sends SIGTERM to a pod that may be answering a request: the packaged gateway
 * (as it runs in its image) finishes that request before it exits ({@code quarkus.shutdown.timeout}),
 * and refuses new ones meanwhile. The request waits on a stand-in for catalog-service that answers
 * only once shutdown has begun.
 */
class GracefulShutdownTest {

    private static final String ITEM = "{\"id\":\"m-1\",\"title\":\"In Flight\",\"year\":1999,\"genres\":[\"Drama\"]}";

    @Disabled("Fails today (issue 12, open): the in-flight request's connection is closed at SIGTERM "
            + "(HTTP/1.1: reset and retried into a refused connect; HTTP/2: GOAWAY) although the gateway sets "
            + "quarkus.shutdown.timeout=20s. Kept as the specification of the fix.")
    @Test
    void aRequestInFlightAtSigtermIsAnsweredBeforeTheGatewayExits() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/items/", exchange -> {
            received.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ITEM.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        catalog.start();
        int port = freePort();
        Path log = Files.createTempFile("gateway-shutdown", ".log");
        Process gateway = startGateway(port, catalog.getAddress().getPort(), log);
        // HTTP/1.1, as load balancers and kube-proxy'd clients reach a pod; over HTTP/2 the JDK client
        // fails a stream still open when the server announces GOAWAY at shutdown.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitUp(http, port, gateway, log);

            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/movies/m-1"))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(received.await(60, TimeUnit.SECONDS)).as("the request reached catalog-service").isTrue();

            gateway.destroy(); // SIGTERM, as the kubelet sends it after the preStop hook
            awaitRefusingNewRequests(http, port);
            release.countDown();

            HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("In Flight");
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("the gateway exits once it is done").isTrue();
        } finally {
            release.countDown();
            gateway.destroyForcibly();
            catalog.stop(0);
            Files.deleteIfExists(log);
        }
    }

    private static Process startGateway(int port, int catalogPort, Path log) throws IOException {
        Path jar = Devstack.ROOT.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("package the gateway first (-pl e2e -am)").exists();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        builder.environment().put("QUARKUS_REST_CLIENT_CATALOG_URL", "http://127.0.0.1:" + catalogPort);
        // The stand-in holds the answer for as long as the test needs: no deadline may cut it.
        builder.environment().put("GATEWAY_CATALOG_TIMEOUT", "60s");
        builder.environment().put("QUARKUS_REST_CLIENT_CATALOG_READ_TIMEOUT", "60000");
        return builder.start();
    }

    private static void awaitUp(HttpClient http, int port, Process gateway, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!gateway.isAlive()) {
                throw new AssertionError("gateway exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gateway did not start: " + Files.readString(log));
    }

    /** Shutdown has begun once a new request is refused (503 or no connection). */
    private static void awaitRefusingNewRequests(HttpClient http, int port) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 503) {
                    return;
                }
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the gateway kept accepting new requests after SIGTERM");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
