import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Freshness of the clickstream (not a test), a single-file program:
 *
 * <pre>
 *   java bench/load/Freshness.java GATEWAY_EVENTS_URL TOKEN PERSONALIZE_URL FOR_YOU_CAMPAIGN_ARN USER_ID ROUNDS
 * </pre>
 *
 * Each round: read the user's "for you" list from Personalize (personalize-local), POST one view
 * of an item through the gateway with the user's token, then read the list every 10 ms until it
 * differs. Prints {@code rounds changed p50 p95 max} in ms, measured from the gateway's 202.
 */
public class Freshness {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        URI events = URI.create(args[0]);
        String token = args[1];
        URI recommendations = URI.create(args[2] + "/recommendations");
        String campaign = args[3];
        String user = args[4];
        int rounds = Integer.parseInt(args[5]);
        List<Double> took = new ArrayList<>();
        String session = "fresh-" + UUID.randomUUID();
        for (int r = 0; r < rounds; r++) {
            String before = forYou(recommendations, campaign, user);
            String item = Integer.toString(1 + (r * 37) % 1000);
            String body = "{\"events\":[{\"eventId\":\"" + UUID.randomUUID() + "\",\"sessionId\":\"" + session
                    + "\",\"eventType\":\"view\",\"itemId\":\"" + item + "\",\"sentAt\":\"" + Instant.now() + "\"}]}";
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(events)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("events answered " + accepted.statusCode() + ": " + accepted.body());
            }
            long start = System.nanoTime();
            long deadline = start + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!forYou(recommendations, campaign, user).equals(before)) {
                    took.add((System.nanoTime() - start) / 1e6);
                    break;
                }
                Thread.sleep(10);
            }
        }
        took.sort(null);
        System.out.printf("%d %d %.0f %.0f %.0f%n", rounds, took.size(), q(took, 0.5), q(took, 0.95),
                took.isEmpty() ? 0.0 : took.get(took.size() - 1));
    }

    private static double q(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** The item ids of the answer, as text (the order matters: a re-ranking is a change). */
    private static String forYou(URI url, String campaign, String user) throws Exception {
        String body = "{\"campaignArn\":\"" + campaign + "\",\"userId\":\"" + user + "\",\"numResults\":10}";
        String answer = HTTP.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return answer.replaceAll("\"score\":[^,}]*", "").replaceAll("\"recommendationId\":\"[^\"]*\"", "");
    }
}
