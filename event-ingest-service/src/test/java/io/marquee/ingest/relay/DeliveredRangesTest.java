package io.marquee.ingest.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.ingest.relay.DeliveredRanges.Handled;
import io.marquee.ingest.relay.DeliveredRanges.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the relay records per partition, read back from DynamoDB Local as a relay taking the partition would. */
@QuarkusTest
class DeliveredRangesTest {

    @Inject
    DeliveredRanges ranges;

    private TopicPartition partition;

    @BeforeEach
    void partitionOfItsOwn() {
        ranges.createTableIfAbsent();
        partition = new TopicPartition("ranges-" + UUID.randomUUID().toString().substring(0, 8), 0);
    }

    @Test
    void aPollOfLongIdsOnOnePartitionIsSplitUnderTheItemSizeLimitAndReadBackWhole() {
        // 3,000 ids of 128 characters: 384 KB of ids, more than one DynamoDB item (400 KB) may hold.
        List<Handled> handled = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String id = String.format("%05d", i) + "x".repeat(123);
            handled.add(new Handled(partition, 1000 + i, id, Outcome.DELIVERED));
        }
        ranges.record(handled);

        Map<String, Outcome> found = ranges.since(partition, 1000);
        assertThat(found).hasSize(3000);
        assertThat(found.values()).containsOnly(Outcome.DELIVERED);
    }

    @Test
    void onlyRecordsFromTheOffsetOnAreReadBackAndTheLaterOutcomeOfAReplayedIdWins() {
        ranges.record(List.of(new Handled(partition, 10, "early", Outcome.DELIVERED),
                new Handled(partition, 11, "refused", Outcome.DEAD_LETTERED)));
        ranges.record(List.of(new Handled(partition, 50, "later", Outcome.DELIVERED),
                new Handled(partition, 51, "refused-for-good", Outcome.DEAD_LETTERED)));
        // The refused event, replayed from the dead letter queue (a later offset) and taken this time.
        ranges.record(List.of(new Handled(partition, 90, "refused", Outcome.DELIVERED)));
        ranges.record(List.of(new Handled(new TopicPartition(partition.topic(), 1), 60, "elsewhere",
                Outcome.DELIVERED)));

        assertThat(ranges.since(partition, 0)).containsExactlyInAnyOrderEntriesOf(Map.of("early", Outcome.DELIVERED,
                "refused", Outcome.DELIVERED, "later", Outcome.DELIVERED, "refused-for-good", Outcome.DEAD_LETTERED));
        assertThat(ranges.since(partition, 50)).containsOnlyKeys("later", "refused-for-good", "refused");
        assertThat(ranges.since(partition, 91)).isEmpty();
    }
}
