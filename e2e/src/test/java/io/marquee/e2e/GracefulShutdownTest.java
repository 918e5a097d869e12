package io.marquee.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A rolling update sends SIGTERM to a pod that may be answering a request: the packaged gateway
 * (as it runs in its image) finishes that request before it exits ({@code quarkus.shutdown.timeout}).
 * The request waits on a stand-in for catalog-service that answers only once shutdown has begun.
 *
 * <p>Requests that still reach the pod during shutdown (over a connection a balancer or a REST client
 * kept alive from before, or a new one) are answered, with {@code Connection: close}, and the
 * connection is closed after the answer, so the client's next request goes to another pod. That is
 * Quarkus' behaviour since 3.34 (it no longer answers them 503, which a balancer would have passed
 * on to its client as an error).
 */
class GracefulShutdownTest {

    private static final String ITEM = "{\"id\":\"m-1\",\"title\":\"In Flight\",\"year\":1999,\"genres\":[\"Drama\"]}";

    @Test
    void aRequestInFlightAtSigtermIsAnsweredAndLaterRequestsAreToldToGoElsewhere() throws Exception {
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
        // HTTP/1.1, as load balancers and ingress controllers speak to a pod.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        try (Socket keptAlive = new Socket()) {
            awaitUp(http, port, gateway, log);
            // A balancer's connection, opened and used before the shutdown and kept alive.
            keptAlive.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            keptAlive.setSoTimeout(10_000);
            RawResponse before = get(keptAlive);
            assertThat(before.status()).isEqualTo(200);
            assertThat(before.closesConnection()).as("before SIGTERM the connection is kept alive").isFalse();

            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/movies/m-1"))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(received.await(60, TimeUnit.SECONDS)).as("the request reached catalog-service").isTrue();

            gateway.destroy(); // SIGTERM, as the kubelet sends it after the preStop hook

            RawResponse during = awaitShutdownBegun(keptAlive);
            assertThat(during.status()).as("a request on a kept-alive connection during shutdown is answered").isEqualTo(200);
            assertThat(keptAlive.getInputStream().read()).as("and its connection is closed after the answer").isEqualTo(-1);
            try (Socket fresh = new Socket()) {
                fresh.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                fresh.setSoTimeout(10_000);
                RawResponse onNewConnection = get(fresh);
                assertThat(onNewConnection.status()).as("a new connection during shutdown is answered").isEqualTo(200);
                assertThat(onNewConnection.closesConnection()).as("once, then closed").isTrue();
                assertThat(fresh.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(inFlight).as("the request in flight is still waiting for catalog-service").isNotDone();
            release.countDown();

            HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"title\":\"In Flight\"");
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("the gateway exits once it is done").isTrue();
            // It stopped because its requests were done, not because the shutdown timeout ran out.
            assertThat(Files.readString(log)).contains("All HTTP requests complete")
                    .doesNotContain("Timed out waiting for graceful shutdown");
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
        // The item page asks rating-service for a review summary: the stand-in answers 404, so the
        // movie goes out without one, whatever else listens on this machine's default ports.
        builder.environment().put("QUARKUS_REST_CLIENT_RATING_URL", "http://127.0.0.1:" + catalogPort);
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

    /**
     * Asks again on the kept-alive connection until an answer says {@code Connection: close}: the
     * gateway has begun its shutdown (SIGTERM is handled asynchronously).
     */
    private static RawResponse awaitShutdownBegun(Socket keptAlive) throws Exception {
        for (int i = 0; i < 600; i++) {
            RawResponse response = get(keptAlive);
            if (response.closesConnection()) {
                return response;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the gateway kept the connection alive after SIGTERM");
    }

    /** A status line and headers (names in lower case) whose body has been read. */
    private record RawResponse(int status, Map<String, String> headers) {
        boolean closesConnection() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    /** {@code GET /} over the socket as a balancer sends it, and its whole answer read. */
    private static RawResponse get(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                in.readNBytes(size);
                line(in);
            }
            line(in);
        } else {
            in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed in the middle of an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
