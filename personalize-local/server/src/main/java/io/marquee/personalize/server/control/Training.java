package io.marquee.personalize.server.control;

import io.marquee.personalize.engine.Dataset;
import io.marquee.personalize.engine.Interaction;
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

/** The work behind CreateSolutionVersion: train on the group's data, keep the model, catch it up. */
@ApplicationScoped
class Training {

    private final Store store;

    Training(Store store) {
        this.store = store;
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
}
