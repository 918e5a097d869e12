package io.marquee.rating.review.sentiment;

import io.marquee.rating.config.RatingsConfig;
import io.marquee.sentiment.LocalSentimentAnalyzer;
import io.marquee.sentiment.SentimentAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The analyzer that labels reviews: the local one (lexicon rules and a small classifier, in the
 * JVM, no network) unless {@code ratings.sentiment.provider=comprehend}, in which case Amazon
 * Comprehend answers and the local analyzer stands in whenever it fails.
 */
@ApplicationScoped
public class AnalyzerProducer {

    private static ComprehendAnalyzer comprehend(RatingsConfig.Comprehend config, LocalSentimentAnalyzer local) {
        return new ComprehendAnalyzer(ComprehendClients.build(config.region(), config.endpointOverride().orElse(null),
                config.timeout(), config.maxAttempts(), DefaultCredentialsProvider.builder().build()),
                local, config.batchSize(), config.languageCode());
    }

    @Produces
    @ApplicationScoped
    SentimentAnalyzer analyzer(RatingsConfig config) {
        LocalSentimentAnalyzer local = LocalSentimentAnalyzer.standard();
        String provider = config.sentiment().provider();
        return switch (provider) {
            case "local" -> local;
            case "comprehend" -> comprehend(config.sentiment().comprehend(), local);
            default -> throw new IllegalArgumentException(
                    "ratings.sentiment.provider must be local, was " + provider);
        };
    }
}
