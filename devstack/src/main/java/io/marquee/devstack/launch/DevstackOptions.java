package io.marquee.devstack.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run the stack, from the command line of {@code ./marquee up}.
 *
 * @param layout         where the checkout, the pid file, logs and data are
 * @param inMemory       keep DynamoDB and Kafka data only for this run
 * @param ports          the port offset applied to every default port
 * @param seed           the demo data seed (same seed, same data)
 * @param movieLensDir   load these MovieLens files instead of the demo data on first start, or null
 * @param loadData       whether to load any data at all on first start
 * @param readyTimeout   how long each service may take to become ready
 * @param serviceJavaOptions JVM options for every service process
 */
public record DevstackOptions(StackLayout layout, boolean inMemory, StackPorts ports, long seed, Path movieLensDir,
                              boolean loadData, Duration readyTimeout, List<String> serviceJavaOptions) {

    /** Heap and GC sized so six services, Kafka and DynamoDB fit a laptop next to an IDE. */
    public static final List<String> DEFAULT_SERVICE_JAVA_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=96m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
}
