package io.marquee.devstack.personalize;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
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
 * Stands personalize-local up the way a setup tool stands Amazon Personalize up, through the
 * unmodified control-plane client: dataset group, schemas, datasets, imports of the demo files,
 * event tracker, the filters recommendation-service uses, and one solution, version and campaign per recipe.
 *
 * <p>Every step first looks for its resource by name, so a second run (every later start) only
 * reads what exists, and a start interrupted halfway resumes where it stopped.
 */
public final class PersonalizeSetup implements AutoCloseable {

    /** Names of everything created; the ARNs follow from them, the tracking id does not. */
    public static final String GROUP = "marquee";
    public static final String TRACKER = "marquee-clickstream";
    public static final String EXCLUDE_RATED_EXPRESSION = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rate\")";

    /**
     * The filters recommendation-service uses: every one excludes what the user rated; the others
     * also narrow to a genre ({@code $GENRE}, a quoted name) and/or a year ({@code $YEAR}). The key
     * names the environment variable ({@code PERSONALIZE_FILTERS_EXCLUDE_RATED_GENRE_ARN}).
     */
    public enum Filter {
        EXCLUDE_RATED("marquee-exclude-rated", EXCLUDE_RATED_EXPRESSION),
        EXCLUDE_RATED_GENRE("marquee-exclude-rated-genre",
                EXCLUDE_RATED_EXPRESSION + " | INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)"),
        EXCLUDE_RATED_YEAR("marquee-exclude-rated-year",
                EXCLUDE_RATED_EXPRESSION + " | INCLUDE ItemID WHERE Items.YEAR = $YEAR"),
        EXCLUDE_RATED_GENRE_YEAR("marquee-exclude-rated-genre-year",
                EXCLUDE_RATED_EXPRESSION + " | INCLUDE ItemID WHERE Items.GENRES IN ($GENRE) AND Items.YEAR = $YEAR");

        public final String resourceName;
        public final String expression;

        Filter(String resourceName, String expression) {
            this.resourceName = resourceName;
            this.expression = expression;
        }
    }

    /** One campaign per recipe; the key names the environment variable services read. */
    public enum Campaign {
        FOR_YOU("marquee-for-you", "arn:aws:personalize:::recipe/aws-user-personalization-v2"),
        SIMILAR_ITEMS("marquee-similar-items", "arn:aws:personalize:::recipe/aws-similar-items"),
        RANKING("marquee-ranking", "arn:aws:personalize:::recipe/aws-personalized-ranking-v2"),
        POPULAR("marquee-popular", "arn:aws:personalize:::recipe/aws-popularity-count"),
        TRENDING("marquee-trending", "arn:aws:personalize:::recipe/aws-trending-now");

        final String resourceName;
        final String recipeArn;

        Campaign(String resourceName, String recipeArn) {
            this.resourceName = resourceName;
            this.recipeArn = recipeArn;
        }
    }

    static final String INTERACTIONS_SCHEMA = """
            {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"USER_ID","type":"string"},
              {"name":"ITEM_ID","type":"string"},
              {"name":"TIMESTAMP","type":"long"},
              {"name":"EVENT_TYPE","type":"string"},
              {"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}""";
    static final String ITEMS_SCHEMA = """
            {"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"ITEM_ID","type":"string"},
              {"name":"GENRES","type":["null","string"],"categorical":true},
              {"name":"YEAR","type":["null","int"]},
              {"name":"CREATION_TIMESTAMP","type":["null","long"]}],"version":"1.0"}""";

    private static final Duration POLL = Duration.ofMillis(250);
    /** Personalize wants a role for imports; personalize-local accepts any well-formed one. */
    private static final String IMPORT_ROLE = "arn:aws:iam::000000000000:role/personalize-local-import";

    private final PersonalizeClient client;
    private final String endpoint;
    private final String region;
    private final Duration timeout;
    private final PrintStream out;

