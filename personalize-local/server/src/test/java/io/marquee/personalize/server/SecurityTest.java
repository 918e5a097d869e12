package io.marquee.personalize.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.personalize.server.support.Clients;
import io.marquee.personalize.server.support.CsvServer;
import io.marquee.personalize.server.support.Fixture;
import io.marquee.personalize.server.support.FreshDataDir;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;

/**
 * personalize-local as a shared development cluster runs it: SigV4 checked with a configured key,
 * URL imports allowed to reach private addresses (the test's own server is on loopback).
 */
@QuarkusTest
@TestProfile(SecurityTest.Shared.class)
@WithTestResource(FreshDataDir.class)
class SecurityTest {

    public static class Shared implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("personalize.auth.access-key-id", "AKIDSHARED",
                    "personalize.auth.secret-access-key", "shared-secret",
                    "personalize.import-allow-private-addresses", "true");
        }
    }

    private static PersonalizeClient control(String key, String secret) {
        return PersonalizeClient.builder().endpointOverride(Clients.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static PersonalizeRuntimeClient runtime(String key, String secret) {
        return PersonalizeRuntimeClient.builder().endpointOverride(Clients.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void withAKeyConfiguredOnlyRequestsSignedWithItAreServed() {
        assertThat(control("AKIDSHARED", "shared-secret").listRecipes(r -> { }).recipes()).isNotEmpty();
        assertThatThrownBy(() -> control("AKIDSHARED", "a-wrong-secret").listRecipes(r -> { }))
                .isInstanceOfSatisfying(PersonalizeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                });
        assertThatThrownBy(() -> control("AKIDOTHER", "shared-secret").listRecipes(r -> { }))
                .isInstanceOfSatisfying(PersonalizeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        assertThatThrownBy(() -> runtime("AKIDSHARED", "a-wrong-secret").getRecommendations(r -> r
                .campaignArn("arn:aws:personalize:us-east-1:000000000000:campaign/none").userId("u1")))
                .isInstanceOfSatisfying(PersonalizeRuntimeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        // Signed correctly, the runtime call gets as far as the campaign it names.
        assertThatThrownBy(() -> runtime("AKIDSHARED", "shared-secret").getRecommendations(r -> r
                .campaignArn("arn:aws:personalize:us-east-1:000000000000:campaign/none").userId("u1")))
                .isInstanceOfSatisfying(PersonalizeRuntimeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void anUnsignedRequestIsRefusedWithAwsErrorShape() {
        given().header("X-Amz-Target", "AmazonPersonalize.ListRecipes").contentType("application/x-amz-json-1.1")
                .body("{}".getBytes(StandardCharsets.UTF_8)).post("/").then().statusCode(403)
                .header("x-amzn-ErrorType", equalTo("MissingAuthenticationTokenException"))
                .body("__type", equalTo("MissingAuthenticationTokenException"));
        given().header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSHARED/20260101/us-east-1/personalize/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .header("X-Amz-Date", "20260101T000000Z").contentType("application/json")
                .body("{}".getBytes(StandardCharsets.UTF_8)).post("/events").then().statusCode(403)
                .body("__type", equalTo("InvalidSignatureException"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aUrlImportIsNeverRedirected() {
        PersonalizeClient client = control("AKIDSHARED", "shared-secret");
        String group = client.createDatasetGroup(r -> r.name("redirects")).datasetGroupArn();
        Clients.settle(() -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
        String schema = client.createSchema(r -> r.name("redirects").schema(Fixture.INTERACTIONS_SCHEMA)).schemaArn();
        String dataset = client.createDataset(r -> r.name("redirects").datasetGroupArn(group)
                .datasetType("INTERACTIONS").schemaArn(schema)).datasetArn();
        Clients.settle(() -> client.describeDataset(r -> r.datasetArn(dataset)).dataset().status());
        try (CsvServer server = CsvServer.start("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n"
                + "u1,i1,1700000000,watch,\nu2,i2,1700000001,watch,\n")) {
            var moved = importFrom(client, dataset, server.url("/moved"));
            assertThat(moved.status()).isEqualTo("CREATE FAILED");
            assertThat(moved.failureReason()).contains("redirect");
            assertThat(importFrom(client, dataset, server.url("/interactions.csv")).status()).isEqualTo("ACTIVE");
        }
    }

    private static software.amazon.awssdk.services.personalize.model.DatasetImportJob importFrom(
            PersonalizeClient client, String dataset, String location) {
        String job = client.createDatasetImportJob(r -> r.jobName("job-" + System.nanoTime()).datasetArn(dataset)
                .dataSource(DataSource.builder().dataLocation(location).build())).datasetImportJobArn();
        Clients.settle(() -> client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob().status());
        return client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob();
    }

    @Test
    void theServerListensOnLoopbackUnlessToldOtherwise() throws Exception {
        Properties properties = new Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.http.host")).isEqualTo("127.0.0.1");
    }
}
