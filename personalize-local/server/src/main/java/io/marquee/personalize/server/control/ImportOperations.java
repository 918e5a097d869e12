package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.checkTags;
import static io.marquee.personalize.server.control.ResourceOperations.fresh;
import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.config.ServerConfig;
import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetFile;
import io.marquee.personalize.server.data.DatasetType;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Dataset import jobs: a file:// or http(s):// CSV file validated against the dataset's schema. */
@ApplicationScoped
class ImportOperations implements Operations {

    private final ResourceOperations resources;
    private final Store store;
    private final ServerConfig config;

    ImportOperations(ResourceOperations resources) {
        this.resources = resources;
        this.store = resources.store();
        this.config = resources.config();
    }

    @Override
    public Map<String, Function<Input, ObjectNode>> operations() {
        Map<String, Function<Input, ObjectNode>> table = new LinkedHashMap<>();
        table.put("CreateDatasetImportJob", this::createDatasetImportJob);
        resources.describeAndList(table, Kind.DATASET_IMPORT_JOB, Kind.DATASET, job -> {
            ObjectNode wire = job.toWire();
            wire.remove(List.of("eventsAtTraining", "itemPutsAtTraining"));
            return wire;
        });
        return table;
    }

    private ObjectNode createDatasetImportJob(Input in) {
        String jobName = in.name("jobName");
        String datasetArn = in.arn("datasetArn", true);
        Input source = in.object("dataSource", true);
        String location = source.string("dataLocation", true, 1, 256);
        String roleArn = in.string("roleArn", false, 0, 256);
        String mode = in.oneOf("importMode", false, List.of("FULL", "INCREMENTAL"));
        in.bool("publishAttributionMetricsToS3");
        checkTags(in);
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw AwsException.invalid("dataSource.dataLocation is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("file", "http", "https", "s3").contains(scheme)) {
            throw AwsException.invalid("dataSource.dataLocation must be a file://, http(s):// (or s3://) URL");
        }
        Resource dataset = resources.activeParent(Kind.DATASET, datasetArn, "datasetArn");
        String arn = resources.arn("dataset-import-job", jobName);
        resources.requireFree(arn, Kind.DATASET_IMPORT_JOB);
        ObjectNode members = object().put("datasetArn", datasetArn).put("importMode", mode == null ? "FULL" : mode);
        members.putObject("dataSource").put("dataLocation", location);
        if (roleArn != null) {
            members.put("roleArn", roleArn);
        }
        resources.lifecycle().create(fresh(Kind.DATASET_IMPORT_JOB, arn, jobName, members), true,
                r -> runImport(r, dataset, uri, !"INCREMENTAL".equals(mode)));
        return object().put("datasetImportJobArn", arn);
    }

    private void runImport(Resource job, Resource dataset, URI uri, boolean full) throws Exception {
        DatasetType type = DatasetType.fromWire(dataset.member("datasetType")).orElseThrow();
        Resource schemaResource = store.find(dataset.member("schemaArn")).orElseThrow(
                () -> new Lifecycle.WorkFailed("the dataset's schema no longer exists"));
        AvroSchema schema = AvroSchema.parse(schemaResource.member("schema"));
        Path file = null;
        boolean downloaded = false;
        try {
            switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
                case "s3" -> throw new Lifecycle.WorkFailed("s3:// locations are not supported by "
                        + "personalize-local; import from a file:// or http(s):// URL");
                case "file" -> {
                    file = Path.of(uri).toAbsolutePath().normalize();
                    if (!file.startsWith(Path.of(config.importRoot()).toAbsolutePath().normalize())) {
                        throw new Lifecycle.WorkFailed(uri + " is outside personalize.import-root");
                    }
                    if (!Files.isRegularFile(file)) {
                        throw new Lifecycle.WorkFailed("No CSV file at " + uri);
                    }
                    if (Files.size(file) > config.importMaxBytes()) {
                        throw new Lifecycle.WorkFailed(uri + " is larger than personalize.import-max-bytes");
                    }
                }
                default -> {
                    file = download(uri);
                    downloaded = true;
                }
            }
            DatasetFile.Content content;
            try {
                content = DatasetFile.read(file, type, schema);
            } catch (DatasetFile.InvalidFile e) {
                throw new Lifecycle.WorkFailed("Invalid " + type.wireName() + " file " + uri + ": " + e.getMessage());
            } catch (java.nio.charset.MalformedInputException e) {
                throw new Lifecycle.WorkFailed("Invalid " + type.wireName() + " file " + uri + ": not UTF-8 text");
            }
            if (store.find(dataset.arn()).isEmpty()) {
                throw new Lifecycle.WorkFailed("the dataset was deleted during the import");
            }
            store.commitImport(dataset.member("datasetGroupArn"), type, job.name(), file, content, full);
        } finally {
            if (downloaded && file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Path download(URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Lifecycle.WorkFailed("Could not download " + uri + ": " + e.getMessage());
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new Lifecycle.WorkFailed("Downloading " + uri + " answered HTTP " + response.statusCode());
        }
        Path target = store.scratchFile("download");
        try (InputStream body = response.body()) {
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.size(target) > config.importMaxBytes()) {
            Files.deleteIfExists(target);
            throw new Lifecycle.WorkFailed(uri + " is larger than personalize.import-max-bytes");
        }
        return target;
    }
}
