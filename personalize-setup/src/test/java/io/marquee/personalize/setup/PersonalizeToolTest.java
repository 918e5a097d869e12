package io.marquee.personalize.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/** setup → recommend → status → cleanup against the real personalize-local, through the command line. */
class PersonalizeToolTest {

    private static LocalPersonalize local;

    @BeforeAll
    static void start() throws Exception {
        // The default credentials chain reads these; personalize-local accepts any key.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        local = new LocalPersonalize();
    }

    @AfterAll
    static void stop() throws Exception {
        local.close();
    }

    private static Result tool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PersonalizeTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void setupIsIdempotentWritesConfigurationCampaignsAnswerAndCleanupRemovesEverything() throws Exception {
        Path env = local.home.resolve("out/resources.env");
        Path values = local.home.resolve("out/values-personalize.yaml");
        Result first = tool("setup", "--endpoint", local.url(), "--prefix", "tool", "--data", local.data().toString(),
                "--users", local.data().resolve("users.csv").toString(),
                "--env-out", env.toString(), "--values-out", values.toString(), "--timeout", "300");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("training tool-for-you").contains("ACTIVE");

        Properties written = new Properties();
        try (var in = Files.newBufferedReader(env)) {
            written.load(in);
        }
        String forYou = written.getProperty("PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN");
        assertThat(forYou).endsWith(":campaign/tool-for-you");
        assertThat(written.getProperty("PERSONALIZE_FILTERS_EXCLUDE_RATED_GENRE_ARN")).endsWith(":filter/tool-exclude-rated-genre");
        assertThat(written.getProperty("PERSONALIZE_TRACKING_ID")).isNotBlank();
        assertThat(written.getProperty("PERSONALIZE_ENDPOINT_OVERRIDE")).isEqualTo(local.url());
        assertThat(Files.readString(values)).contains("personalize:").contains("forYou: \"" + forYou + "\"")
                .contains("excludeRatedYear: ").contains("trackingId: \"" + written.getProperty("PERSONALIZE_TRACKING_ID") + "\"");

        Result again = tool("setup", "--endpoint", local.url(), "--prefix", "tool", "--data", local.data().toString(),
                "--env-out", env.toString());
        assertThat(again.code()).as(again.err()).isZero();
        // Nothing is created again: no import, no training started.
        assertThat(again.out()).doesNotContain("] training tool-").doesNotContain("] importing ");
        Properties second = new Properties();
        try (var in = Files.newBufferedReader(env)) {
            second.load(in);
        }
        assertThat(second).isEqualTo(written);

        try (PersonalizeRuntimeClient runtime = PersonalizeRuntimeClient.builder()
                .endpointOverride(URI.create(local.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            var answer = runtime.getRecommendations(r -> r.campaignArn(forYou).userId("v2").numResults(5)
                    .filterArn(written.getProperty("PERSONALIZE_FILTERS_EXCLUDE_RATED_GENRE_ARN"))
                    .filterValues(java.util.Map.of("GENRE", "\"Drama\"")));
            assertThat(answer.itemList()).isNotEmpty();
        }

        Result status = tool("status", "--endpoint", local.url(), "--prefix", "tool");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("campaign").contains("tool-similar-items").contains("filter")
                .contains("dataset group").contains("tool-users").doesNotContain("FAILED");

        Result cleanup = tool("cleanup", "--endpoint", local.url(), "--prefix", "tool", "--timeout", "120");
        assertThat(cleanup.code()).as(cleanup.err()).isZero();
        assertThat(cleanup.out()).contains("removed campaign tool-for-you").contains("removed dataset group tool")
                .contains("removed schema tool-interactions");
        assertThat(tool("status", "--endpoint", local.url(), "--prefix", "tool").out()).contains("no resources named tool*");
        assertThat(tool("cleanup", "--endpoint", local.url(), "--prefix", "tool").out()).contains("nothing to remove");
    }

    @Test
    void badUsageSaysWhatIsWrong() {
        assertThat(tool().code()).isEqualTo(2);
        Result unknown = tool("deploy");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command: deploy").contains("usage:");
        assertThat(tool("setup", "--timeout", "soon").err()).contains("--timeout wants whole seconds");
        assertThat(tool("status", "--prefix", "../etc").err()).contains("prefix");
        Result noData = tool("setup", "--endpoint", local.url(), "--prefix", "nodata");
        assertThat(noData.code()).isEqualTo(1);
        assertThat(noData.err()).contains("--data");
    }
}
