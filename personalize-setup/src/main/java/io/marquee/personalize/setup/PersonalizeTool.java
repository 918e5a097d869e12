package io.marquee.personalize.setup;

import io.marquee.common.events.Topics;
import io.marquee.common.kafka.KafkaAuthentication;
import io.marquee.common.kafka.KafkaClients;
import io.marquee.common.kafka.KafkaSecurity;
import io.marquee.personalize.setup.export.ExportSources;
import io.marquee.personalize.setup.export.PersonalizeExport;
import io.marquee.personalize.setup.export.ValidatedCsv;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.PersonalizeClientBuilder;

/**
 * The command line: {@code setup}, {@code status}, {@code cleanup}, against Amazon Personalize
 * (no {@code --endpoint}) or personalize-local ({@code --endpoint http://127.0.0.1:9380}), and
 * {@code export}, which writes the dataset files from the platform's stores (ADR 22).
 * Credentials come from the AWS SDK's default chain. Exit codes: 0 fine, 1 failed, 2 bad usage.
 */
public final class PersonalizeTool {

    public static final String USAGE = """
            usage: personalize <setup|status|cleanup> [options]
                   personalize export DIR [options]
              --endpoint URL       personalize-local (or another endpoint); empty or absent: AWS's for the region
              --region REGION      default us-east-1
              --prefix NAME        names of everything created start with it; default marquee
              --data DIR           setup: DIR/interactions.csv and DIR/items.csv (Personalize's formats)
              --users FILE         setup: a Personalize users file (USER_ID,AGE,GENDER), optional
              --s3 s3://BUCKET/P/  setup on AWS: upload the files there and import from there
              --s3-endpoint URL    an S3-compatible store instead of AWS's S3
              --role-arn ARN       setup on AWS: the role Personalize reads the bucket with
              --env-out FILE       setup: write the ARNs and tracking id as KEY=value (services' environment)
              --values-out FILE    setup: write them as a Helm values file (helm upgrade -f FILE)
              --timeout SECONDS    longest wait for one resource to become ACTIVE or go away; default 3600
                                   (export: for reading the whole interactions topic)
            export writes DIR/items.csv, users.csv, interactions.csv from the services' stores, read-only:
              --dynamodb-endpoint URL  DynamoDB Local (or another endpoint); empty or absent: AWS's for the region
              --table-prefix P     the services' table prefix; default marquee-
              --kafka-bootstrap HOST:PORT[,...]  the brokers (required)
              --kafka-auth A       NONE (default), SCRAM_SHA_512 (MARQUEE_KAFKA_USERNAME / _PASSWORD
                                   from the environment) or MSK_IAM, as the services' marquee.kafka.*
              --kafka-tls true|false  default: TLS for SCRAM_SHA_512 and MSK_IAM, plaintext for NONE
              --topic NAME         the interactions topic; default interactions
              --upload s3://BUCKET/P/  then upload the three files there (--s3-endpoint applies)
            """;
    /** personalize-local accepts any well-formed role; AWS needs a real one (--role-arn). */
    static final String LOCAL_ROLE = "arn:aws:iam::000000000000:role/personalize-local-import";

