package io.marquee.devstack.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first visitor's requests, sent through the gateway before READY is printed, so READY means
 * each path has run once. Right after every service said ready, each JVM's first requests (class
 * loading, JIT, connection pools) on two cores ran past the gateway's deadlines and answered 504.
 *
 * <p>The requests form independent chains (a listing then one movie's page and its similar
 * titles; a chart; the home page; a search; a sign-in then a signed-in home page and a rating
 * that changes nothing; a sign-up that changes nothing) that run side by side: each chain's
 * first request mostly waits on one service's first-time work, and the services are otherwise
 * idle by then. Every request is asked again each half second until it gets its expected answer
 * or the limit passes: a slow warm-up delays READY, it never fails the start.
 */
final class WarmUp {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"/?#]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    /** An item id no catalog holds: the warm-up's rating of it is refused (404) and writes nothing. */
    static final String NO_SUCH_ITEM = "devstack-warm-up-no-such-item";
    private static final Duration ASK_AGAIN = Duration.ofMillis(500);

    /** The one account the launcher knows (the bootstrap admin), to sign in with. */
    record Account(String email, String password) {
    }

    private final String api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final long deadline;

    /** @param gatewayPort where the gateway answers; {@code limit} bounds the whole warm-up */
    WarmUp(int gatewayPort, Duration limit) {
        this.api = "http://127.0.0.1:" + gatewayPort + "/api/v1";
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /**
     * Runs every chain the stack's modules can answer, side by side, and returns when all have
     * their answers or the limit passed. {@code account} is empty when user-service is not part of
     * the stack.
     */
    void run(Set<String> modules, Optional<Account> account) {
        List<Runnable> chains = new ArrayList<>();
        boolean recommendations = modules.contains("recommendation-service");
        chains.add(() -> {
            Matcher id = FIRST_ID.matcher(Optional.ofNullable(answer(get("/movies?limit=1"), 200)).orElse(""));
            if (id.find()) {
                answer(get("/movies/" + id.group(1)), 200);
                if (recommendations) {
                    answer(get("/movies/" + id.group(1) + "/similar?limit=10"), 200);
                }
            }
        });
        chains.add(() -> answer(get("/charts/top-rated?limit=10"), 200));
        // The web app's first request: the gateway keeps what its charts answer to stand in for a
        // first page whose charts run past the budget (its ChartWarmer also loads them every 15 s).
        chains.add(() -> answer(get("/home?limit=20"), 200));
        chains.add(() -> answer(get("/movies/search?q=the&limit=10"), 200));
        account.ifPresent(admin -> {
            String emailAndPassword = "\"email\":\"" + admin.email() + "\",\"password\":\"" + admin.password() + "\"";
            chains.add(() -> {
                // The sign-in path (password hash, the throttle's write, token signing) ...
                Matcher token = ACCESS_TOKEN.matcher(
                        Optional.ofNullable(answer(post("/auth/login", "{" + emailAndPassword + "}"), 200)).orElse(""));
                if (!token.find()) {
                    return;
                }
                String bearer = "Bearer " + token.group(1);
                if (recommendations) {
                    // ... a signed-in home page ("for you", "because you watched …") ...
                    answer(get("/home?limit=20").header("Authorization", bearer), 200);
                }
                if (modules.contains("rating-service")) {
                    // ... and a rating's path up to the catalog's item check (the token's check,
                    // rating-service asking catalog-service), for an item no catalog holds: 404.
                    answer(request("/movies/" + NO_SUCH_ITEM + "/rating").header("Authorization", bearer)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"rating\":4.5}")), 404);
                }
            });
            // A sign-up's whole path (validation, bcrypt, the account's DynamoDB transaction) for
            // an address that is taken: it answers 409 and creates nothing.
            chains.add(() -> answer(post("/auth/signup",
                    "{\"name\":\"Warm-up\",\"age\":30,\"gender\":\"female\"," + emailAndPassword + "}"), 409));
        });
        ExecutorService threads = Executors.newFixedThreadPool(chains.size(), runnable -> {
            Thread thread = new Thread(runnable, "devstack-warm-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(chains.stream()
                    .map(chain -> CompletableFuture.runAsync(chain, threads))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** The body of the first answer with status {@code expected}, asking again each half second; null past the deadline. */
    private String answer(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == expected) {
                    return answer.body();
                }
            } catch (IOException e) {
                // Not answering yet: ask again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                Thread.sleep(ASK_AGAIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
