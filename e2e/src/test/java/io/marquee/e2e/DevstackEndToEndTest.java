package io.marquee.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: {@code ./marquee up} starts DynamoDB Local, Kafka, every
 * service and the demo data; a user reads the catalog through the gateway; {@code ./marquee down}
 * stops it; a second start keeps the data and does not load it again.
 */
class DevstackEndToEndTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void upLoadsDemoDataServesItThroughTheGatewayAndKeepsItAcrossARestart() throws Exception {
        Devstack stack = new Devstack(home).start();
        try {
            stack.awaitReady(START_TIMEOUT);

            HttpResponse<String> item = get("/api/v1/movies/1", "e2e-request-1");
            assertThat(item.statusCode()).isEqualTo(200);
            assertThat(item.headers().firstValue("X-Request-Id")).contains("e2e-request-1");
            JsonNode movie = JSON.readTree(item.body());
            assertThat(movie.path("id").asText()).isEqualTo("1");
            String title = movie.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(movie.path("genres").isArray()).isTrue();

            // Paging a genre through the gateway returns only that genre, each movie once.
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse<String> page = get("/api/v1/movies?genre=comedy&limit=50"
                        + (cursor == null ? "" : "&cursor=" + cursor), null);
                assertThat(page.statusCode()).isEqualTo(200);
                JsonNode body = JSON.readTree(page.body());
                for (JsonNode m : body.path("items")) {
                    assertThat(m.path("genres").toString()).contains("\"Comedy\"");
                    assertThat(seen.add(m.path("id").asText())).isTrue();
                }
                cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
                pages++;
            } while (cursor != null && pages < 5);
            assertThat(seen).hasSizeGreaterThanOrEqualTo(100);

            HttpResponse<String> missing = get("/api/v1/movies/no-such-movie", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
            HttpResponse<String> badCursor = get("/api/v1/movies?genre=Drama&cursor=bm90LWpzb24", null);
            assertThat(badCursor.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badCursor.body()).toString()).contains("cursor");

            // The demo data was written in Personalize's interactions format for the engine to train on.
            Path interactions = home.resolve("data/demo/interactions.csv");
            try (Stream<String> lines = Files.lines(interactions)) {
                List<String> head = lines.limit(2).toList();
                assertThat(head.get(0)).isEqualTo("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE");
            }
            try (Stream<String> lines = Files.lines(interactions)) {
                assertThat(lines.count()).isGreaterThan(200_000);
            }

            importsMovieLensFilesIntoTheRunningStack(stack);

            assertThat(stack.down()).isZero();
            stack.awaitExit(Duration.ofSeconds(60));
            assertThat(portIsFree(Devstack.url(8080, "")))
                    .as("gateway port released after down").isTrue();

            Devstack again = new Devstack(home).start();
            try {
                again.awaitReady(START_TIMEOUT);
                assertThat(again.output()).anyMatch(line -> line.contains("data already loaded"));
                JsonNode sameMovie = JSON.readTree(get("/api/v1/movies/1", null).body());
                assertThat(sameMovie.path("title").asText()).isEqualTo(title);
                assertThat(again.down()).isZero();
                again.awaitExit(Duration.ofSeconds(60));
            } finally {
                again.kill();
            }
        } finally {
            stack.kill();
        }
    }

    /**
     * {@code ./marquee import-movielens DIR}: good rows reach the catalog (titles with their article
     * moved back, links as metadata), malformed rows are reported by file and line and skipped.
     */
    private void importsMovieLensFilesIntoTheRunningStack(Devstack stack) throws Exception {
        Path dir = Files.createDirectories(home.resolve("ml-fixture"));
        Files.writeString(dir.resolve("movies.csv"), """
                movieId,title,genres
                900001,"American President, The (1995)",Comedy|Drama|Romance
                900002,Broken Row (1999),Not-A-Genre
                900003,Heat (1995),Action|Crime|Thriller
                """);
        Files.writeString(dir.resolve("ratings.csv"), """
                userId,movieId,rating,timestamp
                1,900001,4.0,964982703
                1,900003,5.0,964982931
                2,900001,7.5,964983000
                """);
        Files.writeString(dir.resolve("links.csv"), """
                movieId,imdbId,tmdbId
                900001,0112346,9087
                """);

        Devstack.Result result = stack.run("import-movielens", dir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("movies.csv line 3 skipped").contains("ratings.csv line 4 skipped");
        JsonNode imported = JSON.readTree(get("/api/v1/movies/900001", null).body());
        assertThat(imported.path("title").asText()).isEqualTo("The American President");
        assertThat(imported.path("year").asInt()).isEqualTo(1995);
        assertThat(imported.path("genres").toString()).isEqualTo("[\"Comedy\",\"Drama\",\"Romance\"]");
        assertThat(imported.path("metadata").path("imdbId").asText()).isEqualTo("0112346");
        assertThat(get("/api/v1/movies/900002", null).statusCode()).isEqualTo(404);
        try (Stream<String> lines = Files.lines(home.resolve("data/movielens/interactions.csv"))) {
            assertThat(lines.skip(1).toList()).containsExactly(
                    "1,900001,964982703,rate,4.0", "1,900003,964982931,rate,5.0");
        }
    }

    @Test
    void upRefusesToStartWhenAPortIsTakenAndNamesIt() throws Exception {
        int gatewayPort = 8080 + Devstack.PORT_OFFSET;
        try (ServerSocket squatter = new ServerSocket(gatewayPort, 1, InetAddress.getLoopbackAddress())) {
            Devstack stack = new Devstack(home).start("--in-memory");
            try {
                int exit = stack.awaitExit(Duration.ofSeconds(60));
                assertThat(exit).isEqualTo(1);
                assertThat(String.join("\n", stack.output()))
                        .contains("gateway port " + gatewayPort)
                        .contains("already in use");
            } finally {
                stack.kill();
            }
        }
    }

    private static HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Devstack.url(8080, path)))
                .timeout(Duration.ofSeconds(10)).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean portIsFree(String url) {
        int port = URI.create(url).getPort();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
