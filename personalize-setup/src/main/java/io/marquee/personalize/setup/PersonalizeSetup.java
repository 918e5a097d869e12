package io.marquee.personalize.setup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CampaignSummary;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;
import software.amazon.awssdk.services.personalize.model.DatasetImportJobSummary;
import software.amazon.awssdk.services.personalize.model.DatasetSchemaSummary;
import software.amazon.awssdk.services.personalize.model.DatasetSummary;
import software.amazon.awssdk.services.personalize.model.EventTrackerSummary;
import software.amazon.awssdk.services.personalize.model.FilterSummary;
import software.amazon.awssdk.services.personalize.model.SolutionSummary;
import software.amazon.awssdk.services.personalize.model.SolutionVersionSummary;

/**
 * Stands Personalize up — Amazon Personalize or personalize-local alike, through the unmodified
 * control-plane client: dataset group, schemas and datasets (interactions, items, and users when
 * a users file is given), imports, the event tracker, the filters recommendation-service uses, and
 * one solution, version and campaign per recipe.
 *
 * <p>Every step first looks for its resource by name, so a second run only reads what exists, and
 * a run interrupted halfway resumes where it stopped. Each wait for ACTIVE prints its progress.
 */
public final class PersonalizeSetup {

    private static final Duration POLL = Duration.ofMillis(250);

    private final PersonalizeClient client;
    private final Names names;
    private final String endpoint;
    private final String region;
    private final String roleArn;
    private final DataLocation data;
    private final Duration timeout;
    private final Progress progress;

    /**
     * @param endpoint the endpoint override the services are to use, or null for AWS's
     * @param roleArn  the IAM role Personalize reads the dataset files with
     */
    public PersonalizeSetup(PersonalizeClient client, Names names, String endpoint, String region, String roleArn,
                            DataLocation data, Duration timeout, PrintStream out) {
        this.client = client;
        this.names = names;
        this.endpoint = endpoint;
        this.region = region;
        this.roleArn = roleArn;
        this.data = data;
        this.timeout = timeout;
        this.progress = new Progress(out);
    }

    /** The dataset files of a setup; {@code users} is optional. */
    public record Files(Path interactions, Path items, Optional<Path> users) {
    }

    /** What {@link #begin} set in motion: the resources as they will be, and the solution versions training. */
    public record Training(PersonalizeResources resources, Map<Names.Campaign, String> solutionVersions) {
    }

    /** Everything, waiting for each step: {@link #begin} then {@link #finish}. */
    public PersonalizeResources setUp(Files files) {
        return finish(begin(files));
    }

    /**
     * The first, quick half: {@link #prepare} then {@link #train}. The resources it returns already
     * name the campaigns (their ARNs follow from their names), so services can start while the
     * models train.
     */
    public Training begin(Files files) {
        return train(prepare(files));
    }

