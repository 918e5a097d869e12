package io.marquee.rating.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Progress rows of long jobs, one per job id. Every save is guarded: a claim only succeeds when no
 * other runner holds a live lease, and a runner only saves while the row still names it, so two
 * replicas never run one job at once and a runner that lost its lease stops.
 */
@ApplicationScoped
public class JobRepository {

    private static final String JOB_ID = "jobId";
    private static final String STATUS = "status";
    private static final String OWNER = "owner";
    private static final String LEASE_UNTIL = "leaseUntil";

    private final DynamoDbClient dynamo;
    private final RatingTables tables;

    public JobRepository(DynamoDbClient dynamo, RatingTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    /**
     * The progress of a job.
     *
     * @param status     {@code running}, {@code done} or {@code failed}
     * @param mode       what the run labels ({@code missing} or {@code all})
     * @param scanned    ratings looked at so far in this run
     * @param labelled   ratings given a (new) label so far in this run
     * @param afterUser  the scan position (last key read), null at the start
     * @param owner      the runner holding the lease
     * @param leaseUntil until when the owner holds it; past it another runner may resume
     * @param error      why the run failed, or null
     */
    public record Job(String jobId, String status, String mode, long scanned, long labelled, String afterUser,
                      String afterItem, Instant startedAt, Instant updatedAt, Instant finishedAt, String owner,
                      Instant leaseUntil, String error) {
    }

    public Optional<Job> find(String jobId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.jobs())
                .key(Map.of(JOB_ID, AttributeValue.fromS(jobId))).consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(toJob(row));
    }

    /**
     * Stores {@code job} as the job's row if nobody else holds a live lease on it at {@code now}.
     *
     * @return false if another runner holds it
     */
    public boolean claim(Job job, Instant now) {
        try {
            dynamo.putItem(b -> b.tableName(tables.jobs()).item(toRow(job))
                    .conditionExpression("attribute_not_exists(#id) OR #s <> :running OR #l < :now OR #o = :me")
                    .expressionAttributeNames(Map.of("#id", JOB_ID, "#s", STATUS, "#l", LEASE_UNTIL, "#o", OWNER))
                    .expressionAttributeValues(Map.of(":running", AttributeValue.fromS("running"),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())), ":me", AttributeValue.fromS(job.owner()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Saves progress if {@code job.owner()} still holds the job.
     *
     * @return false if another runner took it over (this one must stop)
     */
    public boolean save(Job job) {
        try {
            dynamo.putItem(b -> b.tableName(tables.jobs()).item(toRow(job)).conditionExpression("#o = :me")
                    .expressionAttributeNames(Map.of("#o", OWNER))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(job.owner()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> toRow(Job job) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(JOB_ID, AttributeValue.fromS(job.jobId()));
        row.put(STATUS, AttributeValue.fromS(job.status()));
        row.put("mode", AttributeValue.fromS(job.mode()));
        row.put("scanned", AttributeValue.fromN(Long.toString(job.scanned())));
        row.put("labelled", AttributeValue.fromN(Long.toString(job.labelled())));
        putIfPresent(row, "afterUser", job.afterUser());
        putIfPresent(row, "afterItem", job.afterItem());
        putIfPresent(row, "startedAt", job.startedAt());
        putIfPresent(row, "updatedAt", job.updatedAt());
        putIfPresent(row, "finishedAt", job.finishedAt());
        row.put(OWNER, AttributeValue.fromS(job.owner()));
        // Epoch millis, a number, so the claim's "lease < now" compares times, not texts.
        row.put(LEASE_UNTIL, AttributeValue.fromN(Long.toString(job.leaseUntil().toEpochMilli())));
        putIfPresent(row, "error", job.error());
        return row;
    }

    private static void putIfPresent(Map<String, AttributeValue> row, String name, Object value) {
        if (value != null) {
            row.put(name, AttributeValue.fromS(value.toString()));
        }
    }

    private static Job toJob(Map<String, AttributeValue> row) {
        return new Job(row.get(JOB_ID).s(), row.get(STATUS).s(), row.get("mode").s(),
                Long.parseLong(row.get("scanned").n()), Long.parseLong(row.get("labelled").n()),
                text(row, "afterUser"), text(row, "afterItem"), time(row, "startedAt"), time(row, "updatedAt"),
                time(row, "finishedAt"), row.get(OWNER).s(), Instant.ofEpochMilli(Long.parseLong(row.get(LEASE_UNTIL).n())), text(row, "error"));
    }

    private static String text(Map<String, AttributeValue> row, String name) {
        return row.containsKey(name) ? row.get(name).s() : null;
    }

    private static Instant time(Map<String, AttributeValue> row, String name) {
        return row.containsKey(name) ? Instant.parse(row.get(name).s()) : null;
    }
}
