package io.marquee.gateway;

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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port playing catalog-service's contract: item {@code 1},
 * problem+json 404 for other ids, a page for {@code /items}, a PUT that needs Authorization, an
 * item that answers slower than the gateway waits, and one whose first connection breaks.
 * {@code GET /__last} tells what the last {@code /items} request carried, {@code GET /__hits?path=METHOD:/path}
 * how often a path was requested.
 */
public class FakeCatalog implements QuarkusTestResourceLifecycleManager {

    static final String ITEM = "{\"id\":\"1\",\"title\":\"Toy Story (1995)\","
            + "\"genres\":[\"Adventure\",\"Animation\",\"Children\",\"Comedy\",\"Fantasy\"],\"year\":1995,\"metadata\":{}}";
    static final long SLOW_MILLIS = 6000;

    private HttpServer server;
    private volatile String last = "{}";
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
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals("/__last")) {
                send(exchange, 200, "application/json", last);
                return;
            }
            if (path.equals("/__hits")) {
                AtomicInteger count = hits.get(exchange.getRequestURI().getQuery().substring("path=".length()));
                send(exchange, 200, "text/plain", String.valueOf(count == null ? 0 : count.get()));
                return;
            }
            if (path.equals("/q/health/ready")) {
                send(exchange, 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
                return;
            }
            int hit = hits.computeIfAbsent(method + ":" + path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            last = "{\"method\":\"" + method + "\",\"path\":\"" + json(path) + "\",\"query\":\"" + json(query)
                    + "\",\"requestId\":\"" + json(exchange.getRequestHeaders().getFirst("X-Request-Id"))
                    + "\",\"authorization\":\"" + json(exchange.getRequestHeaders().getFirst("Authorization"))
                    + "\",\"contentType\":\"" + json(exchange.getRequestHeaders().getFirst("Content-Type"))
                    + "\",\"body\":\"" + json(new String(body, StandardCharsets.UTF_8)) + "\"}";
            if (path.equals("/items/flaky") && hit % 2 == 1) {
                // promise a body and break the connection after a few bytes
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write("{\"id\"".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                throw new IOException("connection broken on purpose");
            }
            if (method.equals("GET") && path.equals("/items/slow")) {
                sleep();
                send(exchange, 200, "application/json", ITEM);
            } else if (method.equals("GET") && path.equals("/items/1")) {
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                exchange.getResponseHeaders().set("X-Internal", "catalog-only");
                send(exchange, 200, "application/json", ITEM);
            } else if (method.equals("GET") && path.startsWith("/items/")) {
                String id = path.substring("/items/".length());
                send(exchange, 404, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Not found\","
                        + "\"status\":404,\"detail\":\"No item " + json(id) + "\",\"instance\":\"" + json(path) + "\"}");
            } else if (method.equals("GET") && path.equals("/items")) {
                if (query != null && query.contains("limit=500")) {
                    send(exchange, 400, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Invalid input\","
                            + "\"status\":400,\"detail\":\"limit: must be at most 100\",\"instance\":\"/items\","
                            + "\"errors\":[{\"field\":\"limit\",\"message\":\"must be at most 100\"}]}");
                } else {
                    send(exchange, 200, "application/json", "{\"items\":[" + ITEM + "],\"nextCursor\":\"c2\"}");
                }
            } else if (method.equals("PUT") && path.startsWith("/items/")) {
                if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                    send(exchange, 403, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Forbidden\","
                            + "\"status\":403,\"detail\":\"Only admins may change the catalog\"}");
                } else {
                    send(exchange, 201, "application/json", new String(body, StandardCharsets.UTF_8));
                }
            } else {
                send(exchange, 404, "application/problem+json", "{\"title\":\"Not found\",\"status\":404}");
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static String json(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
