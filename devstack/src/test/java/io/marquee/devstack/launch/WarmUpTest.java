package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's warm-up against a small HTTP server in the gateway's place (the real gateway's
 * answers are covered end to end by the e2e module, which starts the whole stack): which requests
 * a first visitor's warm-up sends, that its chains run side by side, that a request is asked again
 * until it gets its expected answer, and that a route that never answers cannot hold the start.
 */
class WarmUpTest {

    private static final Set<String> EVERY_MODULE = Set.of("gateway", "catalog-service", "user-service",
            "rating-service", "recommendation-service", "event-ingest-service");
    private static final WarmUp.Account ADMIN = new WarmUp.Account("admin@marquee.local", "s3cret");

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    /** A gateway that answers like a healthy stack, except where {@code special} answers instead. */
    private int start(Route special) throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.setExecutor(Executors.newCachedThreadPool());
        gateway.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + exchange.getRequestHeaders().getOrDefault("Authorization", List.of()).stream().map(a -> " [" + a + "]")
                    .findFirst().orElse("");
            seen.add(request);
            Answer answer = special.answer(request);
            if (answer == null) {
                answer = healthy(exchange);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        return gateway.getAddress().getPort();
    }

    private record Answer(int status, String body) {
    }

    private interface Route {
        /** The answer to this request, or null for a healthy stack's. */
        Answer answer(String request);
    }

    private static Answer healthy(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return switch (path) {
            case "/api/v1/movies" -> new Answer(200, "{\"items\":[{\"id\":\"m42\",\"title\":\"Arrival\"}]}");
            case "/api/v1/auth/login" -> new Answer(200, "{\"accessToken\":\"tok-1\",\"expiresIn\":900}");
            case "/api/v1/auth/signup" -> new Answer(409, "{\"title\":\"taken\"}");
            case "/api/v1/movies/" + WarmUp.NO_SUCH_ITEM + "/rating" -> new Answer(404, "{\"title\":\"no such item\"}");
            default -> new Answer(200, "{}");
        };
    }

    @Test
    void aFirstVisitorsRequestsReachEveryService() throws IOException {
        int port = start(request -> null);

        new WarmUp(port, Duration.ofSeconds(30)).run(EVERY_MODULE, Optional.of(ADMIN));

        assertThat(seen).containsExactlyInAnyOrder(
                "GET /api/v1/movies?limit=1",
                "GET /api/v1/movies/m42",
                "GET /api/v1/movies/m42/similar?limit=10",
                "GET /api/v1/charts/top-rated?limit=10",
                "GET /api/v1/home?limit=20",
                "GET /api/v1/movies/search?q=the&limit=10",
                "POST /api/v1/auth/login",
                "GET /api/v1/home?limit=20 [Bearer tok-1]",
                "PUT /api/v1/movies/" + WarmUp.NO_SUCH_ITEM + "/rating [Bearer tok-1]",
                "POST /api/v1/auth/signup");
    }

    @Test
    void withoutUserOrRecommendationServiceOnlyTheirRequestsAreLeftOut() throws IOException {
        int port = start(request -> null);

        new WarmUp(port, Duration.ofSeconds(30)).run(Set.of("gateway", "catalog-service"), Optional.empty());

        assertThat(seen).containsExactlyInAnyOrder("GET /api/v1/movies?limit=1", "GET /api/v1/movies/m42",
                "GET /api/v1/charts/top-rated?limit=10", "GET /api/v1/home?limit=20",
                "GET /api/v1/movies/search?q=the&limit=10");
    }

    @Test
    void chainsRunSideBySide() throws IOException {
        // The listing is held until the sign-up has arrived: one chain after another would never
        // send the sign-up while the listing waits, and the listing would answer 503.
        CountDownLatch signUpArrived = new CountDownLatch(1);
        int port = start(request -> {
            if (request.startsWith("POST /api/v1/auth/signup")) {
                signUpArrived.countDown();
            } else if (request.equals("GET /api/v1/movies?limit=1")) {
                try {
                    return signUpArrived.await(10, TimeUnit.SECONDS) ? null : new Answer(503, "{}");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer(503, "{}");
                }
            }
            return null;
        });

        new WarmUp(port, Duration.ofSeconds(30)).run(EVERY_MODULE, Optional.of(ADMIN));

        assertThat(seen).filteredOn("GET /api/v1/movies?limit=1"::equals).hasSize(1);
        assertThat(seen).contains("GET /api/v1/movies/m42/similar?limit=10");
    }

    @Test
    void aRequestIsAskedAgainUntilItGetsItsExpectedAnswer() throws IOException {
        AtomicInteger searches = new AtomicInteger();
        int port = start(request -> request.startsWith("GET /api/v1/movies/search") && searches.incrementAndGet() <= 2
                ? new Answer(504, "{\"title\":\"deadline\"}")
                : null);

        new WarmUp(port, Duration.ofSeconds(30)).run(EVERY_MODULE, Optional.of(ADMIN));

        assertThat(searches).hasValue(3);
    }

    @Test
    void aRouteThatNeverAnswersIsGivenUpAtTheLimitAndTheOthersStillRun() throws IOException {
        int port = start(request -> request.startsWith("GET /api/v1/charts/top-rated") ? new Answer(500, "{}") : null);

        new WarmUp(port, Duration.ofSeconds(2)).run(EVERY_MODULE, Optional.of(ADMIN));

        assertThat(seen).filteredOn(r -> r.startsWith("GET /api/v1/charts/top-rated")).hasSizeGreaterThan(1);
        assertThat(seen).contains("GET /api/v1/movies/m42/similar?limit=10", "POST /api/v1/auth/signup");
    }
}