    private PersonalizeTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.command.equals("export")) {
            try {
                export(options, out);
                return 0;
            } catch (RuntimeException e) {
                err.println("personalize export failed: " + e.getMessage());
                return 1;
            }
        }
        try (PersonalizeClient client = client(options)) {
            switch (options.command) {
                case "setup" -> setup(client, options, out);
                case "status" -> status(client, options.names, out);
                case "cleanup" -> {
                    List<String> removed = new Cleanup(client, options.names, options.timeout, out).run();
                    out.println(removed.isEmpty() ? "nothing to remove" : "removed " + removed.size() + ": "
                            + String.join(", ", removed));
                }
                default -> throw new IllegalStateException(options.command);
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("personalize " + options.command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static void setup(PersonalizeClient client, Options options, PrintStream out) {
        Path data = options.data.orElseThrow(() -> new IllegalArgumentException("setup needs --data DIR"));
        PersonalizeSetup.Files files = new PersonalizeSetup.Files(data.resolve("interactions.csv"),
                data.resolve("items.csv"), options.users);
        for (Path file : List.of(files.interactions(), files.items())) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no dataset file " + file);
            }
        }
        S3Upload upload = options.s3.map(s3 -> new S3Upload(s3, options.region, options.s3Endpoint)).orElse(null);
        try {
            DataLocation location = upload == null ? DataLocation.LOCAL_FILE : upload;
            String role = options.roleArn.orElseGet(() -> {
                if (upload != null) {
                    throw new IllegalArgumentException("importing from S3 needs --role-arn");
                }
                return LOCAL_ROLE;
            });
            PersonalizeResources resources = new PersonalizeSetup(client, options.names,
                    options.endpoint.map(URI::toString).orElse(null), options.region, role, location,
                    options.timeout, out).setUp(files);
            if (options.envOut.isPresent()) {
                resources.writeEnvironment(options.envOut.get());
                out.println("[personalize] wrote " + options.envOut.get());
            }
            if (options.valuesOut.isPresent()) {
                resources.writeHelmValues(options.valuesOut.get());
                out.println("[personalize] wrote " + options.valuesOut.get());
            }
            resources.environment().forEach((k, v) -> out.println(k + "=" + v));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (upload != null) {
                upload.close();
            }
        }
    }

    private static void export(Options options, PrintStream out) {
        boolean scram = options.kafkaAuth == KafkaAuthentication.SCRAM_SHA_512;
        KafkaClients kafka = KafkaClients.of(options.kafkaBootstrap.orElseThrow(),
                // The SCRAM password comes from the environment (a Secret), never from the command line.
                KafkaSecurity.of(options.kafkaAuth, options.kafkaTls,
                        Optional.ofNullable(scram ? System.getenv("MARQUEE_KAFKA_USERNAME") : null),
                        Optional.ofNullable(scram ? System.getenv("MARQUEE_KAFKA_PASSWORD") : null)));
        ExportSources sources = new ExportSources(options.region, options.dynamoEndpoint, options.tablePrefix, kafka,
                options.topic, options.timeout);
        // Built first, so a malformed --upload fails before anything is read.
        S3Upload upload = options.upload.map(s3 -> new S3Upload(s3, options.region, options.s3Endpoint)).orElse(null);
        try {
            List<ValidatedCsv.Report> reports = new PersonalizeExport(sources, Clock.systemUTC(), out)
                    .run(options.exportDir);
            if (upload != null) {
                for (ValidatedCsv.Report report : reports) {
                    out.println("[personalize] export: uploaded " + upload.of(report.file()));
                }
            }
        } finally {
            if (upload != null) {
                upload.close();
            }
        }
    }

    private static void status(PersonalizeClient client, Names names, PrintStream out) {
        List<Inventory.Resource> all = Inventory.of(client, names);
        if (all.isEmpty()) {
            out.println("no resources named " + names.prefix() + "*");
            return;
        }
        out.printf("%-17s %-36s %-22s %s%n", "KIND", "NAME", "STATUS", "ARN");
        all.forEach(r -> out.printf("%-17s %-36s %-22s %s%n", r.kind(), r.name(), r.status(), r.arn()));
    }

    static PersonalizeClient client(Options options) {
        PersonalizeClientBuilder builder = PersonalizeClient.builder()
                .region(Region.of(options.region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.create());
        options.endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The parsed command line. */
    static final class Options {
        String command;
        Optional<URI> endpoint = Optional.empty();
        String region = "us-east-1";
        Names names = Names.DEFAULT;
        Optional<Path> data = Optional.empty();
        Optional<Path> users = Optional.empty();
        Optional<String> s3 = Optional.empty();
        Optional<URI> s3Endpoint = Optional.empty();
        Optional<String> roleArn = Optional.empty();
        Optional<Path> envOut = Optional.empty();
        Optional<Path> valuesOut = Optional.empty();
        Duration timeout = Duration.ofHours(1);
        Path exportDir;
        Optional<URI> dynamoEndpoint = Optional.empty();
        String tablePrefix = "marquee-";
        Optional<String> kafkaBootstrap = Optional.empty();
        KafkaAuthentication kafkaAuth = KafkaAuthentication.NONE;
        Optional<Boolean> kafkaTls = Optional.empty();
        String topic = Topics.INTERACTIONS;
        Optional<String> upload = Optional.empty();

        static Options parse(String[] args) {
            Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
            Options o = new Options();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("no command given");
            }
            o.command = rest.pop();
            if (!List.of("setup", "status", "cleanup", "export").contains(o.command)) {
                throw new IllegalArgumentException("unknown command: " + o.command);
            }
            if (o.command.equals("export")) {
                if (rest.isEmpty() || rest.peek().startsWith("--")) {
                    throw new IllegalArgumentException("export needs the directory to write to: personalize export DIR");
                }
                o.exportDir = Path.of(rest.pop());
            }
            while (!rest.isEmpty()) {
                String arg = rest.pop();
                switch (arg) {
                    case "--endpoint" -> {
                        String v = value(rest, arg);
                        o.endpoint = v.isEmpty() ? Optional.empty() : Optional.of(URI.create(v));
                    }
                    case "--region" -> o.region = value(rest, arg);
                    case "--prefix" -> o.names = new Names(value(rest, arg));
                    case "--data" -> o.data = Optional.of(Path.of(value(rest, arg)));
                    case "--users" -> o.users = Optional.of(Path.of(value(rest, arg)));
                    case "--s3" -> o.s3 = Optional.of(value(rest, arg));
                    case "--s3-endpoint" -> o.s3Endpoint = Optional.of(URI.create(value(rest, arg)));
                    case "--role-arn" -> o.roleArn = Optional.of(value(rest, arg));
                    case "--env-out" -> o.envOut = Optional.of(Path.of(value(rest, arg)));
                    case "--values-out" -> o.valuesOut = Optional.of(Path.of(value(rest, arg)));
                    case "--dynamodb-endpoint" -> {
                        String v = value(rest, arg);
                        o.dynamoEndpoint = v.isEmpty() ? Optional.empty() : Optional.of(URI.create(v));
                    }
                    case "--table-prefix" -> {
                        o.tablePrefix = value(rest, arg);
                        if (!o.tablePrefix.matches("[a-zA-Z0-9_.-]{0,200}")) {
                            throw new IllegalArgumentException("--table-prefix: DynamoDB table names are a-z A-Z 0-9 _ . -");
                        }
                    }
                    case "--kafka-bootstrap" -> o.kafkaBootstrap = Optional.of(value(rest, arg));
                    case "--kafka-auth" -> {
                        String v = value(rest, arg);
                        try {
                            o.kafkaAuth = KafkaAuthentication.valueOf(v);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--kafka-auth is NONE, SCRAM_SHA_512 or MSK_IAM, not " + v);
                        }
                    }
                    case "--kafka-tls" -> {
                        String v = value(rest, arg);
                        if (!v.equals("true") && !v.equals("false")) {
                            throw new IllegalArgumentException("--kafka-tls is true or false");
                        }
                        o.kafkaTls = Optional.of(Boolean.parseBoolean(v));
                    }
                    case "--topic" -> o.topic = value(rest, arg);
                    case "--upload" -> o.upload = Optional.of(value(rest, arg));
                    case "--timeout" -> {
                        String v = value(rest, arg);
                        if (!v.matches("[0-9]{1,6}") || Integer.parseInt(v) == 0) {
                            throw new IllegalArgumentException("--timeout wants whole seconds, 1 to 999999");
                        }
                        o.timeout = Duration.ofSeconds(Integer.parseInt(v));
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            if (o.command.equals("export") && o.kafkaBootstrap.filter(b -> !b.isBlank()).isEmpty()) {
                throw new IllegalArgumentException("export needs --kafka-bootstrap HOST:PORT");
            }
            return o;
        }

        private static String value(Deque<String> rest, String option) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.pop();
        }
    }
}
