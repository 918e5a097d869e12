package io.marquee.rating.review.sentiment;

import io.marquee.sentiment.Label;
import io.marquee.sentiment.Sentiment;
import io.marquee.sentiment.SentimentAnalyzer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentItemResult;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentResponse;
import software.amazon.awssdk.services.comprehend.model.BatchItemError;

/**
 * Amazon Comprehend's sentiment behind the same interface as the local analyzer: texts go in
 * batches of up to 25 ({@code BatchDetectSentiment}); the SDK client retries throttling and
 * transient failures with exponential back-off (its standard retry strategy, bounded attempts and
 * an overall deadline). Whatever still fails (the call, or single texts in its error list) is
 * labelled by the local analyzer, so a write never fails for want of a label. MIXED counts as
 * neutral; the score is P(positive) - P(negative).
 */
public final class ComprehendAnalyzer implements SentimentAnalyzer {

    public static final String SOURCE = "comprehend";
    /** Comprehend takes at most 5,000 bytes of UTF-8 per text. */
    static final int MAX_BYTES = 5000;
    private static final Logger LOG = Logger.getLogger(ComprehendAnalyzer.class);

    private final ComprehendClient client;
    private final SentimentAnalyzer fallback;
    private final int batchSize;
    private final String languageCode;

    public ComprehendAnalyzer(ComprehendClient client, SentimentAnalyzer fallback, int batchSize, String languageCode) {
        this.client = client;
        this.fallback = fallback;
        this.batchSize = Math.max(1, Math.min(25, batchSize));
        this.languageCode = languageCode;
    }

    @Override
    public Sentiment analyze(String text) {
        return analyzeAll(List.of(text)).get(0);
    }

    @Override
    public List<Sentiment> analyzeAll(List<String> texts) {
        List<Sentiment> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            out.addAll(batch(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return out;
    }

    private List<Sentiment> batch(List<String> texts) {
        Sentiment[] labels = new Sentiment[texts.size()];
        List<String> sent = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                labels[i] = Sentiment.neutral(SOURCE);
            } else {
                sent.add(truncate(text));
                positions.add(i);
            }
        }
        if (!sent.isEmpty()) {
            try {
                BatchDetectSentimentResponse response = client.batchDetectSentiment(b -> b.textList(sent)
                        .languageCode(languageCode));
                for (BatchDetectSentimentItemResult result : response.resultList()) {
                    labels[positions.get(result.index())] = toSentiment(result);
                }
                Map<Integer, String> errors = new HashMap<>();
                for (BatchItemError error : response.errorList()) {
                    errors.put(error.index(), error.errorCode());
                }
                if (!errors.isEmpty()) {
                    LOG.warnf("Comprehend could not label %d of %d texts (%s); the local analyzer labels them",
                            errors.size(), sent.size(), errors.values());
                }
            } catch (SdkException e) {
                LOG.warnf("Comprehend failed (%s); the local analyzer labels these %d texts", e.toString(), sent.size());
            }
        }
        List<Sentiment> out = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            out.add(labels[i] != null ? labels[i] : fallback.analyze(texts.get(i)));
        }
        return out;
    }

    private static Sentiment toSentiment(BatchDetectSentimentItemResult result) {
        Label label = switch (result.sentiment()) {
            case POSITIVE -> Label.POSITIVE;
            case NEGATIVE -> Label.NEGATIVE;
            default -> Label.NEUTRAL;
        };
        double positive = result.sentimentScore() == null || result.sentimentScore().positive() == null
                ? 0 : result.sentimentScore().positive();
        double negative = result.sentimentScore() == null || result.sentimentScore().negative() == null
                ? 0 : result.sentimentScore().negative();
        return new Sentiment(label, Math.max(-1, Math.min(1, positive - negative)), SOURCE);
    }

    /** The longest prefix of whole code points that fits Comprehend's byte limit. */
    static String truncate(String text) {
        if (text.length() * 3 <= MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + width > MAX_BYTES) {
                break;
            }
            bytes += width;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }
}
