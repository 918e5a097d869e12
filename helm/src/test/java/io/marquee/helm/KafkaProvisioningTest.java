package io.marquee.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.marquee.common.events.Topics;
import io.marquee.common.kafka.TopicAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Topics, their partitions and who may write and read them, as the chart provisions them. */
class KafkaProvisioningTest {

    private static final String JOB = "marquee-kafka-topic-setup";
    private static final List<String> KAFKA_USERS = List.of("user-service", "catalog-service", "rating-service",
            "event-ingest-service");

    @Test
    void theChartsTopicsAreTheSuitesTopicAccessTable() throws IOException {
        JsonNode plan = plan(eks());
        List<TopicAccess> rendered = new ArrayList<>();
        for (JsonNode topic : plan.get("topics")) {
            rendered.add(new TopicAccess(topic.get("name").asText(), strings(topic.get("writers")), strings(topic.get("readers"))));
            int partitions = Topics.ALL.stream().filter(t -> t.name().equals(topic.get("name").asText()))
                    .findFirst().orElseThrow().partitions();
            assertThat(topic.get("partitions").asInt()).as(topic.get("name").asText()).isEqualTo(partitions);
            assertThat(topic.get("replicationFactor").asInt()).isEqualTo(3);
            assertThat(topic.get("config").get("min.insync.replicas").asText()).isEqualTo("2");
        }
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(TopicAccess.ALL);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        plan.get("groups").fields().forEachRemaining(e -> groups.put(e.getKey(), strings(e.getValue())));
        assertThat(groups).as("consumer groups").isEqualTo(TopicAccess.GROUPS);
        Map<String, String> streams = new LinkedHashMap<>();
        plan.get("streamsApplications").fields().forEachRemaining(e -> streams.put(e.getKey(), e.getValue().asText()));
        assertThat(streams).as("Kafka Streams applications").isEqualTo(TopicAccess.STREAMS_APPLICATIONS);
    }

    @Test
    void onEksAHookJobCreatesTheTopicsBeforeInstallAndEveryUpgradeWithMskIamAndNoAcls() throws IOException {
        List<HasMetadata> objects = eks();
        Job job = Manifests.named(objects, Job.class, JOB);
        assertThat(job.getMetadata().getAnnotations()).containsEntry(Chart.HOOK_ANNOTATION, "pre-install,pre-upgrade");
        ConfigMap config = Manifests.named(objects, ConfigMap.class, JOB);
        assertThat(Integer.parseInt(config.getMetadata().getAnnotations().get(Chart.HOOK_ANNOTATION + "-weight")))
                .as("the plan exists before the Job").isLessThan(Integer.parseInt(job.getMetadata().getAnnotations().get(Chart.HOOK_ANNOTATION + "-weight")));
        assertThat(plan(objects).get("acls").asBoolean()).as("MSK IAM authorizes through IAM policies").isFalse();

        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getCommand()).contains("io.marquee.common.kafka.KafkaTopicSetup", "/etc/marquee/kafka-setup/plan.json");
        assertThat(container.getImage()).isEqualTo(Manifests.named(objects, Deployment.class, "marquee-rating-service")
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .containsExactly("KAFKA_BOOTSTRAP_SERVERS", "MARQUEE_KAFKA_AUTHENTICATION");
        assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("MARQUEE_KAFKA_AUTHENTICATION"))
                .extracting(EnvVar::getValue).containsExactly("MSK_IAM");
    }

    @Test
    void theJobsClassPathIsWhereTheImageHoldsItsLibraries() throws IOException {
        Properties rating = new Properties();
        try (var in = Files.newInputStream(Chart.REPO_ROOT.resolve("rating-service/src/main/resources/application.properties"))) {
            rating.load(in);
        }
        String workDir = rating.getProperty("quarkus.jib.working-directory");
        assertThat(workDir).as("rating-service pins its Jib working directory").isNotBlank();
        Container container = Manifests.named(eks(), Job.class, JOB)
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getCommand()).contains(workDir + "/lib/boot/*:" + workDir + "/lib/main/*");
        assertThat(Files.readString(Chart.REPO_ROOT.resolve("rating-service/src/main/docker/Dockerfile.jvm")))
                .as("an image built from the Dockerfile has the same layout")
                .contains("target/quarkus-app/lib/ " + workDir + "/lib/");
    }

    @Test
    void withScramEachServiceHasItsOwnCredentialsAndTheJobGrantsTheAcls() throws IOException {
        Map<String, String> scram = new LinkedHashMap<>();
        scram.put("kafka.authentication", "SCRAM_SHA_512");
        scram.put("kafka.topicSetup.credentialsSecret", "marquee-kafka-admin");
        scram.put("kafka.credentialsSecrets.rating-service", "rating-kafka");
        List<HasMetadata> objects = Chart.parse(Chart.renderWithHooks(Chart.Values.EKS, scram));
        for (String service : KAFKA_USERS) {
            List<EnvVar> env = Manifests.named(objects, Deployment.class, "marquee-" + service)
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            String secret = service.equals("rating-service") ? "rating-kafka" : "marquee-kafka-" + service;
            assertThat(env).extracting(EnvVar::getName).contains("MARQUEE_KAFKA_USERNAME", "MARQUEE_KAFKA_PASSWORD");
            assertThat(env).allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret));
        }
        assertThat(Manifests.named(objects, Deployment.class, "marquee-gateway").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv()).as("the gateway has no Kafka client").isNullOrEmpty();
        assertThat(plan(objects).get("acls").asBoolean()).isTrue();
        Job job = Manifests.named(objects, Job.class, JOB);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(e -> e.getName().startsWith("MARQUEE_KAFKA_USERNAME") || e.getName().startsWith("MARQUEE_KAFKA_PASSWORD"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("marquee-kafka-admin"));
    }

    @Test
    void scramWithoutAnAdminSecretForTheJobFailsTheRender() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.EKS).set("kafka.authentication", "SCRAM_SHA_512").call())
                .hasMessageContaining("kafka.topicSetup.credentialsSecret is required");
    }

    @Test
    void onKindTheDevstacksBrokerCreatesItsOwnTopics() {
        assertThat(Manifests.ofKind(Chart.parse(Chart.renderWithHooks(Chart.Values.KIND, Map.of())), Job.class))
                .extracting(j -> j.getMetadata().getName()).doesNotContain(JOB);
    }

    /** The EKS render with its hooks (the topic Job is one). */
    private static List<HasMetadata> eks() {
        return Chart.parse(Chart.renderWithHooks(Chart.Values.EKS, Map.of()));
    }

    private static JsonNode plan(List<HasMetadata> objects) throws IOException {
        return new ObjectMapper().readTree(Manifests.named(objects, ConfigMap.class, JOB).getData().get("plan.json"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
