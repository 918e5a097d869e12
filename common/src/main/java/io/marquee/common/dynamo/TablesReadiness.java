package io.marquee.common.dynamo;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A service's readiness as far as its tables go ({@link DynamoTables#readiness}), asked of DynamoDB
 * at most once per {@link #CACHE_FOR}. Readiness is probed by the kubelet of every pod, by the
 * gateway's status page and by anyone who can reach {@code /q/health}: without the cache each probe
 * is one {@code DescribeTable} per table, a control-plane API with a low request quota, and a
 * throttled {@code DescribeTable} would fail the readiness of every pod at once.
 */
public final class TablesReadiness {

    /** How long one answer is reused: short against a readiness period of 10 s or more. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final String checkName;
    private final DynamoDbClient dynamo;
    private final List<String> tables;
    private final long cacheNanos;
    private HealthCheckResponse last;
    private long checkedAt;

    public TablesReadiness(String checkName, DynamoDbClient dynamo, Collection<String> tables) {
        this(checkName, dynamo, tables, CACHE_FOR);
    }

    public TablesReadiness(String checkName, DynamoDbClient dynamo, Collection<String> tables, Duration cacheFor) {
        this.checkName = checkName;
        this.dynamo = dynamo;
        this.tables = List.copyOf(tables);
        this.cacheNanos = cacheFor.toNanos();
    }

    /** The answer of the last check if it is younger than the cache period, else a new check's. */
    public synchronized HealthCheckResponse call() {
        long now = System.nanoTime();
        if (last == null || now - checkedAt >= cacheNanos) {
            last = DynamoTables.readiness(checkName, dynamo, tables);
            checkedAt = System.nanoTime();
        }
        return last;
    }
}
