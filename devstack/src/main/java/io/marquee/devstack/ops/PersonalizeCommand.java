package io.marquee.devstack.ops;

import io.marquee.devstack.launch.ServiceSpec;
import io.marquee.devstack.launch.StackLayout;
import io.marquee.devstack.launch.StackPorts;
import io.marquee.devstack.launch.StackStatus;
import io.marquee.personalize.setup.PersonalizeTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ./marquee personalize <command>}: personalize-setup's command line (ADR 13), pointed at a
 * devstack's engines unless {@code --endpoint} (or, for {@code export}, {@code --dynamodb-endpoint}
 * and {@code --kafka-bootstrap}) says otherwise, and at its dataset files for {@code setup}.
 *
 * <p>Which stack: the one running with this checkout's home (or {@code --home DIR}), on whatever
 * {@code --port-offset} it was started with, as its status file says; {@code --port-offset N}
 * names the ports outright. Engines on this machine accept any key; AWS gets the default
 * credentials chain's.
 */
public final class PersonalizeCommand {

    /** The options this command takes itself, before personalize-setup's. */
    public static final String USAGE = """
            Which devstack (when no --endpoint says otherwise):
              --home DIR         the stack of that home (default: this checkout's .marquee or $MARQUEE_HOME)
              --port-offset N    the stack started with that --port-offset (default: the running one's)
            """;

    private final Path defaultHome;

    /** @param defaultHome the home {@code ./marquee up} uses when given none */
    public PersonalizeCommand(Path defaultHome) {
        this.defaultHome = defaultHome;
    }

    public int run(List<String> given) {
        if (given.isEmpty() || given.get(0).equals("help")) {
            System.out.print(PersonalizeTool.USAGE);
            System.out.print(USAGE);
            return given.isEmpty() ? 2 : 0;
        }
        List<String> args;
        try {
            args = toolArguments(given);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        if (talksToLocalEngines(args) && System.getenv("AWS_ACCESS_KEY_ID") == null
                && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "personalize-local");
            System.setProperty("aws.secretAccessKey", "personalize-local");
        }
        return PersonalizeTool.run(args.toArray(String[]::new), System.out, System.err);
    }

    /**
     * personalize-setup's arguments for what the user gave: this command's own options taken out,
     * the stack's endpoints and dataset directory added where the user named none.
     */
    List<String> toolArguments(List<String> given) {
        List<String> args = new ArrayList<>(given);
        Path home = take(args, "--home").map(Path::of).orElse(defaultHome);
        StackPorts ports = new StackPorts(take(args, "--port-offset").map(PersonalizeCommand::offset)
                .orElseGet(() -> runningOffset(home).orElse(0)));
        boolean export = args.get(0).equals("export");
        if (export && !args.contains("--dynamodb-endpoint")) {
            args.addAll(List.of("--dynamodb-endpoint", "http://127.0.0.1:" + ports.of(StackPorts.DYNAMODB)));
        }
        if (export && !args.contains("--kafka-bootstrap")) {
            args.addAll(List.of("--kafka-bootstrap", "127.0.0.1:" + ports.of(StackPorts.KAFKA)));
        }
        if (!export && !args.contains("--endpoint")) {
            args.addAll(List.of("--endpoint", "http://127.0.0.1:" + ports.of(ServiceSpec.PERSONALIZE_LOCAL.defaultPort())));
        }
        if (args.get(0).equals("setup") && !args.contains("--data")) {
            args.addAll(List.of("--data", home.resolve("data").resolve("demo").toString()));
        }
        return args;
    }

    /**
     * The port offset of the stack running with {@code home}: its status file names
     * personalize-local's port. Empty when no stack runs there (or it runs no personalize-local).
     */
    static OptionalInt runningOffset(Path home) {
        StackLayout layout = new StackLayout(home, home, home.resolve("data"));
        return StackStatus.readFrom(layout.statusFile()).stream()
                .flatMap(status -> status.pieces().stream())
                .filter(piece -> piece.name().equals("personalize-local") && piece.port() > 0)
                .mapToInt(piece -> piece.port() - ServiceSpec.PERSONALIZE_LOCAL.defaultPort())
                .findFirst();
    }

    /**
     * Whether the command talks to engines on this machine, which accept any key, rather than to
     * AWS with the default credentials chain: a stack's personalize-local unless {@code --endpoint}
     * names another, and a loopback {@code --endpoint} (another stack's) is local too. export reads
     * a stack's DynamoDB Local and Kafka unless told where else (ADR 22), likewise.
     */
    public static boolean talksToLocalEngines(List<String> args) {
        String option = !args.isEmpty() && args.get(0).equals("export") ? "--dynamodb-endpoint" : "--endpoint";
        int at = args.indexOf(option);
        return at < 0 || at + 1 < args.size() && onThisMachine(args.get(at + 1));
    }

    /** An endpoint on the loopback interface: a local engine, which accepts any key. */
    private static boolean onThisMachine(String endpoint) {
        return endpoint.matches("http://(127\\.0\\.0\\.1|localhost)(:[0-9]+)?/?");
    }

    /** Removes {@code option} and its value from {@code args}, returning the value. */
    private static Optional<String> take(List<String> args, String option) {
        int at = args.indexOf(option);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args.remove(at + 1);
        args.remove(at);
        return Optional.of(value);
    }

    private static int offset(String value) {
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0 && offset <= StackPorts.MAX_OFFSET) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("--port-offset must be a whole number from 0 to " + StackPorts.MAX_OFFSET + ", not " + value);
    }
}
