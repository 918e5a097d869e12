package io.marquee.rating.review.sentiment;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.ComprehendClientBuilder;

/** Builds the Comprehend client: URL-connection HTTP, a deadline per call, standard retries with back-off. */
final class ComprehendClients {

    private ComprehendClients() {
    }

    /**
     * @param endpoint    another endpoint (a VPC endpoint, or a stand-in), or null for the region's
     * @param deadline    the whole call, retries included
     * @param maxAttempts attempts per call; throttling and 5xx are retried with exponential back-off and jitter
     */
    static ComprehendClient build(String region, URI endpoint, Duration deadline, int maxAttempts,
                                  AwsCredentialsProvider credentials) {
        ComprehendClientBuilder builder = ComprehendClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.apiCallTimeout(deadline)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(Math.max(1, maxAttempts)).build()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
