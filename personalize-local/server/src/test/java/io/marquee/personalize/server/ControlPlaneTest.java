package io.marquee.personalize.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.marquee.personalize.server.control.ControlPlane;
import io.marquee.personalize.server.support.Clients;
import io.marquee.personalize.server.support.FreshDataDir;
import io.marquee.personalize.server.support.Fixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.RecipeProvider;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

@QuarkusTest
@WithTestResource(FreshDataDir.class)
class ControlPlaneTest {

    private final PersonalizeClient client = Clients.control();

    @Inject
    ControlPlane controlPlane;

    @Test
    void theOperationTableAnswersEveryImplementedOperationOnce() {
        List<String> expected = new ArrayList<>(List.of("CreateDatasetGroup", "CreateSchema", "CreateDataset",
                "CreateDatasetImportJob", "CreateSolution", "CreateSolutionVersion", "CreateCampaign",
                "UpdateCampaign", "CreateEventTracker", "CreateFilter", "GetSolutionMetrics", "DescribeRecipe",
                "ListRecipes", "DeleteDatasetGroup", "DeleteSchema", "DeleteDataset", "DeleteSolution",
                "DeleteCampaign", "DeleteEventTracker", "DeleteFilter"));
        for (String noun : List.of("DatasetGroup", "Schema", "Dataset", "DatasetImportJob", "Solution",
                "SolutionVersion", "Campaign", "EventTracker", "Filter")) {
            expected.add("Describe" + noun);
            expected.add("List" + noun + "s");
        }
        assertThat(controlPlane.operationNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aFullSetupThroughTheControlPlaneClientEndsWithActiveCampaignsTrackerAndFilters() {
        Fixture f = Fixture.get();
        for (Fixture.Campaign c : Fixture.Campaign.values()) {
            var campaign = client.describeCampaign(r -> r.campaignArn(f.campaigns.get(c))).campaign();
            assertThat(campaign.status()).isEqualTo("ACTIVE");
            assertThat(campaign.solutionVersionArn()).isEqualTo(f.versions.get(c));
            assertThat(campaign.campaignArn()).startsWith("arn:aws:personalize:us-east-1:000000000000:campaign/");
            var version = client.describeSolutionVersion(r -> r.solutionVersionArn(f.versions.get(c))).solutionVersion();
            assertThat(version.recipeArn()).isEqualTo(c.recipeArn);
            assertThat(client.getSolutionMetrics(r -> r.solutionVersionArn(f.versions.get(c))).metrics()).isNotNull();
            var solution = client.describeSolution(r -> r.solutionArn(version.solutionArn())).solution();
            assertThat(solution.latestSolutionVersion().solutionVersionArn()).isEqualTo(f.versions.get(c));
        }
        assertThat(client.listEventTrackers(r -> r.datasetGroupArn(f.group)).eventTrackers())
                .singleElement().satisfies(t -> assertThat(t.status()).isEqualTo("ACTIVE"));
        assertThat(client.listFilters(r -> r.datasetGroupArn(f.group)).filters()).hasSize(4);
        assertThat(client.listDatasets(r -> r.datasetGroupArn(f.group)).datasets()).hasSize(3);
        assertThat(client.listSolutions(r -> r.datasetGroupArn(f.group)).solutions()).hasSize(5);
        assertThat(client.listDatasetImportJobs(r -> r.datasetArn(f.interactionsDataset)).datasetImportJobs())
                .singleElement().satisfies(j -> assertThat(j.status()).isEqualTo("ACTIVE"));
    }

    @Test
    void updateCampaignSwitchesToANewlyTrainedVersion() {
        Fixture f = Fixture.get();
        String campaign = f.campaigns.get(Fixture.Campaign.POPULAR);
        String original = f.versions.get(Fixture.Campaign.POPULAR);
        String solution = client.describeSolutionVersion(r -> r.solutionVersionArn(original)).solutionVersion()
                .solutionArn();
        String next = client.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        assertThat(Clients.settle(() -> client.describeSolutionVersion(r -> r.solutionVersionArn(next))
                .solutionVersion().status())).isEqualTo("ACTIVE");
        assertThat(client.listSolutionVersions(r -> r.solutionArn(solution)).solutionVersions()).hasSize(2);
        try {
            client.updateCampaign(r -> r.campaignArn(campaign).solutionVersionArn(next));
            assertThat(client.describeCampaign(r -> r.campaignArn(campaign)).campaign().solutionVersionArn())
                    .isEqualTo(next);
            assertThat(Clients.runtime().getRecommendations(r -> r.campaignArn(campaign).numResults(3)).itemList())
                    .hasSize(3);
            String otherSolutionsVersion = f.versions.get(Fixture.Campaign.TRENDING);
            assertThatThrownBy(() -> client.updateCampaign(r -> r.campaignArn(campaign)
                    .solutionVersionArn(otherSolutionsVersion))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("solutionVersionArn");
        } finally {
            client.updateCampaign(r -> r.campaignArn(campaign).solutionVersionArn(original));
        }
    }

    @Test
    void statusesMoveThroughPendingAndInProgressToActive() {
        String arn = client.createDatasetGroup(r -> r.name("observed")).datasetGroupArn();
        List<String> seen = new ArrayList<>();
        String status;
        do {
            status = client.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup().status();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
        } while (!status.equals("ACTIVE"));
        assertThat(List.of("CREATE PENDING", "CREATE IN_PROGRESS", "ACTIVE")).containsSubsequence(seen);
    }

    @Test
    void aDeleteGoesThroughDeletePendingUntilDescribeAnswersNotFound() {
        String arn = client.createDatasetGroup(r -> r.name("doomed")).datasetGroupArn();
        Clients.settle(() -> client.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup().status());
        client.deleteDatasetGroup(r -> r.datasetGroupArn(arn));
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (true) {
                seen.add(client.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup().status());
                Thread.sleep(10);
            }
        }).isInstanceOf(ResourceNotFoundException.class);
        assertThat(seen).allSatisfy(s -> assertThat(s).isIn("DELETE PENDING", "DELETE IN_PROGRESS"));
        assertThat(client.listDatasetGroups(r -> { }).datasetGroups()).noneMatch(g -> g.datasetGroupArn().equals(arn));
    }

    @Test
    void duplicateNamesAreResourceAlreadyExists() {
        Fixture f = Fixture.get();
        assertThatThrownBy(() -> client.createDatasetGroup(r -> r.name("fixture")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> client.createSchema(r -> r.name("fixture-items").schema(Fixture.ITEMS_SCHEMA)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> client.createFilter(r -> r.name("fixture-genre").datasetGroupArn(f.group)
                .filterExpression(Fixture.GENRE))).isInstanceOf(ResourceAlreadyExistsException.class);
        String schema = client.listSchemas(r -> r.maxResults(100)).schemas().stream()
                .filter(s -> s.name().equals("fixture-items")).findFirst().orElseThrow().schemaArn();
        assertThatThrownBy(() -> client.createDataset(r -> r.name("second-items").datasetGroupArn(f.group)
                .datasetType("Items").schemaArn(schema))).isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("already has a Items dataset");
        assertThatThrownBy(() -> client.createEventTracker(r -> r.name("second").datasetGroupArn(f.group)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void unknownArnsAreResourceNotFound() {
        String missing = "arn:aws:personalize:us-east-1:000000000000:campaign/nope";
        assertThatThrownBy(() -> client.describeCampaign(r -> r.campaignArn(missing)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(missing);
        assertThatThrownBy(() -> client.describeRecipe(r -> r.recipeArn("arn:aws:personalize:::recipe/aws-nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.createSolution(r -> r.name("x").datasetGroupArn(Fixture.get().group)
                .recipeArn("arn:aws:personalize:::recipe/aws-nope"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.listDatasets(r -> r.datasetGroupArn(
                "arn:aws:personalize:us-east-1:000000000000:dataset-group/nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void brokenConstraintsAreInvalidInputNamingTheField() {
        Fixture f = Fixture.get();
        assertThatThrownBy(() -> client.createDatasetGroup(r -> r.name("has spaces")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> client.createDatasetGroup(r -> r.name("x".repeat(64))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> client.createDatasetGroup(r -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name is required");
        assertThatThrownBy(() -> client.describeCampaign(r -> r.campaignArn("not-an-arn")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("campaignArn");
        assertThatThrownBy(() -> client.createSchema(r -> r.name("broken").schema("{not json")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("schema");
        assertThatThrownBy(() -> client.createSchema(r -> r.name("broken").schema(
                "{\"type\":\"record\",\"name\":\"x\",\"fields\":[{\"name\":\"USER_ID\",\"type\":\"date\"}]}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fields[0].type");
        String noTimestamp = client.createSchema(r -> r.name("no-timestamp").schema(
                "{\"type\":\"record\",\"name\":\"x\",\"fields\":[{\"name\":\"USER_ID\",\"type\":\"string\"},"
                        + "{\"name\":\"ITEM_ID\",\"type\":\"string\"}]}")).schemaArn();
        String group = client.createDatasetGroup(r -> r.name("constraints")).datasetGroupArn();
        Clients.settle(() -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
        assertThatThrownBy(() -> client.createDataset(r -> r.name("i").datasetGroupArn(group)
                .datasetType("Interactions").schemaArn(noTimestamp)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("TIMESTAMP");
        assertThatThrownBy(() -> client.createDataset(r -> r.name("i").datasetGroupArn(group)
                .datasetType("Movies").schemaArn(noTimestamp)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("datasetType");
        assertThatThrownBy(() -> client.createFilter(r -> r.name("bad").datasetGroupArn(f.group)
                .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rate\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filterExpression")
                .hasMessageContaining("position");
        assertThatThrownBy(() -> client.createFilter(r -> r.name("bad").datasetGroupArn(f.group)
                .filterExpression("INCLUDE ItemID WHERE Items.GENRES IN (\"x\") " + " ".repeat(2500))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filterExpression");
        assertThatThrownBy(() -> client.createSolution(r -> r.name("hp").datasetGroupArn(f.group)
                .recipeArn(Fixture.Campaign.POPULAR.recipeArn).solutionConfig(c -> c.algorithmHyperParameters(
                        java.util.Map.of("x", "y".repeat(1001)))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("algorithmHyperParameters");
        assertThatThrownBy(() -> client.listDatasetGroups(r -> r.maxResults(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxResults");
    }

    @Test
    void deletingWhatIsStillUsedIsResourceInUse() {
        Fixture f = Fixture.get();
        assertThatThrownBy(() -> client.deleteDatasetGroup(r -> r.datasetGroupArn(f.group)))
                .isInstanceOf(ResourceInUseException.class);
        String schema = client.describeDataset(r -> r.datasetArn(f.itemsDataset)).dataset().schemaArn();
        assertThatThrownBy(() -> client.deleteSchema(r -> r.schemaArn(schema)))
                .isInstanceOf(ResourceInUseException.class);
        String solution = client.describeSolutionVersion(r -> r.solutionVersionArn(
                f.versions.get(Fixture.Campaign.FOR_YOU))).solutionVersion().solutionArn();
        assertThatThrownBy(() -> client.deleteSolution(r -> r.solutionArn(solution)))
                .isInstanceOf(ResourceInUseException.class).hasMessageContaining("campaign");
    }

    @Test
    void listsPageWithNextToken() {
        Fixture.get();
        String another = client.createDatasetGroup(r -> r.name("paging-" + System.nanoTime())).datasetGroupArn();
        Clients.settle(() -> client.describeDatasetGroup(r -> r.datasetGroupArn(another)).datasetGroup().status());
        var first = client.listDatasetGroups(r -> r.maxResults(1));
        assertThat(first.datasetGroups()).hasSize(1);
        assertThat(first.nextToken()).isNotNull();
        var second = client.listDatasetGroups(r -> r.maxResults(1).nextToken(first.nextToken()));
        assertThat(second.datasetGroups()).hasSize(1).doesNotContainAnyElementsOf(first.datasetGroups());
    }

    @Test
    void recipesAreDescribedAndListed() {
        var recipe = client.describeRecipe(r -> r.recipeArn("arn:aws:personalize:::recipe/aws-similar-items")).recipe();
        assertThat(recipe.recipeType()).isEqualTo("RELATED_ITEMS");
        assertThat(recipe.status()).isEqualTo("ACTIVE");
        assertThat(client.listRecipes(r -> r.recipeProvider(RecipeProvider.SERVICE)).recipes())
                .extracting(x -> x.recipeArn()).contains("arn:aws:personalize:::recipe/aws-user-personalization-v2",
                        "arn:aws:personalize:::recipe/aws-trending-now");
    }

    // ------------------------------------------------------------------ the wire itself

    @Test
    void errorsCarryTheTypeInHeaderAndBodyAndEveryAnswerARequestId() {
        given().header("X-Amz-Target", "AmazonPersonalize.CreateDatasetGroup")
                .contentType("application/x-amz-json-1.1").body(bytes("{\"name\": "))
                .post("/").then().statusCode(400)
                .header("x-amzn-ErrorType", equalTo("InvalidInputException"))
                .header("x-amzn-RequestId", notNullValue())
                .body("__type", equalTo("InvalidInputException"));
        given().header("X-Amz-Target", "AmazonPersonalize.CreateDatasetGroup")
                .contentType("text/plain").body(bytes("{\"name\": 5}"))
                .post("/").then().statusCode(400).body("message", equalTo("name must be a string"));
        given().header("X-Amz-Target", "AmazonPersonalize.CreateDatasetGroup")
                .contentType("application/json").body(bytes("[1,2]"))
                .post("/").then().statusCode(400).header("x-amzn-ErrorType", equalTo("InvalidInputException"));
        given().header("X-Amz-Target", "AmazonPersonalize.ListDatasetGroups")
                .contentType("application/x-amz-json-1.1").body(bytes("{\"unknownMember\": {\"deep\": [1]}}"))
                .post("/").then().statusCode(200).header("x-amzn-RequestId", notNullValue());
        given().header("X-Amz-Target", "AmazonPersonalize.TagResource").body(bytes("{}"))
                .post("/").then().statusCode(400).header("x-amzn-ErrorType", equalTo("UnknownOperationException"));
        given().get("/recommendations").then().statusCode(405)
                .header("x-amzn-ErrorType", notNullValue()).header("x-amzn-RequestId", notNullValue());
        given().contentType("application/json").body(bytes("{\"a\":\"" + "x".repeat(3_000_000) + "\"}"))
                .post("/recommendations").then().statusCode(413);
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownOperationReachesTheSdkAsItsBaseException() {
        assertThatThrownBy(() -> client.tagResource(r -> r.resourceArn(Fixture.get().group)))
                .isInstanceOf(PersonalizeException.class).hasMessageContaining("TagResource");
    }
}
