package io.marquee.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.marquee.common.problem.TokenProblems;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP servers on free loopback ports playing catalog-, user- and rating-service's contracts
 * and personalize-local's readiness check (see each {@code *Answers} method), plus a control server the tests use through {@link Fakes}:
 * what a service saw last, how often a path was hit, and taking a service down (its port then
 * refuses connections) and up again on the same port. {@link ServiceContracts} holds each answer's
 * route, status, headers and fields to the service's own OpenAPI document; the problem texts are
 * the services' own words (token failures from common's {@link TokenProblems}).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    static final String ITEM = "{\"id\":\"1\",\"title\":\"Toy Story (1995)\","
            + "\"genres\":[\"Adventure\",\"Animation\",\"Children\",\"Comedy\",\"Fantasy\"],\"year\":1995,\"metadata\":{},"
            + "\"stats\":{\"ratingCount\":2,\"ratingAverage\":4.5,\"viewCount\":10}}";
    /** The shapes the catalog gives the same movie in a search hit, a listing and a chart (its OpenAPI schemas). */
    static final String SEARCH_HIT = "{\"id\":\"1\",\"title\":\"Toy Story (1995)\",\"year\":1995,"
            + "\"genres\":[\"Adventure\",\"Animation\"],\"stats\":{\"ratingCount\":2,\"ratingAverage\":4.5,\"viewCount\":10}}";
    static final String LISTED = "{\"id\":\"1\",\"title\":\"Toy Story (1995)\",\"year\":1995,"
            + "\"genres\":[\"Adventure\",\"Animation\"]}";
    static final String CHARTED = "{\"id\":\"1\",\"title\":\"Toy Story (1995)\",\"year\":1995,"
            + "\"genres\":[\"Adventure\",\"Animation\"],\"stats\":{\"ratingCount\":2,\"ratingAverage\":4.5,\"viewCount\":10},"
            + "\"score\":10.0}";
    static final long SLOW_MILLIS = 6000;
    static final String SUMMARY = "{\"itemId\":\"with-reviews\",\"reviews\":3,\"positive\":2,\"negative\":1,"
            + "\"neutral\":0,\"positiveShare\":0.667,\"negativeShare\":0.333,\"mostHelpfulPositive\":null,"
            + "\"mostHelpfulNegative\":null}";
    static final String CONTROL_URL = "test.fakes.control-url";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The service whose fake is answering on this thread, to hold its answer against that service's contract. */
    private static final ThreadLocal<String> ANSWERING = new ThreadLocal<>();
    /** Fake name to the module whose OpenAPI document it must keep to (personalize-local's has none). */
    private static final Map<String, String> CONTRACTS = Map.of("catalog", "catalog-service", "user", "user-service",
            "rating", "rating-service", "recommendation", "recommendation-service", "event-ingest", "event-ingest-service");

    private final Map<String, Fake> fakes = new LinkedHashMap<>();
    private HttpServer control;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        executor = Executors.newFixedThreadPool(16);
        fakes.put("catalog", new Fake("catalog", this::catalogAnswers));
        fakes.put("user", new Fake("user", this::userAnswers));
        fakes.put("rating", new Fake("rating", this::ratingAnswers));
        fakes.put("recommendation", new Fake("recommendation", this::recommendationAnswers));
        fakes.put("event-ingest", new Fake("event-ingest", this::ingestAnswers));
        fakes.put("engine", new Fake("engine", this::engineAnswers));
        Map<String, String> config = new LinkedHashMap<>();
        for (Fake fake : fakes.values()) {
            fake.up();
            config.put("quarkus.rest-client." + fake.name + ".url", "http://127.0.0.1:" + fake.port);
            // A fake answers its readiness on the same port (a real service: its management port).
            config.put("gateway." + fake.name + ".management-url", "http://127.0.0.1:" + fake.port);
        }
        // As the devstack and the chart's dev dependencies point every service at personalize-local.
        config.put("personalize.endpoint-override", "http://127.0.0.1:" + fakes.get("engine").port);
        control = bind(0);
        control.setExecutor(executor);
        control.createContext("/", this::control);
        control.start();
        config.put(CONTROL_URL, "http://127.0.0.1:" + control.getAddress().getPort());
        return config;
    }

    @Override
    public void stop() {
        fakes.values().forEach(Fake::down);
        if (control != null) {
            control.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** {@code GET /{service}/last}, {@code GET /{service}/hits?path=METHOD:/path}, {@code POST /{service}/down|up}. */
    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            Fake fake = parts.length == 3 ? fakes.get(parts[1]) : null;
            if (fake == null) {
                send(exchange, 404, "text/plain", "no such fake");
                return;
            }
            switch (parts[2]) {
                case "last" -> send(exchange, 200, "application/json", fake.last);
                case "hits" -> {
                    AtomicInteger count = fake.hits.get(exchange.getRequestURI().getQuery().substring("path=".length()));
                    send(exchange, 200, "text/plain", String.valueOf(count == null ? 0 : count.get()));
                }
                case "down" -> {
                    fake.down();
                    send(exchange, 204, "text/plain", "");
                }
                case "up" -> {
                    fake.up();
                    send(exchange, 204, "text/plain", "");
                }
                default -> send(exchange, 404, "text/plain", "no such control");
            }
        }
    }

    /** A request as a fake service saw it. */
    record Seen(String method, String path, String query, String body, HttpExchange exchange, int hit) {

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }
    }

    @FunctionalInterface
    interface Answers {
        void answer(Seen request) throws IOException;
    }

    private final class Fake {
        final String name;
        final Answers answers;
        final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        volatile String last = "{}";
        volatile int port;
        private HttpServer server;

        Fake(String name, Answers answers) {
            this.name = name;
            this.answers = answers;
        }

        synchronized void up() {
            if (server != null) {
                return;
            }
            server = bind(port);
            port = server.getAddress().getPort();
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }

        synchronized void down() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getRawPath();
                int hit = hits.computeIfAbsent(method + ":" + path, k -> new AtomicInteger()).incrementAndGet();
                if (path.equals("/q/health/ready")) {
                    send(exchange, 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
                    return;
                }
                String query = exchange.getRequestURI().getRawQuery();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> seen = new LinkedHashMap<>();
                seen.put("method", method);
                seen.put("path", path);
                seen.put("query", query == null ? "" : query);
                seen.put("requestId", header(exchange, "X-Request-Id"));
                seen.put("authorization", header(exchange, "Authorization"));
                seen.put("forwardedFor", header(exchange, "X-Forwarded-For"));
                seen.put("contentType", header(exchange, "Content-Type"));
                seen.put("traceparent", header(exchange, "traceparent"));
                seen.put("body", body);
                last = JSON.writeValueAsString(seen);
                ANSWERING.set(CONTRACTS.get(name));
                try {
                    answers.answer(new Seen(method, path, query, body, exchange, hit));
                } finally {
                    ANSWERING.remove();
                }
            }
        }
    }

    // --- personalize-local: only its readiness check, as SmallRye Health answers it ------------

    private void engineAnswers(Seen r) throws IOException {
        if (r.method().equals("GET") && r.path().equals("/q/health/ready")) {
            send(r.exchange(), 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
        } else {
            send(r.exchange(), 404, "text/plain", "not found");
        }
    }

    // --- catalog-service ------------------------------------------------------------------------

    private void catalogAnswers(Seen r) throws IOException {
        HttpExchange exchange = r.exchange();
        String path = r.path();
        if (path.equals("/items/flaky") && r.hit() % 2 == 1) {
            // promise a body and break the connection after a few bytes
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"id\"".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            throw new IOException("connection broken on purpose");
        }
        boolean get = r.method().equals("GET");
        if (get && path.equals("/items/slow")) {
            sleep();
            send(exchange, 200, "application/json", ITEM);
        } else if (get && (path.equals("/items/with-reviews") || path.equals("/items/slow-reviews"))) {
            send(exchange, 200, "application/json", ITEM);
        } else if (get && path.equals("/items/1")) {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("X-Internal", "catalog-only");
            send(exchange, 200, "application/json", ITEM);
        } else if (get && path.equals("/items/search")) {
            if (r.query() != null && r.query().contains("limit=500")) {
                invalid(exchange, path, "limit", "must be at most 100");
            } else {
                send(exchange, 200, "application/json", "{\"items\":[" + SEARCH_HIT + "]}");
            }
        } else if (get && path.startsWith("/charts/")) {
            String name = path.substring("/charts/".length());
            send(exchange, 200, "application/json", "{\"chart\":\"" + name + "\",\"items\":[" + CHARTED + "]}");
        } else if (get && path.startsWith("/items/")) {
            String id = path.substring("/items/".length());
            problem(exchange, 404, "Not found", "No item with id " + id, path);
        } else if (get && path.equals("/items")) {
            if (r.query() != null && r.query().contains("limit=500")) {
                invalid(exchange, "/items", "limit", "must be at most 100");
            } else {
                send(exchange, 200, "application/json", "{\"items\":[" + LISTED + "],\"nextCursor\":\"c2\"}");
            }
        } else if (r.method().equals("POST") && path.equals("/items/batch")) {
            if (!json(r.body())) {
                malformed(exchange, path);
            } else {
                send(exchange, 200, "application/json", "{\"created\":1,\"updated\":0}");
            }
        } else if (r.method().equals("PUT") && path.startsWith("/items/")) {
            if (r.header("Authorization") == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                problem(exchange, 401, "Unauthorized", TokenProblems.MISSING, path);
            } else {
                send(exchange, 201, "application/json", r.body());
            }
        } else {
            problem(exchange, 404, "Not found", "Nothing at " + path, path);
        }
    }

    // --- user-service ---------------------------------------------------------------------------

    static final String PROFILE = "{\"id\":\"u-1\",\"name\":\"Ada\",\"age\":36,\"gender\":\"female\","
            + "\"email\":\"ada@example.com\",\"createdAt\":\"2026-01-01T00:00:00Z\"}";

    private void userAnswers(Seen r) throws IOException {
        HttpExchange exchange = r.exchange();
        String path = r.path();
        String route = r.method() + " " + path;
        boolean hasBody = r.method().equals("POST") || r.method().equals("PATCH");
        if (hasBody && !json(r.body())) {
            malformed(exchange, path);
            return;
        }
        switch (route) {
            case "POST /auth/signup" -> {
                if (r.body().contains("taken@example.com")) {
                    problem(exchange, 409, "Conflict", "An account with this email address already exists", path);
                } else if (!r.body().contains("\"password\"")) {
                    invalid(exchange, path, "password", "must not be blank");
                } else if (r.body().contains("\"age\":\"")) {
                    invalid(exchange, path, "age", "must be a whole number");
                } else {
                    exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/me");
                    send(exchange, 201, "application/json", PROFILE);
                }
            }
            case "POST /auth/login" -> {
                if (r.body().contains("throttled")) {
                    exchange.getResponseHeaders().set("Retry-After", "600");
                    problem(exchange, 429, "Too many requests", "Too many failed logins; try again in 600 seconds", path);
                } else if (r.body().contains("wrong")) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    problem(exchange, 401, "Unauthorized", "The email address or the password is wrong", path);
                } else {
                    send(exchange, 200, "application/json", "{\"accessToken\":\"" + TestTokens.user("u-1")
                            + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"refreshToken\":\"r-1\","
                            + "\"refreshExpiresIn\":2592000,\"userId\":\"u-1\"}");
                }
            }
            case "POST /auth/refresh" -> send(exchange, 200, "application/json",
                    "{\"accessToken\":\"a-2\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"refreshToken\":\"r-2\","
                            + "\"refreshExpiresIn\":2592000,\"userId\":\"u-1\"}");
            case "POST /auth/logout" -> {
                exchange.sendResponseHeaders(204, -1);
            }
            case "GET /auth/jwks" -> send(exchange, 200, "application/json", TestTokens.jwks());
            case "GET /me" -> send(exchange, 200, "application/json", PROFILE);
            case "PATCH /me" -> {
                if (r.body().contains("\"age\":-")) {
                    invalid(exchange, path, "age", "must be at least 13");
                } else {
                    send(exchange, 200, "application/json", PROFILE);
                }
            }
            case "GET /me/history" -> send(exchange, 200, "application/json",
                    "{\"viewed\":[{\"itemId\":\"1\",\"at\":\"2026-11-23T10:00:00Z\"}],"
                            + "\"rated\":[{\"itemId\":\"1\",\"rating\":4.5,\"at\":\"2026-11-23T10:01:00Z\"}]}");
            default -> problem(exchange, 404, "Not found", "Nothing at " + path, path);
        }
    }

    // --- rating-service -------------------------------------------------------------------------

    private void ratingAnswers(Seen r) throws IOException {
        HttpExchange exchange = r.exchange();
        String path = r.path();
        String rating = "{\"itemId\":\"1\",\"userId\":\"u-1\",\"rating\":4.5,\"review\":\"Fun\"}";
        if (path.equals("/me/ratings") && r.method().equals("GET")) {
            send(exchange, 200, "application/json", "{\"items\":[" + rating + "],\"nextCursor\":\"n2\"}");
        } else if (path.matches("/items/[^/]+/rating")) {
            String id = path.split("/")[2];
            switch (r.method()) {
                case "GET" -> {
                    if (id.equals("unrated")) {
                        problem(exchange, 404, "Not found", "You have not rated item " + id, path);
                    } else {
                        send(exchange, 200, "application/json", rating);
                    }
                }
                case "PUT" -> {
                    if (!json(r.body())) {
                        malformed(exchange, path);
                    } else if (r.body().contains("\"rating\":\"")) {
                        invalid(exchange, path, "rating", "must be a number");
                    } else if (!r.body().contains("\"rating\"")) {
                        invalid(exchange, path, "rating", "must not be null");
                    } else if (r.body().contains("\"rating\":9")) {
                        invalid(exchange, path, "rating", "must be 0.5 to 5.0 in steps of 0.5");
                    } else {
                        exchange.getResponseHeaders().set("Location",
                                "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + path);
                        send(exchange, 201, "application/json", rating);
                    }
                }
                case "DELETE" -> {
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> problem(exchange, 405, "Method not allowed", r.method(), path);
            }
        } else if (path.matches("/items/[^/]+/reviews") && r.method().equals("GET")) {
            send(exchange, 200, "application/json", "{\"items\":[{\"userId\":\"u-2\",\"rating\":4.0,\"review\":\"ok\"}]}");
        } else if (path.equals("/items/with-reviews/reviews/summary") && r.method().equals("GET")) {
            send(exchange, 200, "application/json", SUMMARY);
        } else if (path.equals("/items/slow-reviews/reviews/summary") && r.method().equals("GET")) {
            // Longer than gateway.review-summary.timeout, far shorter than the item's own deadline.
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "application/json", SUMMARY);
        } else if (path.matches("/items/[^/]+/reviews/summary") && r.method().equals("GET")) {
            // rating-service answers every item, an item without reviews with zeros.
            send(exchange, 200, "application/json", "{\"itemId\":\"" + path.split("/")[2] + "\",\"reviews\":0,"
                    + "\"positive\":0,\"negative\":0,\"neutral\":0,\"positiveShare\":0.0,\"negativeShare\":0.0,"
                    + "\"mostHelpfulPositive\":null,\"mostHelpfulNegative\":null}");
        } else if (path.matches("/items/[^/]+/reviews/[^/]+/helpful")) {
            String author = path.split("/")[4];
            if (author.equals("nobody")) {
                problem(exchange, 404, "Not found", "User nobody has no review of item 1", path);
            } else {
                send(exchange, 200, "application/json", "{\"itemId\":\"1\",\"authorId\":\"" + author
                        + "\",\"helpful\":3,\"mine\":" + r.method().equals("PUT") + "}");
            }
        } else if (path.equals("/admin/reviews/moderation") && r.method().equals("GET")) {
            send(exchange, 200, "application/json", "{\"items\":[{\"itemId\":\"1\",\"userId\":\"u-9\",\"rating\":5.0,"
                    + "\"review\":\"Awful\",\"sentiment\":\"negative\",\"sentimentScore\":-0.99,"
                    + "\"reasons\":[\"strongly-negative\",\"stars-disagree\"]}]}");
        } else if (path.equals("/admin/reviews/sentiment-backfill")) {
            send(exchange, r.method().equals("POST") ? 202 : 200, "application/json",
                    "{\"status\":\"running\",\"mode\":\"missing\",\"scanned\":0,\"labelled\":0}");
        } else {
            problem(exchange, 404, "Not found", "Nothing at " + path, path);
        }
    }

    // --- recommendation-service -----------------------------------------------------------------

    static final String SOURCE = "campaign:arn:aws:personalize:us-east-1:000000000000:campaign/marquee-for-you";

    private void recommendationAnswers(Seen r) throws IOException {
        HttpExchange exchange = r.exchange();
        String path = r.path();
        String list = "{\"source\":\"" + SOURCE + "\",\"recommendationId\":\"rid-1\",\"items\":[{\"id\":\"1\","
                + "\"title\":\"Toy Story (1995)\",\"year\":1995,\"genres\":[\"Comedy\"],\"ratingAverage\":4.5,"
                + "\"ratingCount\":2,\"score\":0.42}]}";
        boolean get = r.method().equals("GET");
        if (get && (path.equals("/recommendations/for-you") || path.matches("/items/[^/]+/similar"))) {
            if (r.query() != null && r.query().contains("limit=500")) {
                invalid(exchange, path, "limit", "must be a whole number from 1 to 100");
                return;
            }
            exchange.getResponseHeaders().set("X-Recommendation-Source", SOURCE);
            exchange.getResponseHeaders().set("X-Internal", "recommendation-only");
            send(exchange, 200, "application/json", list);
        } else if (get && path.equals("/recommendations/because-you-watched")) {
            send(exchange, 200, "application/json", "{\"source\":\"history:empty\",\"rows\":[]}");
        } else if (r.method().equals("POST") && path.equals("/recommendations/rank")) {
            if (!json(r.body())) {
                malformed(exchange, path);
            } else {
                exchange.getResponseHeaders().set("X-Recommendation-Source", SOURCE);
                send(exchange, 200, "application/json", list);
            }
        } else {
            problem(exchange, 404, "Not found", "Nothing at " + path, path);
        }
    }

    // --- event-ingest-service -------------------------------------------------------------------

    private void ingestAnswers(Seen r) throws IOException {
        HttpExchange exchange = r.exchange();
        String path = r.path();
        switch (r.method() + " " + path) {
            case "POST /events" -> {
                if (!json(r.body())) {
                    malformed(exchange, path);
                } else if (r.body().contains("\"broker-down\"")) {
                    exchange.getResponseHeaders().set("Retry-After", "5");
                    problem(exchange, 503, "Service unavailable", "The events could not be stored right now", path);
                } else if (!r.body().contains("\"events\"")) {
                    invalid(exchange, path, "events", "is required");
                } else {
                    send(exchange, 202, "application/json", "{\"accepted\":1}");
                }
            }
            case "GET /me/sessions" -> send(exchange, 200, "application/json",
                    "{\"items\":[{\"sessionId\":\"s-1\",\"events\":3}]}");
            case "GET /admin/sessions/analytics" -> send(exchange, 200, "application/json",
                    "{\"sessions\":7,\"bounceRate\":0.25}");
            default -> problem(exchange, 404, "Not found", "Nothing at " + path, path);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean json(String body) {
        try {
            JSON.readTree(body);
            return !body.isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static void malformed(HttpExchange exchange, String path) throws IOException {
        problem(exchange, 400, "Malformed JSON", "The request body is not valid JSON", path);
    }

    private static void invalid(HttpExchange exchange, String path, String field, String message) throws IOException {
        send(exchange, 400, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Invalid input\","
                + "\"status\":400,\"detail\":\"" + field + ": " + message + "\",\"instance\":\"" + path + "\","
                + "\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]}");
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail, String path)
            throws IOException {
        send(exchange, status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\",\"instance\":\"" + escape(path) + "\"}");
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        String service = ANSWERING.get();
        if (service != null) {
            List<String> broken = ServiceContracts.check(service, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), status, type.startsWith("application/json") ? body : null,
                    List.copyOf(exchange.getResponseHeaders().keySet()));
            if (!broken.isEmpty()) {
                // Loud on purpose: the test that relied on this answer fails, naming the drift.
                System.err.println("fake " + service + " breaks its contract: " + broken);
                status = 500;
                type = "text/plain";
                body = "fake " + service + " breaks its contract: " + broken;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
