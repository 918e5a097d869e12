package io.marquee.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.devstack.data.Movie;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads movies into catalog-service through its admin batch API: the catalog owns its tables, so
 * nobody else writes them. Writes are upserts, so loading twice changes nothing.
 */
public final class CatalogLoader {

    /** The catalog's batch limit. */
    static final int BATCH_SIZE = 100;
    private static final Pattern ITEM_INDEX = Pattern.compile("^items\\[(\\d+)]");

    private final URI batchUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;

    public CatalogLoader(String catalogUrl, PrintStream out) {
        this.batchUri = URI.create(catalogUrl + "/items/batch");
        this.out = out;
    }

    /** Result of a load: how many items the catalog holds from it, and which it refused and why. */
    public record Result(int loaded, List<String> refused) {
    }

    public Result load(List<Movie> movies) throws IOException, InterruptedException {
        int loaded = 0;
        List<String> refused = new ArrayList<>();
        for (int from = 0; from < movies.size(); from += BATCH_SIZE) {
            List<Movie> batch = movies.subList(from, Math.min(movies.size(), from + BATCH_SIZE));
            HttpResponse<String> answer = post(batch);
            if (answer.statusCode() == 400) {
                // Drop what the catalog refused (it names items[i].field) and send the rest again.
                Set<Integer> bad = refusedIndexes(answer.body(), refused, batch);
                List<Movie> rest = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    if (!bad.contains(i)) {
                        rest.add(batch.get(i));
                    }
                }
                batch = rest;
                answer = batch.isEmpty() ? null : post(batch);
            }
            if (answer != null && answer.statusCode() / 100 != 2) {
                throw new IOException("catalog-service refused a batch: HTTP " + answer.statusCode() + " "
                        + answer.body());
            }
            loaded += batch.size();
        }
        return new Result(loaded, refused);
    }

    private HttpResponse<String> post(List<Movie> batch) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("items", batch));
        HttpRequest request = HttpRequest.newBuilder(batchUri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Set<Integer> refusedIndexes(String problemJson, List<String> refused, List<Movie> batch)
            throws IOException {
        Set<Integer> bad = new TreeSet<>();
        JsonNode problem = json.readTree(problemJson);
        for (JsonNode error : problem.path("errors")) {
            Matcher m = ITEM_INDEX.matcher(error.path("field").asText());
            if (m.find()) {
                int index = Integer.parseInt(m.group(1));
                if (index < batch.size() && bad.add(index)) {
                    refused.add("movie " + batch.get(index).id() + ": " + error.path("field").asText() + " "
                            + error.path("message").asText());
                }
            }
        }
        if (bad.isEmpty()) {
            throw new IOException("catalog-service refused a batch without naming items: " + problemJson);
        }
        out.printf("[devstack] catalog refused %d movies of a batch; loading the rest%n", bad.size());
        return bad;
    }
}
