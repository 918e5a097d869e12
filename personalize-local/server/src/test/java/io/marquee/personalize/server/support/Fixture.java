package io.marquee.personalize.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DataSource;

/**
 * One dataset group stood up through the control-plane client exactly as a setup tool does it
 * (waiting for ACTIVE at each step), shared by the test classes: 40 items (1–20 Comedy, 21–40
 * Drama, two of both), 30 users (1–15 watch comedies, 16–30 dramas, and rate two of them), a
 * users dataset, an event tracker, filters, and one campaign per recipe.
 */
public final class Fixture {

    public enum Campaign {
        FOR_YOU("arn:aws:personalize:::recipe/aws-user-personalization-v2"),
        SIMILAR("arn:aws:personalize:::recipe/aws-similar-items"),
        RANKING("arn:aws:personalize:::recipe/aws-personalized-ranking-v2"),
        POPULAR("arn:aws:personalize:::recipe/aws-popularity-count"),
        TRENDING("arn:aws:personalize:::recipe/aws-trending-now");

        public final String recipeArn;

        Campaign(String recipeArn) {
            this.recipeArn = recipeArn;
        }
    }

    public static final String INTERACTIONS_SCHEMA = """
            {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
              {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},
              {"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}""";
    public static final String ITEMS_SCHEMA = """
            {"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"ITEM_ID","type":"string"},{"name":"GENRES","type":["null","string"],"categorical":true},
              {"name":"YEAR","type":["null","int"]},{"name":"TITLE","type":["null","string"]}],"version":"1.0"}""";
    public static final String USERS_SCHEMA = """
            {"type":"record","name":"Users","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"USER_ID","type":"string"},{"name":"MEMBERSHIP","type":["null","string"]}],"version":"1.0"}""";

    public static final String EXCLUDE_RATED = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rate\")";
    public static final String GENRE = "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)";
    public static final String GENRE_NOT_WATCHED = "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE) "
            + "| EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"watch\")";
    public static final String COMEDIES = "INCLUDE ItemID WHERE Items.GENRES IN (\"Comedy\")";

    public final String group;
    public final String interactionsDataset;
    public final String itemsDataset;
    public final String usersDataset;
    public final String trackingId;
    public final String excludeRated;
    public final String genre;
    public final String genreNotWatched;
    public final String comedies;
    public final Map<Campaign, String> campaigns;
    public final Map<Campaign, String> versions;
    public final Path files;

    private static Fixture instance;

    /** The fixture, stood up on first use. */
    public static synchronized Fixture get() {
        if (instance == null) {
            instance = new Fixture(Clients.control());
        }
        return instance;
    }

    public static String item(int n) {
        return String.format("i%02d", n);
    }

    public static String user(int n) {
        return String.format("u%02d", n);
    }

    public static boolean isComedy(String itemId) {
        int n = Integer.parseInt(itemId.substring(1));
        return n <= 20 || n == 25;
    }

    /** Items a fixture user rated ("rate" events), besides watching them. */
    public static List<String> rated(int user) {
        return List.of(item(favourite(user, 0)), item(favourite(user, 1)));
    }

    /** The k-th item a user watched: comedies for users 1–15, dramas for 16–30. */
    public static int favourite(int user, int k) {
        int offset = user <= 15 ? 1 : 21;
        return offset + (user * 3 + k * 7) % 20;
    }

