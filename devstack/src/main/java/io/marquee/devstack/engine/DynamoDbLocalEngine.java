package io.marquee.devstack.engine;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real DynamoDB Local engine in server mode, inside this JVM. Data lives in {@code dataDir},
 * or only in memory when {@code dataDir} is null.
 */
public final class DynamoDbLocalEngine implements AutoCloseable {

    /** Region and static credentials that clients of a local engine use; any values work. */
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final int port;
    private final DynamoDBProxyServer server;

    private DynamoDbLocalEngine(int port, DynamoDBProxyServer server) {
        this.port = port;
        this.server = server;
    }

    /** Starts the engine on {@code port} (0 picks a free one); {@code dataDir} null means in-memory. */
    public static DynamoDbLocalEngine start(int port, Path dataDir) throws Exception {
        int actualPort = port == 0 ? Ports.free() : port;
        List<String> args = new ArrayList<>();
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dataDir);
            args.add("-dbPath");
            args.add(dataDir.toAbsolutePath().toString());
        }
        // Telemetry would try to reach the network at start-up.
        args.addAll(List.of("-disableTelemetry", "-port", Integer.toString(actualPort)));
        DynamoDBProxyServer server = EngineClassLoader.call(() -> {
            DynamoDBProxyServer s = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            s.start();
            return s;
        });
        return new DynamoDbLocalEngine(actualPort, server);
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
