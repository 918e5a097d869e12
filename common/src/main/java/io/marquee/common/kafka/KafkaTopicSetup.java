package io.marquee.common.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Creates the topics with their partitions, replication and settings, and grants each topic's
 * writers and readers (and each Kafka Streams application's internal topics) their ACLs — what the chart's topic Job runs before the services start
 * ({@code java -cp ... io.marquee.common.kafka.KafkaTopicSetup /etc/marquee/kafka/plan.json}).
 * Idempotent: an existing topic keeps its data, gains partitions when the plan has more (never
 * fewer), and an existing ACL is left as is.
 *
 * <p>Kafka types appear only here (and in the services, which all carry kafka-clients); common
 * keeps kafka-clients {@code provided} for the gateway, which never loads this class.
 */
public final class KafkaTopicSetup {

    /** One topic: its layout and who writes and reads it (service names). */
    public record Topic(String name, int partitions, short replicationFactor, Map<String, String> config,
                        List<String> writers, List<String> readers) {
        public Topic {
            if (name == null || name.isBlank() || partitions < 1 || replicationFactor < 1) {
                throw new IllegalArgumentException("topic needs a name, partitions >= 1 and replicationFactor >= 1: " + name);
            }
            config = config == null ? Map.of() : Map.copyOf(config);
            writers = writers == null ? List.of() : List.copyOf(writers);
            readers = readers == null ? List.of() : List.copyOf(readers);
        }
    }

    /**
     * @param topics              the topics
     * @param acls                whether to grant ACLs (SCRAM; MSK IAM authorizes through IAM policies instead)
     * @param principals          service name to Kafka principal; absent services are {@code User:<service>}
     * @param groups              service name to the consumer groups it reads in; absent: its own name
     * @param streamsApplications service name to its Kafka Streams application id, whose internal
     *                            topics ({@code <id>-...}) it creates and uses itself
     */
    public record Plan(List<Topic> topics, boolean acls, Map<String, String> principals,
                       Map<String, List<String>> groups, Map<String, String> streamsApplications) {
        public Plan {
            topics = List.copyOf(topics);
            principals = principals == null ? Map.of() : Map.copyOf(principals);
            groups = groups == null ? Map.of() : Map.copyOf(groups);
            streamsApplications = streamsApplications == null ? Map.of() : Map.copyOf(streamsApplications);
        }

        public Plan(List<Topic> topics, boolean acls, Map<String, String> principals) {
            this(topics, acls, principals, Map.of(), Map.of());
        }

        public String principal(String service) {
            return principals.getOrDefault(service, "User:" + service);
        }

        public List<String> groupsOf(String service) {
            return groups.getOrDefault(service, List.of(service));
        }

        /** The plan for the suite's topics and groups ({@link TopicAccess}) on a broker with this replication. */
        public static Plan forSuite(short replicationFactor, boolean acls) {
            Map<String, Integer> partitions = new HashMap<>();
            io.marquee.common.events.Topics.ALL.forEach(t -> partitions.put(t.name(), t.partitions()));
            List<Topic> topics = TopicAccess.ALL.stream()
                    .map(a -> new Topic(a.topic(), partitions.getOrDefault(a.topic(), 3), replicationFactor, Map.of(),
                            a.writers(), a.readers()))
                    .toList();
            return new Plan(topics, acls, Map.of(), TopicAccess.GROUPS, TopicAccess.STREAMS_APPLICATIONS);
        }

        public static Plan read(Path file) throws IOException {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(Files.readAllBytes(file), Plan.class);
        }
    }

    /** What {@link #apply} changed. */
    public record Result(List<String> createdTopics, List<String> grownTopics, int aclsGranted) {
    }

    private static final long TIMEOUT_SECONDS = 60;

    private static final List<AclOperation> STREAMS_INTERNAL_TOPIC_OPERATIONS = List.of(AclOperation.CREATE,
            AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
            AclOperation.DELETE);

    private KafkaTopicSetup() {
    }

    /** Applies {@code plan} through {@code admin}. */
    public static Result apply(Admin admin, Plan plan) throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (Topic t : plan.topics()) {
            if (!existing.contains(t.name())) {
                missing.add(new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(t.config()));
                created.add(t.name());
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        List<String> grown = growPartitions(admin, plan, existing);
        int granted = plan.acls() ? grantAcls(admin, plan) : 0;
        return new Result(created, grown, granted);
    }

    private static List<String> growPartitions(Admin admin, Plan plan, Set<String> existing) throws Exception {
        List<String> present = plan.topics().stream().map(Topic::name).filter(existing::contains).toList();
        if (present.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, NewPartitions> increases = new HashMap<>();
        for (Topic t : plan.topics()) {
            TopicDescription d = described.get(t.name());
            // More partitions only: fewer would lose data, and Kafka cannot do it.
            if (d != null && d.partitions().size() < t.partitions()) {
                increases.put(t.name(), NewPartitions.increaseTo(t.partitions()));
            }
        }
        if (!increases.isEmpty()) {
            admin.createPartitions(increases).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return List.copyOf(increases.keySet());
    }

    private static int grantAcls(Admin admin, Plan plan) throws Exception {
        Collection<AclBinding> bindings = aclBindings(plan);
        admin.createAcls(bindings).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return bindings.size();
    }

    /**
     * Writers: Write and Describe on the topic (Write also allows idempotent production). Readers:
     * Read and Describe on the topic, and Read on their consumer groups. A Kafka Streams
     * application: everything its internal topics need (create, read, write, describe, their
     * settings, and delete records from repartition topics) on topics prefixed with its id.
     */
    public static Collection<AclBinding> aclBindings(Plan plan) {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        Set<String> readers = new LinkedHashSet<>();
        for (Topic t : plan.topics()) {
            ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, t.name(), PatternType.LITERAL);
            for (String writer : t.writers()) {
                bindings.add(allow(topic, plan.principal(writer), AclOperation.WRITE));
                bindings.add(allow(topic, plan.principal(writer), AclOperation.DESCRIBE));
            }
            for (String reader : t.readers()) {
                bindings.add(allow(topic, plan.principal(reader), AclOperation.READ));
                bindings.add(allow(topic, plan.principal(reader), AclOperation.DESCRIBE));
                readers.add(reader);
            }
        }
        for (String reader : readers) {
            for (String group : plan.groupsOf(reader)) {
                bindings.add(allow(new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL),
                        plan.principal(reader), AclOperation.READ));
            }
        }
        plan.streamsApplications().forEach((service, applicationId) -> {
            ResourcePattern internal = new ResourcePattern(ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED);
            for (AclOperation operation : STREAMS_INTERNAL_TOPIC_OPERATIONS) {
                bindings.add(allow(internal, plan.principal(service), operation));
            }
        });
        return bindings;
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * The Job's entry point: the plan file is the first argument (or {@code MARQUEE_KAFKA_SETUP_PLAN});
     * brokers and authentication come from the same environment as the services'
     * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MARQUEE_KAFKA_*}).
     */
    public static void main(String[] args) throws Exception {
        String planFile = args.length > 0 ? args[0] : Optional.ofNullable(System.getenv("MARQUEE_KAFKA_SETUP_PLAN"))
                .orElseThrow(() -> new IllegalArgumentException("usage: KafkaTopicSetup <plan.json>"));
        Plan plan = Plan.read(Path.of(planFile));
        KafkaClients clients = KafkaClients.of(env("KAFKA_BOOTSTRAP_SERVERS").orElse(null), KafkaSecurity.of(
                KafkaAuthentication.valueOf(env("MARQUEE_KAFKA_AUTHENTICATION").orElse("NONE")),
                env("MARQUEE_KAFKA_TLS").map(Boolean::parseBoolean),
                env("MARQUEE_KAFKA_USERNAME"), env("MARQUEE_KAFKA_PASSWORD")));
        Map<String, Object> props = clients.properties();
        props.put("client.id", "marquee-kafka-setup");
        try (Admin admin = Admin.create(props)) {
            Result result = apply(admin, plan);
            System.out.println("kafka setup on " + clients + ": created " + result.createdTopics() + ", grew "
                    + result.grownTopics() + ", " + result.aclsGranted() + " ACL entries in place");
        } catch (ExecutionException e) {
            throw new IllegalStateException("kafka setup failed: " + e.getCause(), e.getCause());
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
