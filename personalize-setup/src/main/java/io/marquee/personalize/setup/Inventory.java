package io.marquee.personalize.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/** Every resource of one dataset group (and the schemas named after it), with its status: what {@code status} prints and {@code cleanup} removes. */
final class Inventory {

    /** One resource: its kind ("campaign"), name, status and ARN. */
    record Resource(String kind, String name, String status, String arn) {
    }

    private Inventory() {
    }

    static Optional<String> datasetGroup(PersonalizeClient client, Names names) {
        return client.listDatasetGroups(r -> r.maxResults(100)).datasetGroups().stream()
                .filter(g -> g.name().equals(names.datasetGroup())).map(g -> g.datasetGroupArn()).findFirst();
    }

    /** In dependency order: each resource before what it depends on is listed after it. */
    static List<Resource> of(PersonalizeClient client, Names names) {
        List<Resource> all = new ArrayList<>();
        Optional<String> group = datasetGroup(client, names);
        if (group.isPresent()) {
            String arn = group.get();
            client.listSolutions(r -> r.datasetGroupArn(arn).maxResults(100)).solutions().forEach(s -> {
                client.listCampaigns(r -> r.solutionArn(s.solutionArn()).maxResults(100)).campaigns().forEach(c ->
                        all.add(new Resource("campaign", c.name(), c.status(), c.campaignArn())));
            });
            client.listSolutions(r -> r.datasetGroupArn(arn).maxResults(100)).solutions().forEach(s -> {
                client.listSolutionVersions(r -> r.solutionArn(s.solutionArn()).maxResults(100)).solutionVersions()
                        .forEach(v -> all.add(new Resource("solution version", s.name(), v.status(), v.solutionVersionArn())));
                all.add(new Resource("solution", s.name(), s.status(), s.solutionArn()));
            });
            client.listFilters(r -> r.datasetGroupArn(arn).maxResults(100)).filters().forEach(f ->
                    all.add(new Resource("filter", f.name(), f.status(), f.filterArn())));
            client.listEventTrackers(r -> r.datasetGroupArn(arn).maxResults(100)).eventTrackers().forEach(t ->
                    all.add(new Resource("event tracker", t.name(), t.status(), t.eventTrackerArn())));
            client.listDatasets(r -> r.datasetGroupArn(arn).maxResults(100)).datasets().forEach(d -> {
                client.listDatasetImportJobs(r -> r.datasetArn(d.datasetArn()).maxResults(100)).datasetImportJobs()
                        .forEach(j -> all.add(new Resource("import job", j.jobName(), j.status(), j.datasetImportJobArn())));
                all.add(new Resource("dataset", d.name(), d.status(), d.datasetArn()));
            });
            all.add(new Resource("dataset group", names.datasetGroup(),
                    client.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup().status(), arn));
        }
        client.listSchemas(r -> r.maxResults(100)).schemas().stream()
                .filter(s -> s.name().startsWith(names.prefix() + "-"))
                .forEach(s -> all.add(new Resource("schema", s.name(), "ACTIVE", s.schemaArn())));
        return all;
    }
}
