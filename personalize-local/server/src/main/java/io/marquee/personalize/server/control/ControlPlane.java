package io.marquee.personalize.server.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Models;
import io.marquee.personalize.engine.Recipe;
import io.marquee.personalize.engine.TrainingConfig;
import io.marquee.personalize.server.config.ServerConfig;
import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetFile;
import io.marquee.personalize.server.data.DatasetType;
import io.marquee.personalize.server.filter.FilterExpression;
import io.marquee.personalize.server.filter.FilterSyntaxException;
import io.marquee.personalize.server.store.GroupData;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The control-plane operations ({@code AmazonPersonalize.<Operation>}) personalize-local
 * implements, each taking the request body and answering the response body. Setup tools poll
 * Describe* for the status, as with AWS; creates and deletes move through the statuses in the
 * background ({@link Lifecycle}).
 */
@ApplicationScoped
public class ControlPlane {

    private final Store store;
    private final Lifecycle lifecycle;
    private final ServerConfig config;
    private final Map<String, Function<Input, ObjectNode>> operations = new HashMap<>();

    public ControlPlane(Store store, Lifecycle lifecycle, ServerConfig config) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.config = config;
        operations.put("CreateDatasetGroup", this::createDatasetGroup);
        operations.put("CreateSchema", this::createSchema);
        operations.put("CreateDataset", this::createDataset);
        operations.put("CreateDatasetImportJob", this::createDatasetImportJob);
        operations.put("CreateSolution", this::createSolution);
        operations.put("CreateSolutionVersion", this::createSolutionVersion);
        operations.put("CreateCampaign", this::createCampaign);
        operations.put("UpdateCampaign", this::updateCampaign);
        operations.put("CreateEventTracker", this::createEventTracker);
        operations.put("CreateFilter", this::createFilter);
        operations.put("GetSolutionMetrics", this::getSolutionMetrics);
        operations.put("DescribeRecipe", this::describeRecipe);
        operations.put("ListRecipes", this::listRecipes);
        for (Kind kind : Kind.values()) {
            operations.put("Describe" + operationNoun(kind), in -> describe(kind, in));
            operations.put("List" + operationNoun(kind) + "s", in -> list(kind, in));
        }
        operations.put("DeleteDatasetGroup", in -> delete(Kind.DATASET_GROUP, in));
        operations.put("DeleteSchema", in -> delete(Kind.SCHEMA, in));
        operations.put("DeleteDataset", in -> delete(Kind.DATASET, in));
        operations.put("DeleteSolution", in -> delete(Kind.SOLUTION, in));
        operations.put("DeleteCampaign", in -> delete(Kind.CAMPAIGN, in));
        operations.put("DeleteEventTracker", in -> delete(Kind.EVENT_TRACKER, in));
        operations.put("DeleteFilter", in -> delete(Kind.FILTER, in));
    }

    private static String operationNoun(Kind kind) {
        StringBuilder noun = new StringBuilder();
        for (String part : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            noun.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return noun.toString();
    }

    /** Runs one operation; an unknown one answers as AWS does for a target it does not know. */
    public ObjectNode call(String operation, Input in) {
        Function<Input, ObjectNode> op = operations.get(operation);
        if (op == null) {
            throw new AwsException("UnknownOperationException", 400, "personalize-local does not implement "
                    + operation);
        }
        return op.apply(in);
    }

    // ---------------------------------------------------------------- helpers

    private String arn(String type, String path) {
        return "arn:aws:personalize:" + config.region() + ":" + config.accountId() + ":" + type + "/" + path;
    }

    private static ObjectNode object() {
        return Input.mapper().createObjectNode();
    }

    private void requireFree(String arn, Kind kind) {
        if (store.find(arn).isPresent()) {
            throw AwsException.alreadyExists("A " + kind.label() + " " + arn + " already exists");
        }
    }

    /** A parent that must exist and be ACTIVE before something is created in it. */
    private Resource activeParent(Kind kind, String arn, String field) {
        Resource parent = store.get(kind, arn);
        if (!parent.isActive()) {
            throw AwsException.inUse(field + ": the " + kind.label() + " " + arn + " is " + parent.status()
                    + ", not ACTIVE");
        }
        return parent;
    }

    private static void copyTags(Input in) {
        List<Input> tags = in.objects("tags", false, 0, 200);
        if (tags != null) {
            for (Input tag : tags) {
                tag.string("tagKey", true, 1, 128);
                tag.string("tagValue", true, 0, 256);
            }
        }
    }

    private static Resource fresh(Kind kind, String arn, String name, ObjectNode members) {
        double now = Resource.now();
        return new Resource(kind, arn, name, null, now, now, null, members);
    }

    // ---------------------------------------------------------------- generic Describe / List / Delete

    private ObjectNode describe(Kind kind, Input in) {
        Resource r = store.get(kind, in.arn(kind.arnMember(), true));
        ObjectNode wire = r.toWire();
        if (kind == Kind.SOLUTION) {
            latestVersion(r.arn()).ifPresent(v -> wire.set("latestSolutionVersion", summary(v)));
        }
        if (kind == Kind.SOLUTION_VERSION || kind == Kind.DATASET_IMPORT_JOB) {
            wire.remove(List.of("eventsAtTraining", "itemPutsAtTraining"));
        }
        return object().set(kind.describeMember(), wire);
    }

    private static ObjectNode summary(Resource version) {
        ObjectNode s = object().put("solutionVersionArn", version.arn()).put("status", version.status())
                .put("creationDateTime", version.created()).put("lastUpdatedDateTime", version.updated());
        if (version.member("trainingMode") != null) {
            s.put("trainingMode", version.member("trainingMode"));
        }
        if (version.failureReason() != null) {
            s.put("failureReason", version.failureReason());
        }
        return s;
    }

    private java.util.Optional<Resource> latestVersion(String solutionArn) {
        return store.list(Kind.SOLUTION_VERSION).stream()
                .filter(v -> solutionArn.equals(v.member("solutionArn")))
                .max(Comparator.comparingDouble(Resource::created));
    }

    /** The member a List* operation filters by, when it has one. */
    private static String parentMember(Kind kind) {
        return switch (kind) {
            case DATASET, SOLUTION, EVENT_TRACKER, FILTER -> "datasetGroupArn";
            case DATASET_IMPORT_JOB -> "datasetArn";
            case SOLUTION_VERSION, CAMPAIGN -> "solutionArn";
            default -> null;
        };
    }

    private ObjectNode list(Kind kind, Input in) {
        String parentMember = parentMember(kind);
        String parent = parentMember == null ? null : in.arn(parentMember, false);
        int max = in.integer("maxResults", 1, 100) == null ? 100 : in.integer("maxResults", 1, 100);
        String token = in.string("nextToken", false, 0, 1500);
        int from = 0;
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw AwsException.invalid("nextToken is not a token this server gave out");
            }
            if (from < 0) {
                throw AwsException.invalid("nextToken is not a token this server gave out");
            }
        }
        if (parent != null) {
            Kind parentKind = switch (parentMember) {
                case "datasetGroupArn" -> Kind.DATASET_GROUP;
                case "datasetArn" -> Kind.DATASET;
                default -> Kind.SOLUTION;
            };
            store.get(parentKind, parent);
        }
        Predicate<Resource> matches = r -> parent == null || parent.equals(parentOf(kind, r));
        List<Resource> all = store.list(kind).stream().filter(matches)
                .sorted(Comparator.comparingDouble(Resource::created).reversed()).toList();
        ObjectNode out = object();
        ArrayNode items = out.putArray(kind.listMember());
        for (int i = from; i < Math.min(all.size(), from + max); i++) {
            ObjectNode wire = all.get(i).toWire();
            wire.remove(List.of("eventsAtTraining", "itemPutsAtTraining"));
            items.add(wire);
        }
        if (from + max < all.size()) {
            out.put("nextToken", String.valueOf(from + max));
        }
        return out;
    }

    private String parentOf(Kind kind, Resource r) {
        if (kind == Kind.CAMPAIGN) {
            return store.find(r.member("solutionVersionArn")).map(v -> v.member("solutionArn")).orElse(null);
        }
        return r.member(parentMember(kind));
    }

    private ObjectNode delete(Kind kind, Input in) {
        Resource r = store.get(kind, in.arn(kind.arnMember(), true));
        if (r.isDeleting()) {
            throw AwsException.inUse("The " + kind.label() + " " + r.arn() + " is already being deleted");
        }
        String user = userOf(r);
        if (user != null) {
            throw AwsException.inUse("The " + kind.label() + " " + r.arn() + " is in use by " + user);
        }
        lifecycle.delete(r, this::cleanUp);
        return object();
    }

    /** Whatever still uses a resource (so it cannot be deleted yet), or null. */
    private String userOf(Resource r) {
        Predicate<Resource> inGroup = x -> r.arn().equals(x.member("datasetGroupArn"));
        return switch (r.kind()) {
            case DATASET_GROUP -> first(List.of(Kind.DATASET, Kind.SOLUTION, Kind.EVENT_TRACKER, Kind.FILTER), inGroup);
            case SCHEMA -> first(List.of(Kind.DATASET), x -> r.arn().equals(x.member("schemaArn")));
            case DATASET -> first(List.of(Kind.DATASET_IMPORT_JOB), x -> r.arn().equals(x.member("datasetArn"))
                    && (Resource.CREATE_PENDING.equals(x.status()) || Resource.CREATE_IN_PROGRESS.equals(x.status())));
            case SOLUTION -> {
                String campaign = first(List.of(Kind.CAMPAIGN), c -> store.find(c.member("solutionVersionArn"))
                        .map(v -> r.arn().equals(v.member("solutionArn"))).orElse(false));
                yield campaign != null ? campaign : first(List.of(Kind.SOLUTION_VERSION),
                        v -> r.arn().equals(v.member("solutionArn")) && (Resource.CREATE_PENDING.equals(v.status())
                                || Resource.CREATE_IN_PROGRESS.equals(v.status())));
            }
            default -> null;
        };
    }

    private String first(List<Kind> kinds, Predicate<Resource> uses) {
        for (Kind kind : kinds) {
            for (Resource x : store.list(kind)) {
                if (uses.test(x)) {
                    return "the " + kind.label() + " " + x.arn();
                }
            }
        }
        return null;
    }

    private void cleanUp(Resource r) throws IOException {
        switch (r.kind()) {
            case DATASET_GROUP -> store.dropGroup(r.arn());
            case DATASET -> store.dropDataset(r.member("datasetGroupArn"),
                    DatasetType.fromWire(r.member("datasetType")).orElseThrow());
            case SOLUTION -> {
                for (Resource v : store.list(Kind.SOLUTION_VERSION)) {
                    if (r.arn().equals(v.member("solutionArn"))) {
                        store.dropModel(v.arn());
                        store.remove(v.arn());
                    }
                }
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- dataset groups, schemas, datasets

    private ObjectNode createDatasetGroup(Input in) {
        String name = in.name("name");
        String roleArn = in.string("roleArn", false, 0, 256);
        String kmsKeyArn = in.string("kmsKeyArn", false, 0, 2048);
        String domain = in.oneOf("domain", false, List.of("ECOMMERCE", "VIDEO_ON_DEMAND"));
        copyTags(in);
        String arn = arn("dataset-group", name);
        requireFree(arn, Kind.DATASET_GROUP);
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
        lifecycle.create(fresh(Kind.DATASET_GROUP, arn, name, members), false, r -> store.group(r.arn()));
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
        String arn = arn("schema", name);
        requireFree(arn, Kind.SCHEMA);
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
        copyTags(in);
        DatasetType type = DatasetType.fromWire(typeName).orElseThrow(() -> AwsException.invalid(
                "datasetType must be Interactions, Items or Users (Actions and ActionInteractions are not "
                        + "supported by personalize-local)"));
        Resource schema = store.get(Kind.SCHEMA, schemaArn);
        Resource group = activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        AvroSchema.parse(schema.member("schema")).checkFor(type);
        String arn = arn("dataset", group.name() + "/" + type.name());
        if (store.find(arn).isPresent()) {
            throw AwsException.alreadyExists("The dataset group " + groupArn + " already has a "
                    + type.wireName() + " dataset");
        }
        ObjectNode members = object().put("datasetGroupArn", groupArn).put("datasetType", type.wireName())
                .put("schemaArn", schemaArn);
        lifecycle.create(fresh(Kind.DATASET, arn, name, members), false, r -> { });
        return object().put("datasetArn", arn);
    }

    // ---------------------------------------------------------------- imports

    private ObjectNode createDatasetImportJob(Input in) {
        String jobName = in.name("jobName");
        String datasetArn = in.arn("datasetArn", true);
        Input source = in.object("dataSource", true);
        String location = source.string("dataLocation", true, 1, 256);
        String roleArn = in.string("roleArn", false, 0, 256);
        String mode = in.oneOf("importMode", false, List.of("FULL", "INCREMENTAL"));
        in.bool("publishAttributionMetricsToS3");
        copyTags(in);
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
        Resource dataset = activeParent(Kind.DATASET, datasetArn, "datasetArn");
        String arn = arn("dataset-import-job", jobName);
        requireFree(arn, Kind.DATASET_IMPORT_JOB);
        ObjectNode members = object().put("datasetArn", datasetArn).put("importMode", mode == null ? "FULL" : mode);
        members.putObject("dataSource").put("dataLocation", location);
        if (roleArn != null) {
            members.put("roleArn", roleArn);
        }
        lifecycle.create(fresh(Kind.DATASET_IMPORT_JOB, arn, jobName, members), true,
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

    // ---------------------------------------------------------------- solutions and training

    private ObjectNode createSolution(Input in) {
        String name = in.name("name");
        Boolean hpo = in.bool("performHPO");
        Boolean autoMl = in.bool("performAutoML");
        Boolean autoTraining = in.bool("performAutoTraining");
        in.bool("performIncrementalUpdate");
        String recipeArn = in.arn("recipeArn", false);
        String groupArn = in.arn("datasetGroupArn", true);
        String eventType = in.string("eventType", false, 0, 256);
        Input solutionConfig = in.object("solutionConfig", false);
        copyTags(in);
        if (Boolean.TRUE.equals(autoMl)) {
            throw AwsException.invalid("performAutoML: AutoML is not supported by personalize-local; give a recipeArn");
        }
        if (recipeArn == null) {
            throw AwsException.invalid("recipeArn is required");
        }
        if (solutionConfig != null) {
            solutionConfig.string("eventValueThreshold", false, 0, 256);
            solutionConfig.stringMap("algorithmHyperParameters", 100, 256, null, 1000);
            solutionConfig.stringMap("featureTransformationParameters", 100, 256, null, 1000);
        }
        Recipe.fromArn(recipeArn).orElseThrow(() -> AwsException.notFound("The recipe " + recipeArn
                + " does not exist (personalize-local serves " + recipeNames() + ")"));
        activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        String arn = arn("solution", name);
        requireFree(arn, Kind.SOLUTION);
        ObjectNode members = object().put("recipeArn", recipeArn).put("datasetGroupArn", groupArn)
                .put("performHPO", Boolean.TRUE.equals(hpo)).put("performAutoML", false)
                .put("performAutoTraining", Boolean.TRUE.equals(autoTraining));
        if (eventType != null) {
            members.put("eventType", eventType);
        }
        if (solutionConfig != null) {
            members.set("solutionConfig", solutionConfig.node().deepCopy());
        }
        lifecycle.create(fresh(Kind.SOLUTION, arn, name, members), false, r -> { });
        return object().put("solutionArn", arn);
    }

    private static String recipeNames() {
        StringBuilder names = new StringBuilder();
        for (Recipe r : Recipe.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(r.arn());
        }
        return names.toString();
    }

    private ObjectNode createSolutionVersion(Input in) {
        String solutionArn = in.arn("solutionArn", true);
        String name = in.string("name", false, 1, 63, Input.NAME);
        String mode = in.oneOf("trainingMode", false, List.of("FULL", "UPDATE", "AUTOTRAIN"));
        copyTags(in);
        Resource solution = activeParent(Kind.SOLUTION, solutionArn, "solutionArn");
        String arn = solutionArn + "/" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ObjectNode members = object().put("solutionArn", solutionArn)
                .put("datasetGroupArn", solution.member("datasetGroupArn"))
                .put("recipeArn", solution.member("recipeArn"))
                .put("performHPO", solution.members().path("performHPO").asBoolean())
                .put("trainingMode", mode == null ? "FULL" : mode);
        if (solution.members().has("solutionConfig")) {
            members.set("solutionConfig", solution.members().get("solutionConfig"));
        }
        if (solution.member("eventType") != null) {
            members.put("eventType", solution.member("eventType"));
        }
        lifecycle.create(fresh(Kind.SOLUTION_VERSION, arn, name, members), true, this::train);
        return object().put("solutionVersionArn", arn);
    }

    private void train(Resource version) throws Exception {
        Recipe recipe = Recipe.fromArn(version.member("recipeArn")).orElseThrow();
        String groupArn = version.member("datasetGroupArn");
        GroupData data = store.group(groupArn);
        int events = data.eventCount();
        int itemPuts = data.itemPutCount();
        var dataset = data.trainingSet();
        String eventType = version.member("eventType");
        if (eventType != null) {
            dataset = new io.marquee.personalize.engine.Dataset(dataset.interactions().stream()
                    .filter(i -> eventType.equals(i.eventType())).toList(), dataset.items(), dataset.users());
        }
        if (dataset.interactions().isEmpty()) {
            throw new Lifecycle.WorkFailed("The dataset group has no interactions"
                    + (eventType == null ? "" : " of event type " + eventType) + " to train on; import some first");
        }
        Map<String, String> hyper = new LinkedHashMap<>();
        version.members().path("solutionConfig").path("algorithmHyperParameters").fields()
                .forEachRemaining(e -> hyper.put(e.getKey(), e.getValue().asText()));
        long started = System.nanoTime();
        Model model;
        try {
            model = Models.train(recipe, dataset, new TrainingConfig(version.members().path("performHPO").asBoolean(),
                    hyper));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Lifecycle.WorkFailed("Training failed: " + e.getMessage());
        }
        double hours = (System.nanoTime() - started) / 3.6e12;
        store.saveModel(version.arn(), model);
        // Events that arrived while training ran, so the new model is as current as the old one.
        data.itemPutsSince(itemPuts).forEach(model::putItem);
        for (Interaction event : data.eventsSince(events)) {
            if (event.itemId() != null) {
                model.observe(event);
            }
        }
        store.find(version.arn()).ifPresent(current -> store.replace(current.withMembers(current.members().deepCopy()
                .put("trainingHours", hours).put("eventsAtTraining", events).put("itemPutsAtTraining", itemPuts))));
    }

    private ObjectNode getSolutionMetrics(Input in) {
        String arn = in.arn("solutionVersionArn", true);
        Resource version = store.get(Kind.SOLUTION_VERSION, arn);
        ObjectNode out = object().put("solutionVersionArn", arn);
        ObjectNode metrics = out.putObject("metrics");
        if (version.isActive()) {
            store.model(arn).ifPresent(m -> m.metrics().forEach(metrics::put));
        } else {
            throw AwsException.inUse("The solution version " + arn + " is " + version.status() + ", not ACTIVE");
        }
        return out;
    }

    // ---------------------------------------------------------------- campaigns, trackers, filters

    private ObjectNode createCampaign(Input in) {
        String name = in.name("name");
        String versionArn = in.arn("solutionVersionArn", true);
        Integer tps = in.integer("minProvisionedTPS", 1, Integer.MAX_VALUE);
        Input campaignConfig = in.object("campaignConfig", false);
        copyTags(in);
        if (campaignConfig != null) {
            campaignConfig.stringMap("itemExplorationConfig", 10, 256, null, 1000);
            campaignConfig.bool("enableMetadataWithRecommendations");
            campaignConfig.bool("syncWithLatestSolutionVersion");
        }
        activeParent(Kind.SOLUTION_VERSION, versionArn, "solutionVersionArn");
        String arn = arn("campaign", name);
        requireFree(arn, Kind.CAMPAIGN);
        ObjectNode members = object().put("solutionVersionArn", versionArn)
                .put("minProvisionedTPS", tps == null ? 1 : tps);
        if (campaignConfig != null) {
            members.set("campaignConfig", campaignConfig.node().deepCopy());
        }
        lifecycle.create(fresh(Kind.CAMPAIGN, arn, name, members), false, r -> {
            if (store.model(versionArn).isEmpty()) {
                throw new Lifecycle.WorkFailed("The model of " + versionArn + " could not be loaded");
            }
        });
        return object().put("campaignArn", arn);
    }

    /** Points a campaign at another (newly trained) solution version; it keeps answering meanwhile. */
    private ObjectNode updateCampaign(Input in) {
        String campaignArn = in.arn("campaignArn", true);
        String versionArn = in.arn("solutionVersionArn", false);
        Integer tps = in.integer("minProvisionedTPS", 1, Integer.MAX_VALUE);
        Input campaignConfig = in.object("campaignConfig", false);
        Resource campaign = activeParent(Kind.CAMPAIGN, campaignArn, "campaignArn");
        ObjectNode members = campaign.members().deepCopy();
        if (versionArn != null) {
            Resource version = activeParent(Kind.SOLUTION_VERSION, versionArn, "solutionVersionArn");
            String oldSolution = store.find(campaign.member("solutionVersionArn")).map(v -> v.member("solutionArn"))
                    .orElse(null);
            if (oldSolution != null && !oldSolution.equals(version.member("solutionArn"))) {
                throw AwsException.invalid("solutionVersionArn must be a version of " + oldSolution);
            }
            members.put("solutionVersionArn", versionArn);
        }
        if (tps != null) {
            members.put("minProvisionedTPS", tps);
        }
        if (campaignConfig != null) {
            members.set("campaignConfig", campaignConfig.node().deepCopy());
        }
        store.replace(campaign.withMembers(members));
        return object().put("campaignArn", campaignArn);
    }

    private ObjectNode createEventTracker(Input in) {
        String name = in.name("name");
        String groupArn = in.arn("datasetGroupArn", true);
        copyTags(in);
        activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        for (Resource t : store.list(Kind.EVENT_TRACKER)) {
            if (groupArn.equals(t.member("datasetGroupArn"))) {
                throw AwsException.alreadyExists("The dataset group " + groupArn + " already has the event tracker "
                        + t.arn() + " (one per dataset group)");
            }
            if (name.equals(t.name())) {
                throw AwsException.alreadyExists("An event tracker named " + name + " already exists");
            }
        }
        String id = UUID.randomUUID().toString();
        String arn = arn("event-tracker", id.replace("-", "").substring(0, 8));
        ObjectNode members = object().put("datasetGroupArn", groupArn).put("trackingId", id)
                .put("accountId", config.accountId());
        lifecycle.create(fresh(Kind.EVENT_TRACKER, arn, name, members), false, r -> { });
        return object().put("eventTrackerArn", arn).put("trackingId", id);
    }

    private ObjectNode createFilter(Input in) {
        String name = in.name("name");
        String groupArn = in.arn("datasetGroupArn", true);
        String expression = in.string("filterExpression", true, 1, 2500);
        copyTags(in);
        try {
            FilterExpression.parse(expression);
        } catch (FilterSyntaxException e) {
            throw AwsException.invalid("filterExpression: " + e.getMessage());
        }
        activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        String arn = arn("filter", name);
        requireFree(arn, Kind.FILTER);
        ObjectNode members = object().put("datasetGroupArn", groupArn).put("filterExpression", expression);
        lifecycle.create(fresh(Kind.FILTER, arn, name, members), false, r -> { });
        return object().put("filterArn", arn);
    }

    // ---------------------------------------------------------------- recipes

    private static final double RECIPES_CREATED = 1_543_622_400.0;

    private ObjectNode describeRecipe(Input in) {
        String arn = in.arn("recipeArn", true);
        Recipe recipe = Recipe.fromArn(arn).orElseThrow(() -> AwsException.notFound("The recipe " + arn
                + " does not exist"));
        ObjectNode wire = recipeSummary(recipe, arn);
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        wire.put("algorithmArn", "arn:aws:personalize:::algorithm/" + name)
                .put("featureTransformationArn", "arn:aws:personalize:::feature-transformation/" + name)
                .put("description", description(recipe))
                .put("recipeType", switch (recipe) {
                    case SIMILAR_ITEMS -> "RELATED_ITEMS";
                    case PERSONALIZED_RANKING -> "PERSONALIZED_RANKING";
                    default -> "USER_PERSONALIZATION";
                });
        return object().set("recipe", wire);
    }

    private static String description(Recipe recipe) {
        return switch (recipe) {
            case USER_PERSONALIZATION -> "Items for a user, updated in real time from PutEvents";
            case SIMILAR_ITEMS -> "Items related to an item, from co-occurrence and item metadata";
            case PERSONALIZED_RANKING -> "A given list of items re-ordered for a user";
            case POPULARITY_COUNT -> "The most interacted items";
            case TRENDING_NOW -> "The items whose interactions rise fastest";
        };
    }

    private static ObjectNode recipeSummary(Recipe recipe, String arn) {
        return object().put("name", arn.substring(arn.lastIndexOf('/') + 1)).put("recipeArn", arn)
                .put("status", "ACTIVE").put("creationDateTime", RECIPES_CREATED)
                .put("lastUpdatedDateTime", RECIPES_CREATED);
    }

    private ObjectNode listRecipes(Input in) {
        in.oneOf("recipeProvider", false, List.of("SERVICE"));
        in.oneOf("domain", false, List.of("ECOMMERCE", "VIDEO_ON_DEMAND"));
        in.integer("maxResults", 1, 100);
        ObjectNode out = object();
        ArrayNode recipes = out.putArray("recipes");
        for (Recipe r : Recipe.values()) {
            recipes.add(recipeSummary(r, r.arn()));
        }
        return out;
    }
}
