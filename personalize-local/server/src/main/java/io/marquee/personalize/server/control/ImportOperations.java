package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.checkTags;
import static io.marquee.personalize.server.control.ResourceOperations.fresh;
import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetFile;
import io.marquee.personalize.server.data.DatasetType;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final ImportSource source;

    ImportOperations(ResourceOperations resources, ImportSource source) {
        this.resources = resources;
        this.store = resources.store();
        this.source = source;
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
        ImportSource.Local local = source.fetch(uri);
        Path file = local.file();
        try {
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
            if (local.scratch()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
