package io.marquee.recommendation.personalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * Throttling must not amplify overload (ADR 0029): what {@link Campaigns} does when the runtime
 * API answers {@code ThrottlingException}, through the real SDK client, against a stand-in that
 * answers on the wire exactly as personalize-local's admission bound and Amazon Personalize do
 * (HTTP 400, {@code x-amzn-ErrorType: ThrottlingException}). Throttling on demand is what the
 * real engine cannot be made to do here without starving it. A Quarkus test only because the
 * fault-tolerance guards need the running application; the module boots once for all its tests.
 */
@QuarkusTest
class CampaignsThrottlingTest {

    private static final String CAMPAIGN = "arn:aws:personalize:us-east-1:000000000000:campaign/for-you";

    /** What the stand-in answers next. */
    enum Mode { ANSWER, THROTTLE, THROTTLE_ONCE, FAIL }

    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWER);
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private PersonalizeRuntimeClient client;
    private SimpleMeterRegistry metrics;
    private Campaigns campaigns;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/recommendations", this::answer);
        server.start();
        PersonalizeConfig config = config(Map.of(
                "personalize.endpoint-override", "http://127.0.0.1:" + server.getAddress().getPort(),
                "personalize.campaigns.for-you-arn", CAMPAIGN,
                "personalize.timeout", "5s"));
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        client = new PersonalizeClientProducer().runtime(config);
        metrics = new SimpleMeterRegistry();
        campaigns = new Campaigns(client, config, metrics);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }

    @Test
    void aMomentaryThrottleIsRetriedOnceAndAnswered() throws Exception {
        mode.set(Mode.THROTTLE_ONCE);

        CampaignAnswer answer = recommend();

        assertThat(answer.recommendationId()).isEqualTo("RID-1");
        assertThat(answer.items()).extracting(Scored::itemId).containsExactly("t01", "t02");
        assertThat(requests.get()).isEqualTo(2);
        assertThat(metrics.counter(Campaigns.THROTTLE_RETRIES, "outcome", "retried").count()).isEqualTo(1);
    }

    @Test
    void sustainedThrottlingIsAnsweredThrottledAtOnceRetriedOnlyWithinTheBudgetAndNeverOpensTheBreaker()
            throws Exception {
        mode.set(Mode.THROTTLE);
        int calls = 200;
        for (int i = 0; i < calls; i++) {
            CampaignUnavailable refused = catchThrowableOfType(CampaignUnavailable.class, this::recommend);
            assertThat(refused.reason()).isEqualTo(CampaignUnavailable.THROTTLED);
        }
        // Without a budget every call would be retried: 400 requests. With it: the burst saved up
        // (10) and a tenth of the calls.
        assertThat(requests.get()).isBetween(calls, calls + 10 + calls / 10);
        assertThat(metrics.counter(Campaigns.THROTTLE_RETRIES, "outcome", "over-budget").count())
                .isGreaterThanOrEqualTo(calls - 10 - calls / 10);

        // The engine was up all along, saying "not now": the very next call is asked, and answered.
        mode.set(Mode.ANSWER);
        assertThat(recommend().recommendationId()).isEqualTo("RID-1");
    }

    @Test
    void failuresStillOpenTheBreakerSoAnEngineInTroubleIsLeftAlone() {
        mode.set(Mode.FAIL);
        for (int i = 0; i < 20; i++) {
            assertThat(catchThrowableOfType(CampaignUnavailable.class, this::recommend).reason())
                    .isEqualTo(CampaignUnavailable.UNAVAILABLE);
        }
        int asked = requests.get();
        mode.set(Mode.ANSWER);

        assertThat(catchThrowableOfType(CampaignUnavailable.class, this::recommend).reason())
                .isEqualTo(CampaignUnavailable.CIRCUIT_OPEN);
        assertThat(requests.get()).isEqualTo(asked);
    }

    private CampaignAnswer recommend() throws CampaignUnavailable {
        return campaigns.recommend(Optional.of(CAMPAIGN), "u1", null, 2, null, Map.of());
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        int n = requests.incrementAndGet();
        Mode now = mode.get();
        if (now == Mode.THROTTLE || (now == Mode.THROTTLE_ONCE && n == 1)) {
            // personalize-local's Admission, byte for byte in what the SDK reads.
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ThrottlingException");
            send(exchange, 400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        } else if (now == Mode.FAIL) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalFailure");
            send(exchange, 500, "{\"__type\":\"InternalFailure\",\"message\":\"broken\"}");
        } else {
            send(exchange, 200, "{\"itemList\":[{\"itemId\":\"t01\",\"score\":0.6},{\"itemId\":\"t02\",\"score\":0.4}],"
                    + "\"recommendationId\":\"RID-1\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The service's typed configuration from these keys and the defaults, as Quarkus would build it. */
    private static PersonalizeConfig config(Map<String, String> keys) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(PersonalizeConfig.class)
                // "5s" as Quarkus reads durations (plain SmallRye wants "PT5S").
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(keys, "test", 500))
                .build();
        return config.getConfigMapping(PersonalizeConfig.class);
    }
}