    /**
     * Creates (or finds) the dataset group, datasets, imports, event tracker and filters and waits
     * until they are ACTIVE; trains nothing. The resources it returns already name the campaigns,
     * so a caller may start what reads them before any model trains (the devstack starts the
     * trainings only once its services answer). A file is imported only when its dataset has no
     * finished import yet.
     */
    public PersonalizeResources prepare(Files files) {
        String group = find(() -> client.listDatasetGroups(r -> r.maxResults(100)).datasetGroups(),
                DatasetGroupSummary::name, DatasetGroupSummary::datasetGroupArn, names.datasetGroup())
                .orElseGet(() -> client.createDatasetGroup(r -> r.name(names.datasetGroup())).datasetGroupArn());
        await("dataset group " + names.datasetGroup(),
                () -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status(),
                () -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().failureReason());

        String interactions = dataset(group, "Interactions", Schemas.INTERACTIONS);
        String items = dataset(group, "Items", Schemas.ITEMS);
        importOnce(items, files.items());
        importOnce(interactions, files.interactions());
        if (files.users().isPresent()) {
            importOnce(dataset(group, "Users", Schemas.USERS), files.users().get());
        }

        String trackerArn = find(() -> client.listEventTrackers(r -> r.datasetGroupArn(group).maxResults(100)).eventTrackers(),
                EventTrackerSummary::name, EventTrackerSummary::eventTrackerArn, names.tracker())
                .orElseGet(() -> client.createEventTracker(r -> r.name(names.tracker()).datasetGroupArn(group)).eventTrackerArn());
        await("event tracker " + names.tracker(),
                () -> client.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().status(), () -> "");
        String trackingId = client.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().trackingId();

        Map<Names.Filter, String> filters = new LinkedHashMap<>();
        for (Names.Filter f : Names.Filter.values()) {
            String name = names.filter(f);
            String filter = find(() -> client.listFilters(r -> r.datasetGroupArn(group).maxResults(100)).filters(),
                    FilterSummary::name, FilterSummary::filterArn, name)
                    .orElseGet(() -> client.createFilter(r -> r.name(name).datasetGroupArn(group)
                            .filterExpression(f.expression)).filterArn());
            await("filter " + name, () -> client.describeFilter(r -> r.filterArn(filter)).filter().status(),
                    () -> client.describeFilter(r -> r.filterArn(filter)).filter().failureReason());
            filters.put(f, filter);
        }

        Map<Names.Campaign, String> campaigns = new LinkedHashMap<>();
        for (Names.Campaign c : Names.Campaign.values()) {
            campaigns.put(c, campaignArn(group, names.campaign(c)));
        }
        return new PersonalizeResources(endpoint, region, group, interactions, items, trackerArn, trackingId,
                filters, campaigns);
    }

    /**
     * Starts training a solution version per recipe in the dataset group of {@code resources}
     * (from {@link #prepare}) without waiting for it; a solution's version that exists and has not
     * failed is reused, so a second run trains nothing.
     */
    public Training train(PersonalizeResources resources) {
        Map<Names.Campaign, String> versions = new LinkedHashMap<>();
        for (Names.Campaign c : Names.Campaign.values()) {
            versions.put(c, solutionVersion(resources.datasetGroupArn(), c));
        }
        return new Training(resources, versions);
    }

    /** Waits for each solution version in turn and creates (or finds) its campaign. */
    public PersonalizeResources finish(Training training) {
        for (Map.Entry<Names.Campaign, String> v : training.solutionVersions().entrySet()) {
            String name = names.campaign(v.getKey());
            await("training of " + name,
                    () -> client.describeSolutionVersion(r -> r.solutionVersionArn(v.getValue())).solutionVersion().status(),
                    () -> client.describeSolutionVersion(r -> r.solutionVersionArn(v.getValue())).solutionVersion().failureReason());
            String created = campaign(name, v.getValue());
            String announced = training.resources().campaignArns().get(v.getKey());
            if (!created.equals(announced)) {
                throw new IllegalStateException("campaign " + name + " is " + created + ", but services were told " + announced);
            }
        }
        return training.resources();
    }

    /** A campaign's ARN as Personalize forms it: the dataset group's region and account, then the name. */
    static String campaignArn(String datasetGroupArn, String campaignName) {
        return datasetGroupArn.substring(0, datasetGroupArn.lastIndexOf(":dataset-group/")) + ":campaign/" + campaignName;
    }

    private String dataset(String group, String type, String schemaJson) {
        String name = names.dataset(type);
        String schema = find(() -> client.listSchemas(r -> r.maxResults(100)).schemas(),
                DatasetSchemaSummary::name, DatasetSchemaSummary::schemaArn, name)
                .orElseGet(() -> client.createSchema(r -> r.name(name).schema(schemaJson)).schemaArn());
        String dataset = find(() -> client.listDatasets(r -> r.datasetGroupArn(group).maxResults(100)).datasets(),
                DatasetSummary::name, DatasetSummary::datasetArn, name)
                .orElseGet(() -> client.createDataset(r -> r.name(name).datasetGroupArn(group).datasetType(type)
                        .schemaArn(schema)).datasetArn());
        await("dataset " + name, () -> client.describeDataset(r -> r.datasetArn(dataset)).dataset().status(), () -> "");
        return dataset;
    }

