package io.marquee.devstack.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.events.Topics;
import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.DynamoDbLocalEngine;
import io.marquee.devstack.engine.KafkaEngine;
import io.marquee.personalize.setup.LocalPersonalize;
import io.marquee.personalize.setup.PersonalizeTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * personalize-setup's {@code personalize export} through its command line, against the real
 * DynamoDB Local and Kafka broker the devstack runs, filled the way catalog-service, user-service
 * and the event producers fill them, hostile records included; the files are read back with a CSV
 * parser. (Here and not in personalize-setup: these engines and that module's S3Proxy need
 * different Jetty versions on one class path.)
 */
class PersonalizeExportTest {

    private static final String HOSTILE_TITLE = "The \"Quoted\", Title\nwith a newline";
    private static final String TOO_LONG_ID = "x".repeat(300);

    private static DynamoDbLocalEngine dynamoEngine;
    private static KafkaEngine kafka;
    private static Path kafkaDir;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        // The tool's clients take the default credentials chain; the engines accept any key.
        System.setProperty("aws.accessKeyId", DynamoDbLocalEngine.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", DynamoDbLocalEngine.SECRET_KEY);
        dynamoEngine = DynamoDbLocalEngine.start(0, null);
        kafkaDir = Files.createTempDirectory("export-test-kafka");
        kafka = KafkaEngine.start(0, 0, kafkaDir);
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create(dynamoEngine.endpoint()))
                .region(Region.of(DynamoDbLocalEngine.REGION)).httpClient(UrlConnectionHttpClient.create()).build();
        fillHostileStores();
    }

    @AfterAll
    static void stop() throws Exception {
        dynamo.close();
        kafka.close();
        dynamoEngine.close();
        Directories.deleteRecursively(kafkaDir);
    }

    /** Stores as the services keep them (attribute names of ItemRepository / AccountRepository), with bad records among them. */
    private static void fillHostileStores() throws Exception {
        createTable("hostile-catalog-items", "itemId");
        createTable("hostile-users", "userId");
        putItem("m1", HOSTILE_TITLE, List.of("Drama", "Comedy"), 1999);
        putItem("m2", "Space", List.of("Sci-Fi, \"Space\""), 2001);
        putItem("m3", "No year, no genres", null, null);
        List<String> tooManyGenres = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tooManyGenres.add("Genre-" + (100 + i));
        }
        putItem("m4", "Over the limit", tooManyGenres, 2010);
        putItem("m5", "Separator inside", List.of("Action|Drama"), 2011);
        putItem("bad\nid", "Line break in the id", List.of("Drama"), 2012);

        putUser("u1", 30, "female");
        putUser("u2", 41, "male");
        dynamo.putItem(b -> b.tableName("hostile-users").item(Map.of("userId", s("u3"), "email", s("u3@example.org"))));
        putUser(TOO_LONG_ID, 25, "female");

        kafka.createTopics(List.of(new Topics.Spec("hostile-interactions", 3)));
        publish("hostile-interactions", List.of(
                event("e1", "u1", "m1", "view", null, "\"2024-01-01T00:00:00Z\""),
                event("e2", "u1", "m2", "rate", "4.5", "\"2024-01-02T00:00:00Z\""),
                event("e3", "u2", "m1", "watch", null, "\"2024-01-03T00:00:00.900Z\""),
                // the same event again, as a redelivery or a dead-letter replay puts it back
                event("e2", "u1", "m2", "rate", "4.5", "\"2024-01-02T00:00:00Z\""),
                event("e10", "u2", "m2", "add \"to\", list", null, "\"2024-01-04T00:00:00Z\""),
                event("e4", "u2", "m2", "view", null, "\"yesterday\""),
                event("e5", "u2", "m3", "view", null, "\"2999-01-01T00:00:00Z\""),
                event("e6", "u2", "m3", "view", null, "1704067200000"),
                event("e7", "u2", "m3", "view", null, "\"1969-07-20T20:17:00Z\""),
                event("e8", TOO_LONG_ID, "m1", "view", null, "\"2024-01-05T00:00:00Z\""),
                event("e9", "u1", "m3", null, null, "\"2024-01-06T00:00:00Z\""),
                "{not json"));
    }

    @Test
    void exportWritesTheStoresAsPersonalizeFilesAndCountsEveryRefusedRecordByReason(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("datasets");
        Result result = export(dir, "hostile-", "hostile-interactions");
        assertThat(result.code()).as(result.err()).isZero();

        assertThat(read(dir.resolve("items.csv"))).containsExactlyInAnyOrder(
                List.of("ITEM_ID", "GENRES", "YEAR", "CREATION_TIMESTAMP"),
                List.of("m1", "Drama|Comedy", "1999", "915148800"),
                List.of("m2", "Sci-Fi, \"Space\"", "2001", "978307200"),
                List.of("m3", "", "", ""));
        // The title is not a column of the items schema; the quotes and line break never reach the file.
        assertThat(Files.readString(dir.resolve("items.csv"))).doesNotContain("Quoted").startsWith("ITEM_ID,");
        assertThat(read(dir.resolve("users.csv"))).containsExactlyInAnyOrder(
                List.of("USER_ID", "AGE", "GENDER"),
                List.of("u1", "30", "female"),
                List.of("u2", "41", "male"),
                List.of("u3", "", ""));
        assertThat(Files.readString(dir.resolve("users.csv"))).doesNotContain("example.org");
        List<List<String>> interactions = read(dir.resolve("interactions.csv"));
        assertThat(interactions.get(0)).containsExactly("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE");
        assertThat(interactions.subList(1, interactions.size())).containsExactlyInAnyOrder(
                List.of("u1", "m1", "1704067200", "view", ""),
                List.of("u1", "m2", "1704153600", "rate", "4.5"),
                List.of("u2", "m1", "1704240000", "watch", ""),
                List.of("u2", "m2", "1704326400", "add \"to\", list", ""));

        assertThat(result.out())
                .contains("items.csv: 3 rows written")
                .contains("items.csv: 3 rejected:")
                .contains("1 × GENRES is longer than 1000 characters (first: item m4)")
                .contains("1 × GENRES has a genre containing '|', Personalize's separator (first: item m5)")
                .contains("1 × ITEM_ID has a control character (first: item bad?id)")
                .contains("users.csv: 3 rows written")
                .contains("users.csv: 1 rejected:")
                .contains("1 × USER_ID is longer than 256 characters (first: user " + "x".repeat(40) + "…)")
                .contains("interactions.csv: 4 rows written to " + dir.resolve("interactions.csv")
                        + ", 1 duplicate events taken once")
                .contains("interactions.csv: 7 rejected:")
                .contains("1 × TIMESTAMP is not a time (first: hostile-interactions-")
                .contains("1 × TIMESTAMP is in the future")
                .contains("1 × TIMESTAMP is in milliseconds, not epoch seconds")
                .contains("1 × TIMESTAMP is not after 1970-01-01 (epoch seconds)")
                .contains("1 × USER_ID is longer than 256 characters (first: hostile-interactions-")
                .contains("1 × EVENT_TYPE is missing")
                .contains("1 × not an interaction event (no JSON object)")
                .contains("fewer than 1000 interactions");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("items.csv", "users.csv", "interactions.csv");
        }
    }

    @Test
    void aFailedExportLeavesThePreviousFilesAsTheyWereAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        assertThat(export(dir, "hostile-", "hostile-interactions").code()).isZero();
        byte[] items = Files.readAllBytes(dir.resolve("items.csv"));
        byte[] interactions = Files.readAllBytes(dir.resolve("interactions.csv"));

        Result failed = export(dir, "hostile-", "no-such-topic");

        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("personalize export failed").contains("no-such-topic");
        assertThat(Files.readAllBytes(dir.resolve("items.csv"))).isEqualTo(items);
        assertThat(Files.readAllBytes(dir.resolve("interactions.csv"))).isEqualTo(interactions);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /**
     * The round trip: stores filled as the platform fills them, exported, and the files imported by
     * the tool's own setup into a real personalize-local, which trains and answers from them.
     */
    @Test
    void exportedFilesImportIntoPersonalizeLocalTrainAndRecommend() throws Exception {
        createTable("trip-catalog-items", "itemId");
        createTable("trip-users", "userId");
        String[] genres = {"Action", "Comedy", "Drama", "Sci-Fi"};
        for (int n = 1; n <= 40; n++) {
            putItem("trip-catalog-items", "s" + n, "Title " + n, List.of(genres[n % 4]), 1990 + n % 5);
        }
        List<String> events = new ArrayList<>();
        long at = 1_700_000_000L;
        for (int u = 1; u <= 30; u++) {
            putUser("trip-users", "v" + u, 20 + u, u % 2 == 0 ? "female" : "male");
            int rated = 0;
            for (int n = 1; n <= 40; n++) {
                if (n % 4 == u % 4 && (n + u) % 3 != 0) {
                    String sentAt = "\"" + java.time.Instant.ofEpochSecond(at++) + "\"";
                    events.add(event("w" + u + "-" + n, "v" + u, "s" + n, "watch", null, sentAt));
                    if (rated++ < 2) {
                        events.add(event("r" + u + "-" + n, "v" + u, "s" + n, "rate", "4.0", sentAt));
                    }
                }
            }
        }
        kafka.createTopics(List.of(new Topics.Spec("trip-interactions", 3)));
        publish("trip-interactions", events);

        try (LocalPersonalize local = new LocalPersonalize()) {
            // personalize-local imports only files below its import root (its home).
            Path dir = local.home.resolve("export");
            Result exported = export(dir, "trip-", "trip-interactions");
            assertThat(exported.code()).as(exported.err()).isZero();
            assertThat(exported.out()).contains("items.csv: 40 rows").contains("users.csv: 30 rows")
                    .contains("interactions.csv: " + events.size() + " rows").doesNotContain("rejected");

            Path env = local.home.resolve("trip.env");
            Result setup = tool("setup", "--endpoint", local.url(), "--prefix", "trip", "--data", dir.toString(),
                    "--users", dir.resolve("users.csv").toString(), "--env-out", env.toString(), "--timeout", "300");
            assertThat(setup.code()).as(setup.out() + setup.err()).isZero();
            assertThat(setup.out()).contains("importing users.csv").contains("import of interactions.csv");
            java.util.Properties resources = new java.util.Properties();
            try (Reader in = Files.newBufferedReader(env)) {
                resources.load(in);
            }
            try (var runtime = software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient.builder()
                    .endpointOverride(URI.create(local.url()))
                    .region(Region.US_EAST_1)
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                var forYou = runtime.getRecommendations(r -> r.userId("v2").numResults(5)
                        .campaignArn(resources.getProperty("PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN")));
                assertThat(forYou.itemList()).isNotEmpty()
                        .allSatisfy(i -> assertThat(i.itemId()).matches("s[0-9]+"));
                var similar = runtime.getRecommendations(r -> r.itemId("s4").numResults(5)
                        .campaignArn(resources.getProperty("PERSONALIZE_CAMPAIGNS_SIMILAR_ITEMS_ARN")));
                assertThat(similar.itemList()).isNotEmpty().noneMatch(i -> i.itemId().equals("s4"));
            }
        }
    }

    @Test
    void badUsageOfExportSaysWhatIsMissing() {
        Result noDir = tool("export", "--kafka-bootstrap", kafka.bootstrapServers());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("export needs the directory to write to");
        Result noKafka = tool("export", "/tmp/x", "--dynamodb-endpoint", dynamoEngine.endpoint());
        assertThat(noKafka.code()).isEqualTo(2);
        assertThat(noKafka.err()).contains("--kafka-bootstrap");
        assertThat(tool("export", "/tmp/x", "--kafka-auth", "KERBEROS").err()).contains("--kafka-auth is NONE");
        assertThat(tool("export", "/tmp/x", "--table-prefix", "a b").err()).contains("--table-prefix");
    }

    static Result export(Path dir, String tablePrefix, String topic) {
        return tool("export", dir.toString(), "--dynamodb-endpoint", dynamoEngine.endpoint(),
                "--table-prefix", tablePrefix, "--kafka-bootstrap", kafka.bootstrapServers(), "--topic", topic,
                "--timeout", "60");
    }

    static Result tool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PersonalizeTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int code, String out, String err) {
    }

    /** Every record of a CSV file, header first, as an RFC 4180 parser reads it. */
    static List<List<String>> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get()) {
            return parser.stream().map(CSVRecord::toList).toList();
        }
    }

    static void createTable(String name, String key) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build()));
    }

    static void putItem(String table, String id, String title, List<String> genres, Integer year) {
        Map<String, AttributeValue> row = new java.util.HashMap<>(Map.of("itemId", s(id), "title", s(title),
                "createdAt", s("2026-01-01T00:00:00Z"), "version", AttributeValue.fromN("1")));
        if (genres != null) {
            row.put("genres", AttributeValue.fromL(genres.stream().map(AttributeValue::fromS).toList()));
        }
        if (year != null) {
            row.put("year", AttributeValue.fromN(year.toString()));
        }
        dynamo.putItem(b -> b.tableName(table).item(row));
    }

    private static void putItem(String id, String title, List<String> genres, Integer year) {
        putItem("hostile-catalog-items", id, title, genres, year);
    }

    static void putUser(String table, String id, int age, String gender) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("userId", s(id), "age", AttributeValue.fromN(Integer.toString(age)),
                "gender", s(gender), "email", s(id.length() > 20 ? "long@example.org" : id + "@example.org"),
                "passwordHash", s("$argon2id$v=19$secret"))));
    }

    private static void putUser(String id, int age, String gender) {
        putUser("hostile-users", id, age, gender);
    }

    /** An event as the producers write InteractionEvent JSON; {@code sentAt} is given as raw JSON. */
    static String event(String id, String user, String item, String type, String value, String sentAt) {
        return "{\"eventId\":\"" + id + "\",\"userId\":\"" + user + "\",\"sessionId\":\"s1\",\"itemId\":\"" + item
                + "\",\"eventType\":" + (type == null ? "null" : "\"" + type.replace("\"", "\\\"") + "\"")
                + ",\"eventValue\":" + value + ",\"sentAt\":" + sentAt + "}";
    }

    static void publish(String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (String value : values) {
                acks.add(producer.send(new ProducerRecord<>(topic, Integer.toString(value.hashCode()), value)));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
