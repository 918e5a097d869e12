package io.marquee.recommendation;

import static io.marquee.testsupport.PersonalizeLocalResource.genreOf;
import static io.marquee.testsupport.PersonalizeLocalResource.item;
import static io.marquee.testsupport.PersonalizeLocalResource.yearOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.marquee.testsupport.PersonalizeLocalResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port playing the three services this one calls, each as
 * its API answers: catalog-service's {@code POST /items/lookup} and {@code GET /charts/top-rated}
 * (titles {@code t01..t61}: those personalize-local was trained on, and t61 it never saw),
 * rating-service's {@code GET /me/ratings} and user-service's {@code GET /me/history}, both for
 * the token's subject (read, not verified: the service under test verified it). Tests set a
 * user's ratings and history with {@link #rate} and {@link #viewed}, count reads of ratings and
 * history ({@link #historyReads}) and can hold a read of ratings in flight ({@link #holdRatings}); likewise they change a title's average rating
 * ({@link #average}), count the catalog's batch reads ({@link #lookupsOf}, {@link #lookupRequests})
 * and hold them ({@link #holdLookupsOf}).
 */
public class Neighbours implements QuarkusTestResourceLifecycleManager {

    public static final int CATALOG_ITEMS = PersonalizeLocalResource.ITEMS + 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> RATINGS = new ConcurrentHashMap<>();
    private static final Map<String, List<Map<String, Object>>> HISTORY = new ConcurrentHashMap<>();
    private static final Map<String, Integer> HISTORY_READS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> RATING_READS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HELD_ARRIVED = new ConcurrentHashMap<>();
    private static final Map<String, Double> AVERAGES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> LOOKUPS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOOKUP_REQUESTS = new AtomicInteger();
    private static final Map<String, CountDownLatch> HELD_LOOKUPS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HELD_LOOKUP_ARRIVED = new ConcurrentHashMap<>();

    private HttpServer server;

    /** {@code user} has rated {@code items} (newest first). */
    public static void rate(String user, List<String> items) {
        RATINGS.put(user, List.copyOf(items));
    }

    /** How often {@code user}'s ratings were read. */
    public static int ratingReads(String user) {
        return RATING_READS.getOrDefault(user, 0);
    }

    /**
     * The next read of {@code user}'s ratings takes the ratings as they are when it arrives, then
     * waits for {@link #release} before answering them: a read in flight while the user rates.
     */
    public static void holdRatings(String user) {
        HELD_ARRIVED.put(user, new CountDownLatch(1));
        HELD.put(user, new CountDownLatch(1));
    }

    /** Returns once the held read of {@code user}'s ratings has arrived (and taken its answer). */
    public static void awaitHeldRead(String user) throws InterruptedException {
        if (!HELD_ARRIVED.get(user).await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no read of " + user + "'s ratings arrived");
        }
    }

    /** Lets the held read of {@code user}'s ratings answer. */
    public static void release(String user) {
        HELD.remove(user).countDown();
    }

    /** The catalog's average rating of {@code id} is {@code average} from now on. */
    public static void average(String id, double average) {
        AVERAGES.put(id, average);
    }

    /** How many batch reads of the catalog asked for {@code id}. */
    public static int lookupsOf(String id) {
        return LOOKUPS.getOrDefault(id, 0);
    }

    /** How many batch reads of the catalog arrived. */
    public static int lookupRequests() {
        return LOOKUP_REQUESTS.get();
    }

    /** Batch reads asking for {@code id} wait for {@link #releaseLookups} before answering. */
    public static void holdLookupsOf(String id) {
        HELD_LOOKUP_ARRIVED.put(id, new CountDownLatch(1));
        HELD_LOOKUPS.put(id, new CountDownLatch(1));
    }

    /** Returns once a held batch read asking for {@code id} has arrived. */
    public static void awaitHeldLookup(String id) throws InterruptedException {
        if (!HELD_LOOKUP_ARRIVED.get(id).await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no batch read of " + id + " arrived");
        }
    }

    /** Lets the held batch reads asking for {@code id} answer. */
    public static void releaseLookups(String id) {
        HELD_LOOKUPS.remove(id).countDown();
    }

    /** {@code user} has viewed {@code items}, newest first (a second apart, the newest at 2026-01-01T00:00:59Z). */
    public static void viewed(String user, List<String> items) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            entries.add(Map.of("itemId", items.get(i), "at", "2026-01-01T00:00:" + String.format("%02d", 59 - i) + "Z"));
        }
        HISTORY.put(user, List.copyOf(entries));
    }

    /** {@code user} has viewed each item of {@code items} (in their order: newest first) at its time. */
    public static void viewed(String user, LinkedHashMap<String, Instant> items) {
        List<Map<String, Object>> entries = new ArrayList<>();
        items.forEach((item, at) -> entries.add(Map.of("itemId", item, "at", at.toString())));
        HISTORY.put(user, List.copyOf(entries));
    }

    /** How often {@code user}'s history was read. */
    public static int historyReads(String user) {
        return HISTORY_READS.getOrDefault(user, 0);
    }

    public static String titleOf(String id) {
        return "Title " + id;
    }

    /** The catalog's average rating of title n: what orders the top-rated chart. */
    public static double averageOf(int n) {
        return 2.0 + (n * 7 % 11) * 0.25;
    }

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
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.catalog.url", url, "quarkus.rest-client.rating.url", url,
                "quarkus.rest-client.user.url", url);
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
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/items/lookup")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                LOOKUP_REQUESTS.incrementAndGet();
                List<CountDownLatch> holds = new ArrayList<>();
                for (JsonNode id : body.get("ids")) {
                    LOOKUPS.merge(id.asText(), 1, Integer::sum);
                    CountDownLatch held = HELD_LOOKUPS.get(id.asText());
                    if (held != null) {
                        HELD_LOOKUP_ARRIVED.get(id.asText()).countDown();
                        holds.add(held);
                    }
                }
                holds.forEach(Neighbours::awaitQuietly);
                List<Object> items = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                for (JsonNode id : body.get("ids")) {
                    Integer n = number(id.asText());
                    if (n == null) {
                        missing.add(id.asText());
                    } else {
                        items.add(entry(n));
                    }
                }
                send(exchange, 200, Map.of("items", items, "missing", missing));
            } else if (method.equals("GET") && path.equals("/charts/top-rated")) {
                String genre = query(exchange).get("genre");
                List<Integer> chart = new ArrayList<>();
                for (int n = 1; n <= CATALOG_ITEMS; n++) {
                    if (genre == null || genre.equals(genreOf(n))) {
                        chart.add(n);
                    }
                }
                chart.sort(Comparator.comparingDouble(Neighbours::currentAverage).reversed());
                send(exchange, 200, Map.of("chart", "top-rated", "items", chart.stream().map(Neighbours::entry).toList()));
            } else if (method.equals("GET") && path.equals("/me/ratings")) {
                String user = subject(exchange);
                RATING_READS.merge(user, 1, Integer::sum);
                List<Object> ratings = RATINGS.getOrDefault(user, List.of()).stream()
                        .map(id -> (Object) Map.of("itemId", id, "rating", 4.0)).toList();
                CountDownLatch held = HELD.get(user);
                if (held != null) {
                    HELD_ARRIVED.get(user).countDown();
                    awaitQuietly(held);
                }
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("items", ratings);
                page.put("nextCursor", null);
                send(exchange, 200, page);
            } else if (method.equals("GET") && path.equals("/me/history")) {
                String user = subject(exchange);
                HISTORY_READS.merge(user, 1, Integer::sum);
                send(exchange, 200, Map.of("viewed", HISTORY.getOrDefault(user, List.of()), "rated", List.of()));
            } else {
                send(exchange, 404, Map.of("title", "Not found", "status", 404));
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double currentAverage(int n) {
        return AVERAGES.getOrDefault(item(n), averageOf(n));
    }

    private static Map<String, Object> entry(int n) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", item(n));
        entry.put("title", titleOf(item(n)));
        entry.put("year", yearOf(n));
        entry.put("genres", List.of(genreOf(n)));
        entry.put("stats", Map.of("ratingCount", 10, "ratingAverage", currentAverage(n), "viewCount", 20));
        entry.put("score", currentAverage(n));
        return entry;
    }

    /** The title number of a known id (t01..t61), else null. */
    private static Integer number(String id) {
        if (!id.matches("t\\d{2}")) {
            return null;
        }
        int n = Integer.parseInt(id.substring(1));
        return n >= 1 && n <= CATALOG_ITEMS ? n : null;
    }

    private static String subject(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String[] parts = header.substring("Bearer ".length()).split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("sub").asText();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
