package io.marquee.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each service is told through its ConfigMap, Secrets and ServiceAccount. */
class ServiceConfigurationTest {

    private static final List<String> AWS_USERS = List.of("user-service", "catalog-service", "rating-service");

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyRestClientUrlPointsAtARenderedServiceAndPort(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        int urls = 0;
        for (ConfigMap configMap : Manifests.ofKind(objects, ConfigMap.class)) {
            for (var entry : Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of()).entrySet()) {
                if (!entry.getKey().startsWith("QUARKUS_REST_CLIENT_") && !entry.getKey().equals("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
                    continue;
                }
                URI uri = URI.create(entry.getValue());
                Service target = Manifests.named(objects, Service.class, uri.getHost());
                assertThat(target.getSpec().getPorts()).extracting(p -> p.getPort()).contains(uri.getPort());
                urls++;
            }
        }
        assertThat(urls).isPositive();
    }

    @Test
    void theGatewayIsToldWhereEveryServiceIs() {
        Map<String, String> gateway = config(Chart.renderObjects(Chart.Values.DEFAULT), "gateway");

        assertThat(gateway).containsEntry("QUARKUS_REST_CLIENT_CATALOG_URL", "http://marquee-catalog-service:8082")
                .containsEntry("QUARKUS_REST_CLIENT_USER_URL", "http://marquee-user-service:8081")
                .containsEntry("QUARKUS_REST_CLIENT_RATING_URL", "http://marquee-rating-service:8083");
    }

