package io.marquee.devstack.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The relay's lag as event-ingest-service reports it on {@code /q/metrics} (its management port), for {@code ./marquee status}. */
public final class RelayLag {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RelayLag() {
    }

    /** Events behind and age of the oldest undelivered one. */
    public record Lag(long events, double seconds) {
    }

    /** The lag, or empty when the service does not answer. */
    public static Optional<Lag> of(int managementPort) {
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new Lag((long) value(metrics.body(), "marquee_ingest_relay_lag_events"),
                    value(metrics.body(), "marquee_ingest_relay_lag_seconds")));
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static double value(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