    private Fixture(PersonalizeClient client) {
        try {
            files = Files.createTempDirectory(FreshDataDir.imports(), "fixture-").toAbsolutePath();
            writeFiles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        group = client.createDatasetGroup(r -> r.name("fixture")).datasetGroupArn();
        assertThat(Clients.settle(() -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup()
                .status())).isEqualTo("ACTIVE");
        interactionsDataset = dataset(client, "Interactions", INTERACTIONS_SCHEMA);
        itemsDataset = dataset(client, "Items", ITEMS_SCHEMA);
        usersDataset = dataset(client, "Users", USERS_SCHEMA);
        importFile(client, itemsDataset, "items.csv");
        importFile(client, usersDataset, "users.csv");
        importFile(client, interactionsDataset, "interactions.csv");
        String tracker = client.createEventTracker(r -> r.name("fixture-tracker").datasetGroupArn(group))
                .eventTrackerArn();
        assertThat(Clients.settle(() -> client.describeEventTracker(r -> r.eventTrackerArn(tracker)).eventTracker()
                .status())).isEqualTo("ACTIVE");
        trackingId = client.describeEventTracker(r -> r.eventTrackerArn(tracker)).eventTracker().trackingId();
        excludeRated = filter(client, "fixture-exclude-rated", EXCLUDE_RATED);
        genre = filter(client, "fixture-genre", GENRE);
        genreNotWatched = filter(client, "fixture-genre-not-watched", GENRE_NOT_WATCHED);
        comedies = filter(client, "fixture-comedies", COMEDIES);
        versions = new EnumMap<>(Campaign.class);
        for (Campaign c : Campaign.values()) {
            String name = "fixture-" + c.name().toLowerCase().replace('_', '-');
            String solution = client.createSolution(r -> r.name(name).datasetGroupArn(group).recipeArn(c.recipeArn))
                    .solutionArn();
            assertThat(Clients.settle(() -> client.describeSolution(r -> r.solutionArn(solution)).solution().status()))
                    .isEqualTo("ACTIVE");
            versions.put(c, client.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn());
        }
        campaigns = new EnumMap<>(Campaign.class);
        for (Campaign c : Campaign.values()) {
            String version = versions.get(c);
            String status = Clients.settle(() -> client.describeSolutionVersion(r -> r.solutionVersionArn(version))
                    .solutionVersion().status());
            assertThat(status).as("training of %s: %s", c, client.describeSolutionVersion(r -> r.solutionVersionArn(
                    version)).solutionVersion().failureReason()).isEqualTo("ACTIVE");
            String name = "fixture-" + c.name().toLowerCase().replace('_', '-');
            String campaign = client.createCampaign(r -> r.name(name).solutionVersionArn(version).minProvisionedTPS(1))
                    .campaignArn();
            assertThat(Clients.settle(() -> client.describeCampaign(r -> r.campaignArn(campaign)).campaign().status()))
                    .isEqualTo("ACTIVE");
            campaigns.put(c, campaign);
        }
    }

    private String dataset(PersonalizeClient client, String type, String schemaJson) {
        String name = "fixture-" + type.toLowerCase();
        String schema = client.createSchema(r -> r.name(name).schema(schemaJson)).schemaArn();
        String dataset = client.createDataset(r -> r.name(name).datasetGroupArn(group).datasetType(type)
                .schemaArn(schema)).datasetArn();
        assertThat(Clients.settle(() -> client.describeDataset(r -> r.datasetArn(dataset)).dataset().status()))
                .isEqualTo("ACTIVE");
        return dataset;
    }

    private void importFile(PersonalizeClient client, String dataset, String file) {
        String job = client.createDatasetImportJob(r -> r.jobName("fixture-" + file.replace(".csv", ""))
                .datasetArn(dataset).roleArn("arn:aws:iam::000000000000:role/import")
                .dataSource(DataSource.builder().dataLocation(files.resolve(file).toUri().toString()).build()))
                .datasetImportJobArn();
        String status = Clients.settle(() -> client.describeDatasetImportJob(r -> r.datasetImportJobArn(job))
                .datasetImportJob().status());
        assertThat(status).as(client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob()
                .failureReason() + "").isEqualTo("ACTIVE");
    }

    private String filter(PersonalizeClient client, String name, String expression) {
        String arn = client.createFilter(r -> r.name(name).datasetGroupArn(group).filterExpression(expression))
                .filterArn();
        assertThat(Clients.settle(() -> client.describeFilter(r -> r.filterArn(arn)).filter().status()))
                .isEqualTo("ACTIVE");
        return arn;
    }

    private void writeFiles() throws IOException {
        List<String> items = new ArrayList<>(List.of("ITEM_ID,GENRES,YEAR,TITLE"));
        for (int i = 1; i <= 40; i++) {
            String genres = i == 5 || i == 25 ? "Comedy|Drama" : i <= 20 ? "Comedy" : "Drama";
            items.add(item(i) + "," + genres + "," + (1980 + i) + ",\"Title " + i + ", the \"\"movie\"\"\"");
        }
        Files.write(files.resolve("items.csv"), items);
        List<String> users = new ArrayList<>(List.of("USER_ID,MEMBERSHIP"));
        for (int u = 1; u <= 30; u++) {
            users.add(user(u) + "," + (u % 2 == 0 ? "gold" : ""));
        }
        Files.write(files.resolve("users.csv"), users);
        List<String> interactions = new ArrayList<>(List.of("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE"));
        long t = 1_700_000_000L;
        for (int u = 1; u <= 30; u++) {
            for (int k = 0; k < 8; k++) {
                interactions.add(user(u) + "," + item(favourite(u, k)) + "," + (t += 60) + ",watch,");
            }
            for (int k = 0; k < 2; k++) {
                interactions.add(user(u) + "," + item(favourite(u, k)) + "," + (t += 60) + ",rate,4.5");
            }
        }
        Files.write(files.resolve("interactions.csv"), interactions);
    }
}
