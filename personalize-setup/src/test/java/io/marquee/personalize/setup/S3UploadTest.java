package io.marquee.personalize.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The AWS path of a setup: dataset files uploaded to S3, here a real S3-compatible server (S3Proxy on files) started in the test. */
class S3UploadTest {

    @Test
    void eachFileIsUploadedUnderThePrefixAndItsS3LocationIsWhatTheImportReads(@TempDir Path store, @TempDir Path files)
            throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", store.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(properties)
                .build(BlobStoreContext.class);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(endpoint).build();
        proxy.start();
        try {
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(20);
            }
            try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true)
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build()) {
                s3.createBucket(r -> r.bucket("datasets"));
                Path file = files.resolve("interactions.csv");
                Files.writeString(file, "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\nu1,i1,1700000000,watch,\n");

                String location;
                try (S3Upload upload = new S3Upload("s3://datasets/marquee/2026-12", "us-east-1", Optional.of(endpoint))) {
                    location = upload.of(file);
                }

                assertThat(location).isEqualTo("s3://datasets/marquee/2026-12/interactions.csv");
                byte[] stored = s3.getObjectAsBytes(r -> r.bucket("datasets").key("marquee/2026-12/interactions.csv"))
                        .asByteArray();
                assertThat(stored).isEqualTo(Files.readAllBytes(file));
            }
        } finally {
            proxy.stop();
            context.close();
        }
    }

    @Test
    void aLocationThatIsNotS3IsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new S3Upload("https://bucket/x", "us-east-1", Optional.empty()))
                .hasMessageContaining("s3://bucket/prefix/");
    }
}
