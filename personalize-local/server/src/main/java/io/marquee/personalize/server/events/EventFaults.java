package io.marquee.personalize.server.events;

import io.marquee.personalize.server.web.AwsException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fault switch for testing PutEvents clients (off unless configured): answers a share of calls
 * with {@code ThrottlingException} (400, which the SDKs retry) or a 503, and refuses for good
 * ({@code InvalidInputException}) calls carrying an item id with a given prefix. Faults are
 * decided before anything is recorded, so a faulted call changed nothing, as with AWS.
 * Environment: {@code PERSONALIZE_FAULTS_THROTTLE_SHARE}, {@code PERSONALIZE_FAULTS_FAIL_SHARE},
 * {@code PERSONALIZE_FAULTS_REJECT_ITEM_PREFIX}.
 */
@ApplicationScoped
public class EventFaults {

    /** {@code personalize.faults.*}: all off by default. */
    @ConfigMapping(prefix = "personalize.faults")
    public interface Config {

        /** Share (0–1) of PutEvents calls answered with ThrottlingException. */
        @WithDefault("0")
        double throttleShare();

        /** Share (0–1) of PutEvents calls answered with 503 ServiceUnavailableException. */
        @WithDefault("0")
        double failShare();

        /** PutEvents calls with an {@code itemId} starting with this are refused as invalid input. */
        Optional<String> rejectItemPrefix();
    }

    private final Config config;
    private final byte[] rejectMarker;

    public EventFaults(Config config) {
        this.config = config;
        this.rejectMarker = config.rejectItemPrefix().filter(p -> !p.isEmpty())
                .map(p -> ("\"itemId\":\"" + p).getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** Throws the configured fault for this call, if any. */
    void beforePutEvents(byte[] body) {
        if (rejectMarker != null && contains(body, rejectMarker)) {
            throw AwsException.invalid("eventList has an item refused by the fault switch ("
                    + config.rejectItemPrefix().orElseThrow() + "...)");
        }
        double draw = ThreadLocalRandom.current().nextDouble();
        if (draw < config.throttleShare()) {
            throw new AwsException("ThrottlingException", 400, "Rate exceeded (fault switch)");
        }
        if (draw < config.throttleShare() + config.failShare()) {
            throw new AwsException("ServiceUnavailableException", 503, "Service unavailable (fault switch)");
        }
    }

    /** The SDK writes JSON without spaces, so {@code "itemId":"<prefix>} is found as bytes. */
    private static boolean contains(byte[] body, byte[] marker) {
        outer:
        for (int i = 0; i <= body.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (body[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