    private void importOnce(String datasetArn, Path file) {
        List<DatasetImportJobSummary> jobs = client.listDatasetImportJobs(r -> r.datasetArn(datasetArn).maxResults(100))
                .datasetImportJobs();
        if (jobs.stream().anyMatch(j -> "ACTIVE".equals(j.status()))) {
            return;
        }
        String location = data.of(file);
        String name = "import-" + datasetArn.substring(datasetArn.lastIndexOf('/') + 1) + "-" + System.currentTimeMillis();
        progress.say("importing " + file.getFileName() + " from " + location);
        String job = client.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn).roleArn(roleArn)
                .dataSource(DataSource.builder().dataLocation(location).build())).datasetImportJobArn();
        await("import of " + file.getFileName(),
                () -> client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob().status(),
                () -> client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob().failureReason());
    }

    private String solutionVersion(String group, Names.Campaign c) {
        String name = names.campaign(c);
        String solution = find(() -> client.listSolutions(r -> r.datasetGroupArn(group).maxResults(100)).solutions(),
                SolutionSummary::name, SolutionSummary::solutionArn, name)
                .orElseGet(() -> client.createSolution(r -> r.name(name).datasetGroupArn(group)
                        .recipeArn(c.recipeArn).performHPO(c == Names.Campaign.FOR_YOU)).solutionArn());
        await("solution " + name, () -> client.describeSolution(r -> r.solutionArn(solution)).solution().status(), () -> "");
        List<SolutionVersionSummary> existing = client.listSolutionVersions(r -> r.solutionArn(solution).maxResults(100))
                .solutionVersions();
        Optional<String> usable = existing.stream()
                .filter(v -> !v.status().contains("FAILED") && !v.status().startsWith("DELETE"))
                .map(SolutionVersionSummary::solutionVersionArn).findFirst();
        if (usable.isPresent()) {
            return usable.get();
        }
        progress.say("training " + name + " (" + c.recipeArn.substring(c.recipeArn.lastIndexOf('/') + 1) + ")");
        return client.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
    }

    private String campaign(String name, String solutionVersion) {
        String solution = solutionVersion.substring(0, solutionVersion.lastIndexOf('/'));
        String campaign = find(() -> client.listCampaigns(r -> r.solutionArn(solution).maxResults(100)).campaigns(),
                CampaignSummary::name, CampaignSummary::campaignArn, name)
                .orElseGet(() -> client.createCampaign(r -> r.name(name).solutionVersionArn(solutionVersion)
                        .minProvisionedTPS(1)).campaignArn());
        await("campaign " + name, () -> client.describeCampaign(r -> r.campaignArn(campaign)).campaign().status(),
                () -> client.describeCampaign(r -> r.campaignArn(campaign)).campaign().failureReason());
        return campaign;
    }

    private static <T> Optional<String> find(Supplier<List<T>> list, Function<T, String> name, Function<T, String> arn,
                                             String wanted) {
        return list.get().stream().filter(s -> wanted.equals(name.apply(s))).map(arn).findFirst();
    }

    /** Polls a status until ACTIVE, showing each new status; FAILED or the timeout ends the run with the reason. */
    private void await(String what, Supplier<String> status, Supplier<String> failureReason) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        String shown = null;
        while (true) {
            String s = status.get();
            if (!s.equals(shown)) {
                progress.status(what, s, Duration.ofNanos(System.nanoTime() - started));
                shown = s;
            }
            if ("ACTIVE".equals(s)) {
                return;
            }
            if (s.contains("FAILED")) {
                throw new IllegalStateException(what + " failed: " + failureReason.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " is still " + s + " after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
