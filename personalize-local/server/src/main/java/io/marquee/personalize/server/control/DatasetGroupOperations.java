package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.checkTags;
import static io.marquee.personalize.server.control.ResourceOperations.fresh;
import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetType;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Dataset groups, schemas and datasets: the containers an import fills. */
@ApplicationScoped
class DatasetGroupOperations implements Operations {

    private final ResourceOperations resources;
    private final Store store;

    DatasetGroupOperations(ResourceOperations resources) {
        this.resources = resources;
        this.store = resources.store();
    }

    @Override
    public Map<String, Function<Input, ObjectNode>> operations() {
        Map<String, Function<Input, ObjectNode>> table = new LinkedHashMap<>();
        table.put("CreateDatasetGroup", this::createDatasetGroup);
        resources.describeAndList(table, Kind.DATASET_GROUP, null, this::describeGroup);
        resources.delete(table, Kind.DATASET_GROUP, group -> resources.firstUser(
                List.of(Kind.DATASET, Kind.SOLUTION, Kind.EVENT_TRACKER, Kind.FILTER),
                x -> group.arn().equals(x.member("datasetGroupArn"))), group -> store.dropGroup(group.arn()));
        table.put("CreateSchema", this::createSchema);
        resources.describeAndList(table, Kind.SCHEMA, null);
        resources.delete(table, Kind.SCHEMA, schema -> resources.firstUser(List.of(Kind.DATASET),
                x -> schema.arn().equals(x.member("schemaArn"))), schema -> { });
        table.put("CreateDataset", this::createDataset);
        resources.describeAndList(table, Kind.DATASET, Kind.DATASET_GROUP);
        resources.delete(table, Kind.DATASET, dataset -> resources.firstUser(List.of(Kind.DATASET_IMPORT_JOB),
                job -> dataset.arn().equals(job.member("datasetArn")) && ResourceOperations.inProgress(job)),
                dataset -> store.dropDataset(dataset.member("datasetGroupArn"),
                        DatasetType.fromWire(dataset.member("datasetType")).orElseThrow()));
        return table;
    }

    /**
     * A group whose oldest events did not fit the heap at the last start stays ACTIVE (its
     * campaigns answer) and says what it dropped in failureReason, where training memory limits
     * are reported too.
     */
    private ObjectNode describeGroup(Resource group) {
        ObjectNode wire = group.toWire();
        String note = store.group(group.arn()).replayNote();
        if (note != null && !wire.hasNonNull("failureReason")) {
            wire.put("failureReason", note);
        }
        return wire;
    }

    private ObjectNode createDatasetGroup(Input in) {
        String name = in.name("name");
        String roleArn = in.string("roleArn", false, 0, 256);
        String kmsKeyArn = in.string("kmsKeyArn", false, 0, 2048);
        String domain = in.oneOf("domain", false, List.of("ECOMMERCE", "VIDEO_ON_DEMAND"));
        checkTags(in);
        String arn = resources.arn("dataset-group", name);
        resources.requireFree(arn, Kind.DATASET_GROUP);
        ObjectNode members = object();
        if (roleArn != null) {
            members.put("roleArn", roleArn);
        }
        if (kmsKeyArn != null) {
            members.put("kmsKeyArn", kmsKeyArn);
        }
        if (domain != null) {
            members.put("domain", domain);
        }
        resources.lifecycle().create(fresh(Kind.DATASET_GROUP, arn, name, members), false, r -> store.group(r.arn()));
        ObjectNode out = object().put("datasetGroupArn", arn);
        if (domain != null) {
            out.put("domain", domain);
        }
        return out;
    }

    private ObjectNode createSchema(Input in) {
        String name = in.name("name");
        String schema = in.string("schema", true, 1, 20000);
        String domain = in.oneOf("domain", false, List.of("ECOMMERCE", "VIDEO_ON_DEMAND"));
        AvroSchema.parse(schema);
        String arn = resources.arn("schema", name);
        resources.requireFree(arn, Kind.SCHEMA);
        ObjectNode members = object().put("schema", schema);
        if (domain != null) {
            members.put("domain", domain);
        }
        store.put(fresh(Kind.SCHEMA, arn, name, members));
        return object().put("schemaArn", arn);
    }

    private ObjectNode createDataset(Input in) {
        String name = in.name("name");
        String schemaArn = in.arn("schemaArn", true);
        String groupArn = in.arn("datasetGroupArn", true);
        String typeName = in.string("datasetType", true, 0, 256);
        checkTags(in);
        DatasetType type = DatasetType.fromWire(typeName).orElseThrow(() -> AwsException.invalid(
                "datasetType must be Interactions, Items or Users (Actions and ActionInteractions are not "
                        + "supported by personalize-local)"));
        Resource schema = store.get(Kind.SCHEMA, schemaArn);
        Resource group = resources.activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        AvroSchema.parse(schema.member("schema")).checkFor(type);
        String arn = resources.arn("dataset", group.name() + "/" + type.name());
        if (store.find(arn).isPresent()) {
            throw AwsException.alreadyExists("The dataset group " + groupArn + " already has a "
                    + type.wireName() + " dataset");
        }
        ObjectNode members = object().put("datasetGroupArn", groupArn).put("datasetType", type.wireName())
                .put("schemaArn", schemaArn);
        resources.lifecycle().create(fresh(Kind.DATASET, arn, name, members), false, r -> { });
        return object().put("datasetArn", arn);
    }
}
