package io.marquee.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.kafka.TopicAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** helm/iam: each service's least-privilege policy grants its topics as TopicAccess says, and never creates tables. */
class IamPoliciesTest {

    private static final Path IAM = Chart.REPO_ROOT.resolve("helm/iam");
    /** Every service with an IAM role (the gateway calls no AWS API). */
    private static final List<String> SERVICES = List.of("user-service", "catalog-service", "rating-service",
            "recommendation-service", "event-ingest-service");
    /** The services with DynamoDB tables of their own. */
    private static final List<String> TABLE_OWNERS = List.of("user-service", "catalog-service", "rating-service",
            "event-ingest-service");

    @Test
    void eachServiceWritesAndReadsExactlyTheTopicsAndGroupsTopicAccessGivesIt() throws IOException {
        for (String service : SERVICES) {
            JsonNode policy = policy(service);
            String internal = TopicAccess.internalTopicPrefix(service).map(p -> p + "*").orElse("-");
            List<String> writes = topicsWith(policy, "kafka-cluster:WriteData").stream().filter(t -> !t.equals(internal)).toList();
            List<String> reads = topicsWith(policy, "kafka-cluster:ReadData").stream().filter(t -> !t.equals(internal)).toList();
            assertThat(writes).as(service + " writes").containsExactlyInAnyOrderElementsOf(
                    TopicAccess.ALL.stream().filter(a -> a.writers().contains(service)).map(TopicAccess::topic).toList());
            assertThat(reads).as(service + " reads").containsExactlyInAnyOrderElementsOf(
                    TopicAccess.ALL.stream().filter(a -> a.readers().contains(service)).map(TopicAccess::topic).toList());
            List<String> groups = resourcesWith(policy, "kafka-cluster:AlterGroup").stream()
                    .map(r -> r.substring(r.lastIndexOf('/') + 1)).toList();
            assertThat(groups).as(service + " groups").containsExactlyInAnyOrderElementsOf(
                    reads.isEmpty() ? List.of() : TopicAccess.groupsOf(service));
        }
    }

    /** A Kafka Streams application creates its internal topics itself: on its own prefix only. */
    @Test
    void aStreamsApplicationMayCreateAndUseOnlyTopicsPrefixedWithItsId() throws IOException {
        for (Map.Entry<String, String> app : TopicAccess.STREAMS_APPLICATIONS.entrySet()) {
            JsonNode policy = policy(app.getKey());
            String internal = app.getValue() + "-*";
            for (String action : List.of("kafka-cluster:ReadData", "kafka-cluster:WriteData")) {
                assertThat(topicsWith(policy, action)).as(app.getKey() + " " + action).contains(internal);
            }
            for (String action : List.of("kafka-cluster:CreateTopic", "kafka-cluster:DeleteTopic")) {
                assertThat(topicsWith(policy, action)).as(app.getKey() + " " + action).containsExactly(internal);
            }
        }
    }

    @Test
    void onlyTheServicesThatCallPersonalizeMayAndOnlyWhatTheyCall() throws IOException {
        Map<String, List<String>> expected = Map.of(
                "recommendation-service", List.of("personalize:GetPersonalizedRanking", "personalize:GetRecommendations"),
                "event-ingest-service", List.of("personalize:PutEvents"));
        for (String service : SERVICES) {
            List<String> granted = new ArrayList<>();
            for (JsonNode statement : policy(service).get("Statement")) {
                statement.get("Action").forEach(a -> {
                    if (a.asText().startsWith("personalize:")) {
                        granted.add(a.asText());
                    }
                });
            }
            assertThat(granted).as(service).containsExactlyInAnyOrderElementsOf(expected.getOrDefault(service, List.of()));
        }
    }

    @Test
    void theTerraformExampleGivesEveryServiceItsRoleWithItsPolicy() throws IOException {
        String terraform = Files.readString(IAM.resolve("terraform/main.tf"));
        for (String service : SERVICES) {
            assertThat(terraform).as(service).containsPattern("\"" + service + "\"\\s*=\\s*\"" + service + ".json\"");
        }
    }

