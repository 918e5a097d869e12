package io.marquee.personalize.setup;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Uploads each dataset file to {@code s3://bucket/prefix/<file name>} and hands Personalize that
 * location. Credentials come from the default chain. An endpoint override (an S3-compatible
 * store) uses path-style addressing and checksums only where required, as such stores expect.
 */
public final class S3Upload implements DataLocation, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3Upload(String location, String region, Optional<URI> endpoint) {
        URI uri = URI.create(location);
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("an S3 location looks like s3://bucket/prefix/: " + location);
        }
        this.bucket = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
        this.prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
        S3ClientBuilder builder = S3Client.builder().region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(e -> builder.endpointOverride(e).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED));
        this.s3 = builder.build();
    }

    @Override
    public String of(Path file) {
        String key = prefix + file.getFileName();
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/csv"), RequestBody.fromFile(file));
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public void close() {
        s3.close();
    }
}
