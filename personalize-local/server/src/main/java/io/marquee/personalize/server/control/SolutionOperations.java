package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.checkTags;
import static io.marquee.personalize.server.control.ResourceOperations.fresh;
import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.engine.Recipe;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Solutions (a recipe and its settings) and their versions (trained models, see {@link Training}). */
@ApplicationScoped
class SolutionOperations implements Operations {

    private final ResourceOperations resources;
    private final Store store;
    private final Training training;

    SolutionOperations(ResourceOperations resources, Training training) {
        this.resources = resources;
        this.store = resources.store();
        this.training = training;
    }

    @Override
    public Map<String, Function<Input, ObjectNode>> operations() {
        Map<String, Function<Input, ObjectNode>> table = new LinkedHashMap<>();
        table.put("CreateSolution", this::createSolution);
        resources.describeAndList(table, Kind.SOLUTION, Kind.DATASET_GROUP, solution -> {
            ObjectNode wire = solution.toWire();
            latestVersion(solution.arn()).ifPresent(v -> wire.set("latestSolutionVersion", summary(v)));
            return wire;
        });
        resources.delete(table, Kind.SOLUTION, this::userOf, this::dropVersions);
        table.put("CreateSolutionVersion", this::createSolutionVersion);
        resources.describeAndList(table, Kind.SOLUTION_VERSION, Kind.SOLUTION, version -> {
            ObjectNode wire = version.toWire();
            wire.remove(List.of("eventsAtTraining", "itemPutsAtTraining"));
            return wire;
        });
        table.put("GetSolutionMetrics", this::getSolutionMetrics);
        return table;
    }

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
        checkTags(in);
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
        resources.activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        String arn = resources.arn("solution", name);
        resources.requireFree(arn, Kind.SOLUTION);
        ObjectNode members = object().put("recipeArn", recipeArn).put("datasetGroupArn", groupArn)
                .put("performHPO", Boolean.TRUE.equals(hpo)).put("performAutoML", false)
                .put("performAutoTraining", Boolean.TRUE.equals(autoTraining));
        if (eventType != null) {
            members.put("eventType", eventType);
        }
        if (solutionConfig != null) {
            members.set("solutionConfig", solutionConfig.node().deepCopy());
        }
        resources.lifecycle().create(fresh(Kind.SOLUTION, arn, name, members), false, r -> { });
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
        checkTags(in);
        Resource solution = resources.activeParent(Kind.SOLUTION, solutionArn, "solutionArn");
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
        resources.lifecycle().create(fresh(Kind.SOLUTION_VERSION, arn, name, members), true, training::train);
        return object().put("solutionVersionArn", arn);
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

    private Optional<Resource> latestVersion(String solutionArn) {
        return store.list(Kind.SOLUTION_VERSION).stream()
                .filter(v -> solutionArn.equals(v.member("solutionArn")))
                .max(Comparator.comparingDouble(Resource::created));
    }

    /** A campaign serving one of its versions, else a version still training. */
    private String userOf(Resource solution) {
        String campaign = resources.firstUser(List.of(Kind.CAMPAIGN), c -> store.find(c.member("solutionVersionArn"))
                .map(v -> solution.arn().equals(v.member("solutionArn"))).orElse(false));
        return campaign != null ? campaign : resources.firstUser(List.of(Kind.SOLUTION_VERSION),
                v -> solution.arn().equals(v.member("solutionArn")) && ResourceOperations.inProgress(v));
    }

    private void dropVersions(Resource solution) throws java.io.IOException {
        for (Resource v : store.list(Kind.SOLUTION_VERSION)) {
            if (solution.arn().equals(v.member("solutionArn"))) {
                store.dropModel(v.arn());
                store.remove(v.arn());
            }
        }
    }
}