    @Test
    void noServiceMayCreateOrDropTablesOrActOnEverything() throws IOException {
        for (String service : SERVICES) {
            JsonNode policy = policy(service);
            for (JsonNode statement : policy.get("Statement")) {
                assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
                boolean ownInternalTopics = TopicAccess.internalTopicPrefix(service)
                        .map(p -> statement.get("Resource").size() == 1
                                && statement.get("Resource").get(0).asText().endsWith("/" + p + "*"))
                        .orElse(false);
                statement.get("Action").forEach(a -> assertThat(a.asText()).as(service)
                        .doesNotContain("*").isNotIn("dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:UpdateTable",
                                "dynamodb:UpdateTimeToLive", "kafka-cluster:AlterCluster"));
                if (!ownInternalTopics) {
                    statement.get("Action").forEach(a -> assertThat(a.asText()).as(service)
                            .isNotIn("kafka-cluster:CreateTopic", "kafka-cluster:DeleteTopic"));
                }
                statement.get("Resource").forEach(r -> assertThat(r.asText()).as(service).isNotEqualTo("*")
                        .doesNotEndWith(":table/*"));
            }
        }
    }

    /** Every table a service's code names (its *Tables class) is in its policy and in the Terraform example. */
    @Test
    void everyTableAServiceUsesIsGrantedAndProvisioned() throws IOException {
        String terraform = Files.readString(IAM.resolve("terraform/main.tf"));
        java.util.regex.Pattern constant = java.util.regex.Pattern.compile("static final String (\\w+) = \"([a-z-]+)\";");
        for (String service : TABLE_OWNERS) {
            String policy = Files.readString(IAM.resolve(service + ".json"));
            List<Path> tables;
            try (var files = Files.walk(Chart.REPO_ROOT.resolve(service).resolve("src/main/java"))) {
                tables = files.filter(f -> f.getFileName().toString().endsWith("Tables.java")).toList();
            }
            assertThat(tables).as(service).isNotEmpty();
            int names = 0;
            for (Path file : tables) {
                java.util.regex.Matcher m = constant.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).contains("INDEX")) {
                        continue;
                    }
                    assertThat(policy).as(service + " policy").contains("table/${table_prefix}" + m.group(2) + "\"");
                    assertThat(terraform).as("terraform table").contains("\"" + m.group(2) + "\"");
                    names++;
                }
            }
            assertThat(names).as(service).isPositive();
        }
    }

    @Test
    void theTopicJobMayCreateOnlyTheSuitesTopics() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(Files.readString(IAM.resolve("kafka-topic-setup.json")));
        assertThat(topicsWith(policy, "kafka-cluster:CreateTopic"))
                .containsExactlyInAnyOrderElementsOf(TopicAccess.ALL.stream().map(TopicAccess::topic).toList());
        assertThat(Files.readString(IAM.resolve("terraform/main.tf"))).contains("kafka-topic-setup.json",
                "templatefile(\"${path.module}/../${each.value}\"", "sts:AssumeRoleWithWebIdentity");
    }

    private static JsonNode policy(String service) throws IOException {
        return new ObjectMapper().readTree(Files.readString(IAM.resolve(service + ".json")));
    }

    private static List<String> topicsWith(JsonNode policy, String action) {
        return resourcesWith(policy, action).stream().map(r -> r.substring(r.lastIndexOf('/') + 1)).toList();
    }

    private static List<String> resourcesWith(JsonNode policy, String action) {
        List<String> resources = new ArrayList<>();
        for (JsonNode statement : policy.get("Statement")) {
            boolean grants = false;
            for (JsonNode a : statement.get("Action")) {
                grants |= a.asText().equals(action);
            }
            if (grants) {
                statement.get("Resource").forEach(r -> resources.add(r.asText()));
            }
        }
        return resources;
    }
}
