package io.marquee.devstack.launch;

import java.nio.file.Path;

/**
 * Where a devstack keeps its files: {@code home} (default {@code ./.marquee}) holds the pid file and
 * {@code logs/}; {@code dataDir} (default {@code home/data}) holds DynamoDB's files, Kafka's log
 * directory and the demo dataset.
 */
public record StackLayout(Path root, Path home, Path dataDir) {

    public StackLayout {
        root = root.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pidFile() {
        return home.resolve("devstack.pid");
    }

    /** What the running launcher says about each piece and its background work ({@link StackStatus}). */
    public Path statusFile() {
        return home.resolve("status.json");
    }

    public Path dynamoDir() {
        return dataDir.resolve("dynamodb");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path demoDir() {
        return dataDir.resolve("demo");
    }

    public Path logOf(String piece) {
        return logs().resolve(piece + ".log");
    }

    /** The packaged Quarkus app of a service module. */
    public Path quarkusRunJar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