    public PersonalizeSetup(String endpoint, String region, Duration timeout, PrintStream out) {
        this.endpoint = endpoint;
        this.region = region;
        this.timeout = timeout;
        this.out = out;
        this.client = PersonalizeClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The first, quick half of the setup: creates (or finds) the dataset group, datasets, imports,
     * event tracker and filter, waits until they are ACTIVE, and starts training a solution version
     * per recipe without waiting for it. The resources it returns already name the campaigns
     * (campaign ARNs follow from their names), so services can start while the models train;
     * {@link #finish} creates the campaigns. {@code interactionsCsv} and {@code itemsCsv} are
     * imported only when their dataset has no finished import yet.
     */
    public Training begin(Path interactionsCsv, Path itemsCsv) {
        String group = find(() -> client.listDatasetGroups(r -> r.maxResults(100)).datasetGroups(),
                DatasetGroupSummary::name, DatasetGroupSummary::datasetGroupArn, GROUP)
                .orElseGet(() -> client.createDatasetGroup(r -> r.name(GROUP)).datasetGroupArn());
        await("dataset group " + GROUP, () -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status(),
                () -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().failureReason());

        String interactions = dataset(group, "Interactions", GROUP + "-interactions", INTERACTIONS_SCHEMA);
        String items = dataset(group, "Items", GROUP + "-items", ITEMS_SCHEMA);
        importOnce(items, itemsCsv);
        importOnce(interactions, interactionsCsv);

        String trackerArn = find(() -> client.listEventTrackers(r -> r.datasetGroupArn(group).maxResults(100)).eventTrackers(),
                EventTrackerSummary::name, EventTrackerSummary::eventTrackerArn, TRACKER)
                .orElseGet(() -> client.createEventTracker(r -> r.name(TRACKER).datasetGroupArn(group)).eventTrackerArn());
        await("event tracker", () -> client.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().status(), () -> "");
        String trackingId = client.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().trackingId();

        Map<Filter, String> filters = new LinkedHashMap<>();
        for (Filter f : Filter.values()) {
            String filter = find(() -> client.listFilters(r -> r.datasetGroupArn(group).maxResults(100)).filters(),
                    FilterSummary::name, FilterSummary::filterArn, f.resourceName)
                    .orElseGet(() -> client.createFilter(r -> r.name(f.resourceName).datasetGroupArn(group)
                            .filterExpression(f.expression)).filterArn());
            await("filter " + f.resourceName, () -> client.describeFilter(r -> r.filterArn(filter)).filter().status(),
                    () -> client.describeFilter(r -> r.filterArn(filter)).filter().failureReason());
            filters.put(f, filter);
        }

        Map<Campaign, String> versions = new LinkedHashMap<>();
        Map<Campaign, String> campaigns = new LinkedHashMap<>();
        for (Campaign c : Campaign.values()) {
            versions.put(c, solutionVersion(group, c));
            campaigns.put(c, campaignArn(group, c));
        }
        PersonalizeResources resources = new PersonalizeResources(endpoint, region, group, interactions, items,
                trackerArn, trackingId, filters, campaigns);
        return new Training(resources, versions);
    }

    /** What {@link #begin} set in motion: the resources as they will be, and the versions training. */
    public record Training(PersonalizeResources resources, Map<Campaign, String> solutionVersions) {
    }

    /** Waits for each solution version in turn (the server trains them one at a time) and creates its campaign. */
    public PersonalizeResources finish(Training training) {
        for (Map.Entry<Campaign, String> v : training.solutionVersions().entrySet()) {
            await("training of " + v.getKey().resourceName,
                    () -> client.describeSolutionVersion(r -> r.solutionVersionArn(v.getValue())).solutionVersion().status(),
                    () -> client.describeSolutionVersion(r -> r.solutionVersionArn(v.getValue())).solutionVersion().failureReason());
            String created = campaign(v.getKey(), v.getValue());
            String announced = training.resources().campaignArns().get(v.getKey());
            if (!created.equals(announced)) {
                throw new IllegalStateException("campaign " + v.getKey().resourceName + " is " + created
                        + ", but services were told " + announced);
            }
        }
        return training.resources();
    }

    /** A campaign's ARN as Personalize forms it: the dataset group's region and account, then the name. */
    static String campaignArn(String datasetGroupArn, Campaign c) {
        return datasetGroupArn.substring(0, datasetGroupArn.lastIndexOf(":dataset-group/")) + ":campaign/" + c.resourceName;
    }

    private String dataset(String group, String type, String name, String schemaJson) {
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

    private void importOnce(String datasetArn, Path csv) {
        List<DatasetImportJobSummary> jobs = client.listDatasetImportJobs(r -> r.datasetArn(datasetArn).maxResults(100))
                .datasetImportJobs();
        if (jobs.stream().anyMatch(j -> "ACTIVE".equals(j.status()))) {
            return;
        }
        String name = "import-" + datasetArn.substring(datasetArn.lastIndexOf('/') + 1) + "-" + System.currentTimeMillis();
        say("importing " + csv.getFileName() + " into personalize-local");
        String job = client.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn).roleArn(IMPORT_ROLE)
                .dataSource(DataSource.builder().dataLocation(csv.toAbsolutePath().toUri().toString()).build()))
                .datasetImportJobArn();
        await("import of " + csv.getFileName(),
                () -> client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob().status(),
                () -> client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob().failureReason());
    }

    private String solutionVersion(String group, Campaign c) {
        String solution = find(() -> client.listSolutions(r -> r.datasetGroupArn(group).maxResults(100)).solutions(),
                SolutionSummary::name, SolutionSummary::solutionArn, c.resourceName)
                .orElseGet(() -> client.createSolution(r -> r.name(c.resourceName).datasetGroupArn(group)
                        .recipeArn(c.recipeArn).performHPO(c == Campaign.FOR_YOU)).solutionArn());
        await("solution " + c.resourceName, () -> client.describeSolution(r -> r.solutionArn(solution)).solution().status(), () -> "");
        List<SolutionVersionSummary> existing = client.listSolutionVersions(r -> r.solutionArn(solution).maxResults(100))
                .solutionVersions();
        Optional<String> usable = existing.stream()
                .filter(v -> !v.status().contains("FAILED") && !v.status().startsWith("DELETE"))
                .map(SolutionVersionSummary::solutionVersionArn).findFirst();
        if (usable.isPresent()) {
            return usable.get();
        }
        say("training " + c.resourceName + " (" + c.recipeArn.substring(c.recipeArn.lastIndexOf('/') + 1) + ")");
        return client.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
    }

    private String campaign(Campaign c, String solutionVersion) {
        String solution = solutionVersion.substring(0, solutionVersion.lastIndexOf('/'));
        String campaign = find(() -> client.listCampaigns(r -> r.solutionArn(solution).maxResults(100)).campaigns(),
                CampaignSummary::name, CampaignSummary::campaignArn, c.resourceName)
                .orElseGet(() -> client.createCampaign(r -> r.name(c.resourceName).solutionVersionArn(solutionVersion)
                        .minProvisionedTPS(1)).campaignArn());
        await("campaign " + c.resourceName, () -> client.describeCampaign(r -> r.campaignArn(campaign)).campaign().status(),
                () -> client.describeCampaign(r -> r.campaignArn(campaign)).campaign().failureReason());
        return campaign;
    }

    private static <T> Optional<String> find(Supplier<List<T>> list, java.util.function.Function<T, String> name,
            java.util.function.Function<T, String> arn, String wanted) {
        return list.get().stream().filter(s -> wanted.equals(name.apply(s))).map(arn).findFirst();
    }

    /** Polls a status until ACTIVE; a FAILED status or the timeout ends the start with the reason. */
    private void await(String what, Supplier<String> status, Supplier<String> failureReason) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String s = status.get();
            if ("ACTIVE".equals(s)) {
                return;
            }
            if (s != null && s.contains("FAILED")) {
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

    private void say(String what) {
        out.println("[devstack] " + what);
        out.flush();
    }

    @Override
    public void close() {
        client.close();
    }
}
