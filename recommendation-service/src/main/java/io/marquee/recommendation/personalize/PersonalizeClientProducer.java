package io.marquee.recommendation.personalize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClientBuilder;

/**
 * The one Personalize runtime client. The SDK's own retries are off: {@link Campaigns} retries
 * throttling only, with its own back-off, and counts everything else toward its circuit breaker.
 * Credentials come from the default chain (environment, profile, web identity with {@code sts} on
 * the class path for IRSA, container, instance); they are looked up at the first call, so a
 * service without any still starts and answers from the fallback.
 */
@ApplicationScoped
public class PersonalizeClientProducer {

    @Produces
    @ApplicationScoped
    PersonalizeRuntimeClient runtime(PersonalizeConfig config) {
        Duration timeout = config.timeout();
        PersonalizeRuntimeClientBuilder builder = PersonalizeRuntimeClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout)
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes PersonalizeRuntimeClient client) {
        client.close();
    }
}
