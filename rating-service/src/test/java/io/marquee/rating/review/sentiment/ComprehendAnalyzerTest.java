package io.marquee.rating.review.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.marquee.sentiment.Label;
import io.marquee.sentiment.LocalSentimentAnalyzer;
import io.marquee.sentiment.Sentiment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/**
 * {@link ComprehendAnalyzer} against a local HTTP stand-in that answers as Comprehend does on the
 * wire (AWS JSON 1.1: {@code X-Amz-Target: Comprehend_20171127.BatchDetectSentiment}, errors by
 * {@code __type}); the answers are the documented response shapes of BatchDetectSentiment. The SDK
 * client is the real one, as the service builds it.
 */
class ComprehendAnalyzerTest {

    /** A BatchDetectSentiment answer for three texts: positive, negative, mixed. */
    static final String THREE_LABELS = """
            {"ErrorList":[],"ResultList":[
             {"Index":0,"Sentiment":"POSITIVE","SentimentScore":{"Mixed":0.0012,"Negative":0.0021,"Neutral":0.0101,"Positive":0.9866}},
             {"Index":1,"Sentiment":"NEGATIVE","SentimentScore":{"Mixed":0.0008,"Negative":0.9702,"Neutral":0.0241,"Positive":0.0049}},
             {"Index":2,"Sentiment":"MIXED","SentimentScore":{"Mixed":0.6113,"Negative":0.1877,"Neutral":0.0213,"Positive":0.1797}}]}
            """;
    static final String THROTTLED = "{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}";
    static final String BROKEN = "{\"__type\":\"InternalServerException\",\"Message\":\"Internal server error\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final Deque<int[]> statuses = new ConcurrentLinkedDeque<>();
    private final Deque<String> bodies = new ConcurrentLinkedDeque<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> targets = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(json.readTree(in));
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            int[] status = statuses.isEmpty() ? new int[] {200} : statuses.poll();
            String body = bodies.isEmpty() ? THREE_LABELS : bodies.poll();
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status[0], out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ComprehendAnalyzer analyzer(int maxAttempts) {
        ComprehendClient client = ComprehendClients.build("us-east-1",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(10), maxAttempts,
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")));
        return new ComprehendAnalyzer(client, LocalSentimentAnalyzer.standard(), 25, "en");
    }

    private void answer(int status, String body) {
        statuses.add(new int[] {status});
        bodies.add(body);
    }

    @Test
    void aBatchIsOneCallAndEachAnswerBecomesALabel() {
        List<Sentiment> labels = analyzer(3).analyzeAll(List.of("Loved it", "Hated it", "Loved the cast, hated the plot"));

        assertThat(targets).containsExactly("Comprehend_20171127.BatchDetectSentiment");
        assertThat(requests.get(0).path("LanguageCode").asText()).isEqualTo("en");
        assertThat(requests.get(0).path("TextList")).hasSize(3);
        assertThat(labels).extracting(Sentiment::label).containsExactly(Label.POSITIVE, Label.NEGATIVE, Label.NEUTRAL);
        assertThat(labels).extracting(Sentiment::source).containsOnly("comprehend");
        // Comprehend's scores are 32-bit floats: P(positive) - P(negative) is exact to about 1e-7.
        assertThat(labels.get(0).score()).isCloseTo(0.9845, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(labels.get(1).score()).isCloseTo(-0.9653, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void throttlingIsRetriedWithBackOffAndThenAnswered() {
        answer(400, THROTTLED);
        answer(400, THROTTLED);
        answer(200, THREE_LABELS);

        List<Sentiment> labels = analyzer(4).analyzeAll(List.of("a", "b", "c"));

        assertThat(requests).hasSize(3);
        assertThat(labels).extracting(Sentiment::source).containsOnly("comprehend");
    }

    @Test
    void whenComprehendKeepsFailingTheLocalAnalyzerLabels() {
        for (int i = 0; i < 5; i++) {
            answer(500, BROKEN);
        }
        List<Sentiment> labels = analyzer(2).analyzeAll(List.of("A wonderful film, I loved it.", "Awful and boring."));

        assertThat(requests).hasSize(2);
        assertThat(labels).extracting(Sentiment::source).containsOnly("local");
        assertThat(labels).extracting(Sentiment::label).containsExactly(Label.POSITIVE, Label.NEGATIVE);
    }

    @Test
    void aTextComprehendCouldNotLabelIsLabelledLocally() {
        answer(200, """
                {"ErrorList":[{"Index":1,"ErrorCode":"TEXT_SIZE_LIMIT_EXCEEDED","ErrorMessage":"too long"}],
                 "ResultList":[{"Index":0,"Sentiment":"NEUTRAL","SentimentScore":{"Mixed":0.0,"Negative":0.1,"Neutral":0.8,"Positive":0.1}}]}
                """);
        List<Sentiment> labels = analyzer(2).analyzeAll(List.of("It is a film.", "Awful and boring."));

        assertThat(labels.get(0)).isEqualTo(new Sentiment(Label.NEUTRAL, 0.0, "comprehend"));
        assertThat(labels.get(1).source()).isEqualTo("local");
        assertThat(labels.get(1).label()).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void moreThan25TextsGoInSeveralBatches() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add("text " + i);
        }
        // The stand-in answers three results per call: the rest of each batch falls back, but the
        // batching is what is checked here.
        analyzer(1).analyzeAll(texts);
        assertThat(requests).extracting(r -> r.path("TextList").size()).containsExactly(25, 5);
    }

    @Test
    void aTextOverComprehendsByteLimitIsCutAtACodePoint() {
        String long1 = "é".repeat(3000);
        String cut = ComprehendAnalyzer.truncate(long1);
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ComprehendAnalyzer.MAX_BYTES);
        assertThat(cut).isEqualTo("é".repeat(2500));
        assertThat(ComprehendAnalyzer.truncate("short")).isEqualTo("short");
    }
}