    @Test
    void servicesVerifyTokensWithUserServicesJwks() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.DEFAULT);
        for (String service : List.of("gateway", "catalog-service", "rating-service")) {
            assertThat(config(objects, service))
                    .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://marquee-user-service:8081/auth/jwks");
        }
    }

    @Test
    void anExternalIssuersJwksReplacesUserServiceAndItsNetworkAllowance() {
        String jwks = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_example/.well-known/jwks.json";
        List<HasMetadata> objects = Chart.parse(Chart.template(Chart.Values.DEFAULT).set("auth.jwksUrl", jwks).call());

        assertThat(config(objects, "catalog-service")).containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwks);
        assertThat(config(objects, "user-service")).containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwks);
    }

    @Test
    void onKindTheServicesUseTheDevDependenciesPodAndItsFakeCredentialsSecret() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.KIND);
        for (String service : AWS_USERS) {
            assertThat(config(objects, service))
                    .containsEntry("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", "http://marquee-dev-dependencies:8000")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "marquee-dev-dependencies:9092");
            assertThat(secretRefs(objects, service)).contains("marquee-dev-aws");
        }
        assertThat(secretRefs(objects, "gateway")).as("the gateway calls no AWS API").isEmpty();
        assertThat(Manifests.named(objects, Service.class, "marquee-dev-dependencies").getSpec().getPorts())
                .extracting(p -> p.getPort()).containsExactly(8000, 9092, 9380);
    }

    @Test
    void onEksKafkaIsMskWithIamAuthAndAwsCredentialsComeFromIrsa() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.EKS);
        for (String service : AWS_USERS) {
            assertThat(config(objects, service))
                    .containsEntry("MARQUEE_KAFKA_AUTHENTICATION", "MSK_IAM")
                    .containsEntry("QUARKUS_DYNAMODB_AWS_REGION", "eu-west-1")
                    .doesNotContainKey("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE");
            assertThat(config(objects, service).get("KAFKA_BOOTSTRAP_SERVERS")).contains(":9098");
            ServiceAccount account = Manifests.named(objects, ServiceAccount.class, "marquee-" + service);
            assertThat(account.getMetadata().getAnnotations()).containsKey("eks.amazonaws.com/role-arn");
            assertThat(pod(objects, service).getServiceAccountName()).isEqualTo(account.getMetadata().getName());
            assertThat(secretRefs(objects, service)).as("no static AWS keys on EKS").isEmpty();
        }
    }

    @Test
    void theTokenSigningKeyIsAnExistingSecretMountedAsAFile() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.EKS);
        PodSpec pod = pod(objects, "user-service");
        Container container = pod.getContainers().get(0);

        assertThat(pod.getVolumes()).filteredOn(v -> v.getSecret() != null)
                .singleElement().satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("marquee-jwt"));
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/marquee/jwt");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(config(objects, "user-service"))
                .containsEntry("USERS_JWT_PRIVATE_KEY_LOCATION", "/etc/marquee/jwt/private-key.pem");
    }

    @Test
    void aSingleUserServicePodWithoutAKeySecretGeneratesItsKeyOnItsWritableTmp() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.KIND);

        assertThat(config(objects, "user-service")).containsEntry("USERS_JWT_KEY_DIR", "/tmp/jwt-keys")
                .doesNotContainKey("USERS_JWT_PRIVATE_KEY_LOCATION");
        assertThat(pod(objects, "user-service").getVolumes()).noneMatch(v -> v.getSecret() != null);
    }

    @Test
    void severalUserServiceReplicasWithoutAKeySecretFailTheRenderBecauseTheirTokensWouldDisagree() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("userService.jwt.existingSecret", "").call())
                .hasMessageContaining("userService.jwt.existingSecret is required");
    }

    @Test
    void anIssuerIsWrittenByUserServiceAndExpectedByEveryService() {
        List<HasMetadata> objects = Chart.parse(Chart.template(Chart.Values.DEFAULT).set("auth.issuer", "https://marquee.example.com").call());

        assertThat(config(objects, "user-service")).containsEntry("USERS_JWT_ISSUER", "https://marquee.example.com");
        for (String service : ChartLintAndRenderTest.SERVICES) {
            assertThat(config(objects, service)).containsEntry("MP_JWT_VERIFY_ISSUER", "https://marquee.example.com");
        }
    }

    @Test
    void recommendationServiceIsToldItsCampaignsFiltersAndTheServicesItReads() {
        String campaign = "arn:aws:personalize:eu-west-1:111122223333:campaign/marquee-for-you";
        String filter = "arn:aws:personalize:eu-west-1:111122223333:filter/marquee-exclude-rated-genre";
        List<HasMetadata> objects = Chart.parse(Chart.template(Chart.Values.DEFAULT)
                .set("personalize.campaignArns.forYou", campaign)
                .set("personalize.filterArns.excludeRatedGenre", filter).call());

        assertThat(config(objects, "recommendation-service"))
                .containsEntry("PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN", campaign)
                .containsEntry("PERSONALIZE_FILTERS_EXCLUDE_RATED_GENRE_ARN", filter)
                .containsEntry("QUARKUS_REST_CLIENT_CATALOG_URL", "http://marquee-catalog-service:8082")
                .containsEntry("QUARKUS_REST_CLIENT_RATING_URL", "http://marquee-rating-service:8083")
                .containsEntry("QUARKUS_REST_CLIENT_USER_URL", "http://marquee-user-service:8081");
    }

    @Test
    void theGatewayBelievesForwardedForOnlyFromTheConfiguredProxies() {
        // Default: no proxy named, so no X-Forwarded-For is believed (Quarkus would trust every peer
        // if forwarding were on without a list, and the private ranges are every pod and VPC client).
        Map<String, String> byDefault = config(Chart.renderObjects(Chart.Values.DEFAULT), "gateway");
        assertThat(byDefault).doesNotContainKeys("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");

        Map<String, String> kind = config(Chart.renderObjects(Chart.Values.KIND), "gateway");
        assertThat(kind).containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "10.244.0.0/16");

        List<HasMetadata> named = Chart.parse(Chart.template(Chart.Values.DEFAULT)
                .set("gateway.trustedProxies", "10.1.2.0/24").call());
        assertThat(config(named, "gateway")).containsEntry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "10.1.2.0/24");
        assertThat(config(named, "user-service")).doesNotContainKey("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
    }

    @Test
    void quarkusPropertiesInConfigBecomeEnvironmentVariables() {
        List<HasMetadata> objects = Chart.parse(Chart.template(Chart.Values.DEFAULT)
                .set("catalogService.config.catalog\\.charts\\.trending-window", "PT12H").call());

        assertThat(config(objects, "catalog-service")).containsEntry("CATALOG_CHARTS_TRENDING_WINDOW", "PT12H");
        assertThat(config(objects, "rating-service")).doesNotContainKey("CATALOG_CHARTS_TRENDING_WINDOW");
    }

    @Test
    void aCustomMetricScalesAServiceBesideCpu() {
        List<HasMetadata> objects = Chart.parse(Chart.template(Chart.Values.DEFAULT)
                .set("ratingService.autoscaling.customMetrics[0].name", "marquee_ingest_relay_lag_seconds")
                .set("ratingService.autoscaling.customMetrics[0].targetAverageValue", "30")
                .call());
        HorizontalPodAutoscaler hpa = Manifests.named(objects, HorizontalPodAutoscaler.class, "marquee-rating-service");

        assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getType()).containsExactly("Resource", "Pods");
        assertThat(hpa.getSpec().getMetrics().get(1).getPods().getMetric().getName()).isEqualTo("marquee_ingest_relay_lag_seconds");
    }

    @Test
    void aDisabledServiceLeavesNoObjectsUrlsOrAllowancesBehind() {
        String rendered = Chart.template(Chart.Values.DEFAULT).set("ratingService.enabled", false).call();

        assertThat(rendered).doesNotContain("rating-service").doesNotContain("QUARKUS_REST_CLIENT_RATING_URL");
    }

    @Test
    void onlyTheGatewayIsExposedThroughAnIngressWithTls() {
        List<Ingress> ingresses = Manifests.ofKind(Chart.renderObjects(Chart.Values.EKS), Ingress.class);

        assertThat(ingresses).singleElement().satisfies(ingress -> {
            assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                    .isEqualTo("marquee-gateway");
            assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("marquee.example.com");
            // EKS: the ALB terminates TLS with the ACM certificate and listens on HTTPS only.
            assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("alb");
            assertThat(ingress.getMetadata().getAnnotations())
                    .containsKey("alb.ingress.kubernetes.io/certificate-arn")
                    .containsEntry("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTPS\":443}]");
        });
        assertThat(Manifests.ofKind(Chart.renderObjects(Chart.Values.DEFAULT), Ingress.class)).isEmpty();
    }

    @Test
    void aConfigChangeRollsThePods() {
        Deployment after = Manifests.named(Chart.parse(Chart.template(Chart.Values.DEFAULT).set("gateway.env.QUARKUS_LOG_LEVEL", "DEBUG").call()),
                Deployment.class, "marquee-gateway");
        Deployment original = Manifests.named(Chart.renderObjects(Chart.Values.DEFAULT), Deployment.class, "marquee-gateway");

        assertThat(after.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"))
                .isNotEqualTo(original.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"));
    }

    private static Map<String, String> config(List<HasMetadata> objects, String service) {
        return Manifests.named(objects, ConfigMap.class, "marquee-" + service).getData();
    }

    private static PodSpec pod(List<HasMetadata> objects, String service) {
        return Manifests.named(objects, Deployment.class, "marquee-" + service).getSpec().getTemplate().getSpec();
    }

    private static List<String> secretRefs(List<HasMetadata> objects, String service) {
        return pod(objects, service).getContainers().get(0).getEnvFrom().stream()
                .map(EnvFromSource::getSecretRef).filter(Objects::nonNull).map(s -> s.getName()).toList();
    }
}
