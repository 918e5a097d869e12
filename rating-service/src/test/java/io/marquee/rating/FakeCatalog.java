package io.marquee.rating;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port playing catalog-service's {@code GET /items/{id}}:
 * ids starting with {@code unknown-} are a problem+json 404, ids starting with {@code broken-} a
 * 500, ids starting with {@code slow-} answer after {@link #SLOW_MILLIS} (longer than the service
 * waits), every other id exists. {@code GET /__hits?id=X} tells how often item X was asked for.
 */
public class FakeCatalog implements QuarkusTestResourceLifecycleManager {

    static final long SLOW_MILLIS = 4000;

    private HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/__hits")) {
                AtomicInteger count = hits.get(exchange.getRequestURI().getQuery().substring("id=".length()));
                send(exchange, 200, "text/plain", String.valueOf(count == null ? 0 : count.get()));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") || !path.startsWith("/items/")) {
                send(exchange, 404, "application/problem+json", "{\"title\":\"Not found\",\"status\":404}");
                return;
            }
            String id = path.substring("/items/".length());
            hits.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (id.startsWith("unknown-")) {
                send(exchange, 404, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Not found\","
                        + "\"status\":404,\"detail\":\"No item with id " + id + "\"}");
            } else if (id.startsWith("slow-")) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, "application/json", "{\"id\":\"" + id + "\"}");
            } else if (id.startsWith("broken-")) {
                send(exchange, 500, "application/problem+json", "{\"title\":\"Internal server error\",\"status\":500}");
            } else {
                send(exchange, 200, "application/json", "{\"id\":\"" + id + "\",\"title\":\"Title " + id
                        + "\",\"genres\":[\"Drama\"],\"year\":1999,\"metadata\":{}}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
