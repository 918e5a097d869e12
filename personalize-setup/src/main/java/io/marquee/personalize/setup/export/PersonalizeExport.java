package io.marquee.personalize.setup.export;

import io.marquee.personalize.setup.Schemas;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * {@code personalize export DIR}: writes {@code items.csv}, {@code users.csv} and
 * {@code interactions.csv} in Personalize's formats from what the platform holds (ADR 22): items
 * from catalog-service's table, users from user-service's, interactions from the Kafka topic.
 * Every row is checked ({@link RowRules}) before it is written; refused rows are counted by
 * reason and reported. The three files are moved into place only once all three are complete.
 */
public final class PersonalizeExport {

    public static final String ITEMS_FILE = "items.csv";
    public static final String USERS_FILE = "users.csv";
    public static final String INTERACTIONS_FILE = "interactions.csv";
    /** Amazon Personalize trains a solution only from at least this many interactions. */
    static final int AWS_MIN_INTERACTIONS = 1000;

    private final ExportSources sources;
    private final Clock clock;
    private final PrintStream out;

    public PersonalizeExport(ExportSources sources, Clock clock, PrintStream out) {
        this.sources = sources;
        this.clock = clock;
        this.out = out;
    }

    /** Writes the three files into {@code dir} (created if absent); answers what each got. */
    public List<ValidatedCsv.Report> run(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        try (DynamoDbClient dynamo = dynamo();
             ValidatedCsv items = file(dir, ITEMS_FILE, Schemas.ITEMS);
             ValidatedCsv users = file(dir, USERS_FILE, Schemas.USERS);
             ValidatedCsv interactions = file(dir, INTERACTIONS_FILE, Schemas.INTERACTIONS)) {
            StoreTables tables = new StoreTables(dynamo, sources);
            say("reading items from " + sources.itemsTable());
            tables.items(items::accept);
            say("reading users from " + sources.usersTable());
            tables.users(users::accept);
            say("reading " + sources.interactionsTopic() + " from its earliest offset");
            new InteractionsTopic(sources).read(interactions);
            List<ValidatedCsv.Report> reports = List.of(items.finish(), users.finish(), interactions.finish());
            items.publish();
            users.publish();
            interactions.publish();
            reports.forEach(this::report);
            return reports;
        }
    }

    private ValidatedCsv file(Path dir, String name, String schema) {
        return new ValidatedCsv(dir.resolve(name), new RowRules(DatasetSchema.parse(schema), clock));
    }

    private DynamoDbClient dynamo() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(sources.region()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.create());
        sources.dynamoEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private void report(ValidatedCsv.Report r) {
        String name = r.file().getFileName().toString();
        say(name + ": " + r.rows() + " rows written to " + r.file()
                + (r.duplicates() > 0 ? ", " + r.duplicates() + " duplicate events taken once" : ""));
        if (r.rejectedTotal() > 0) {
            say(name + ": " + r.rejectedTotal() + " rejected:");
            for (Map.Entry<String, Long> reason : r.rejected().entrySet()) {
                say("  " + reason.getValue() + " × " + reason.getKey() + " (first: "
                        + r.firstRejected().get(reason.getKey()) + ")");
            }
        }
        if (name.equals(INTERACTIONS_FILE) && r.rows() < AWS_MIN_INTERACTIONS) {
            say(name + ": fewer than " + AWS_MIN_INTERACTIONS + " interactions; Amazon Personalize will not train on "
                    + "them (personalize-local does)");
        }
    }

    private void say(String line) {
        out.println("[personalize] export: " + line);
        out.flush();
    }
}
