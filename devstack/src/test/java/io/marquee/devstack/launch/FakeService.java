package io.marquee.devstack.launch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A stand-in for a service JVM in the launcher's tests, run from a jar the tests build
 * ({@link FakeServiceJar}): it answers {@code /q/health/live} and {@code /q/health/ready} as Quarkus
 * does, on {@code QUARKUS_MANAGEMENT_PORT} when set (the management interface the devstack gives
 * every service), else on {@code QUARKUS_HTTP_PORT}; {@code /crash} on the HTTP port logs an ERROR line and exits with
 * code 3, as a service that hit a fatal error would. Environment: {@code FAKE_LIVE=503} fails the
 * liveness check; {@code FAKE_STOP_SECONDS=N} makes a SIGTERM take N seconds (a slow shutdown).
 * System property {@code fake.ready-after-seconds=N}: not ready (503) for the first N seconds, as a
 * service still starting (a property, since the launcher's per-module JVM options can carry it).
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        int live = Integer.parseInt(System.getenv().getOrDefault("FAKE_LIVE", "200"));
        long stopSeconds = Long.parseLong(System.getenv().getOrDefault("FAKE_STOP_SECONDS", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        String managementPort = System.getenv("QUARKUS_MANAGEMENT_PORT");
        HttpServer health = managementPort == null ? server : HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(managementPort)), 16);
        health.createContext("/q/health/live", exchange -> answer(exchange, live));
        long readyAt = System.nanoTime() + Long.getLong("fake.ready-after-seconds", 0) * 1_000_000_000L;
        health.createContext("/q/health/ready", exchange -> answer(exchange, System.nanoTime() - readyAt >= 0 ? 200 : 503));
        server.createContext("/crash", exchange -> {
            System.out.println(Instant.now() + " ERROR [fake] simulated crash: the service gives up");
            System.out.flush();
            Runtime.getRuntime().halt(3);
        });
        server.start();
        if (health != server) {
            health.start();
        }
        if (stopSeconds > 0) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(stopSeconds * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        System.out.println(Instant.now() + " INFO  [fake] listening on " + port);
        System.out.flush();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
        byte[] body = "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
