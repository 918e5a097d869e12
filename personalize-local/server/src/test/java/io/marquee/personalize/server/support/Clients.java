package io.marquee.personalize.server.support;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * The unmodified AWS SDK clients, pointed at the running test app as any user of
 * personalize-local points them: endpoint override, a region, fake static credentials.
 */
public final class Clients {

    private static PersonalizeClient control;
    private static PersonalizeRuntimeClient runtime;
    private static PersonalizeEventsClient events;

    private Clients() {
    }

    public static URI endpoint() {
        return URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));
    }

    public static synchronized PersonalizeClient control() {
        if (control == null) {
            control = PersonalizeClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return control;
    }

    public static synchronized PersonalizeRuntimeClient runtime() {
        if (runtime == null) {
            runtime = PersonalizeRuntimeClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return runtime;
    }

    public static synchronized PersonalizeEventsClient events() {
        if (events == null) {
            events = PersonalizeEventsClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                    .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        }
        return events;
    }

    /**
     * Polls a status (as setup tools must: the model has no waiters) until it leaves the
     * transitional ones, and returns it. The limit only stops a broken run from hanging.
     */
    public static String settle(Supplier<String> status) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String s = status.get();
        while (s != null && (s.contains("PENDING") || s.contains("IN_PROGRESS")) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            s = status.get();
        }
        return s;
    }
}
