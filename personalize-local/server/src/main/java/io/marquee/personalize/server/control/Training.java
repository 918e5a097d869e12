package io.marquee.personalize.server.control;

import io.marquee.personalize.engine.Dataset;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.MemoryPlan;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Models;
import io.marquee.personalize.engine.Recipe;
import io.marquee.personalize.engine.TrainingConfig;
import io.marquee.personalize.server.store.GroupData;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The work behind CreateSolutionVersion: plan the training's memory against the free heap
 * ({@link MemoryPlan}: train smaller, or fail with a reason, rather than run the process out of
 * memory), train on the group's data, keep the model, catch it up with events that came meanwhile.
 */
@ApplicationScoped
class Training {

    private static final Logger LOG = Logger.getLogger(Training.class);

    private final Store store;
    private final TrainingMemory memory;

    Training(Store store, TrainingMemory memory) {
        this.store = store;
        this.memory = memory;
    }

    void train(Resource version) throws Exception {
        Recipe recipe = Recipe.fromArn(version.member("recipeArn")).orElseThrow();
        String groupArn = version.member("datasetGroupArn");
        GroupData data = store.group(groupArn);
        int events = data.eventCount();
        int itemPuts = data.itemPutCount();
        Dataset dataset = data.trainingSet();
        String eventType = version.member("eventType");
        if (eventType != null) {
            dataset = new Dataset(dataset.interactions().stream()
                    .filter(i -> eventType.equals(i.eventType())).toList(), dataset.items(), dataset.users());
        }
        if (dataset.interactions().isEmpty()) {
            throw new Lifecycle.WorkFailed("The dataset group has no interactions"
                    + (eventType == null ? "" : " of event type " + eventType) + " to train on; import some first");
        }
        Map<String, String> hyper = new LinkedHashMap<>();
        version.members().path("solutionConfig").path("algorithmHyperParameters").fields()
                .forEachRemaining(e -> hyper.put(e.getKey(), e.getValue().asText()));
        TrainingConfig asked = new TrainingConfig(version.members().path("performHPO").asBoolean(), hyper);
        MemoryPlan.Plan plan;
        try {
            plan = MemoryPlan.fit(recipe, MemoryPlan.Size.of(dataset), asked, memory.available());
        } catch (MemoryPlan.DoesNotFit e) {
            throw new Lifecycle.WorkFailed(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Lifecycle.WorkFailed("Training failed: " + e.getMessage());
        }
        if (plan.change() != null) {
            LOG.warnf("%s: %s", version.arn(), plan.change());
        }
        long started = System.nanoTime();
        Model model;
        try {
            model = Models.train(recipe, dataset, plan.config());
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
        store.find(version.arn()).ifPresent(current -> {
            ObjectNode members = current.members().deepCopy().put("trainingHours", hours)
                    .put("eventsAtTraining", events).put("itemPutsAtTraining", itemPuts);
            // What was trained, as Personalize reports tuned hyperparameters; and why, when memory changed it.
            ObjectNode tuned = members.putObject("tunedHPOParams").putObject("algorithmHyperParameters");
            model.hyperParameters().forEach(tuned::put);
            if (plan.change() != null) {
                members.put("description", plan.change());
            }
            store.replace(current.withMembers(members));
        });
    }
}
