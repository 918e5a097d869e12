package io.marquee.devstack.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group of the broker has got: what it committed against what the topics
 * hold. The devstack shows it as the progress of background work (the catalog absorbing the demo
 * history), for every group there is, so services added later show up by themselves.
 */
public final class ConsumerProgress implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;

    /**
     * One group's position.
     *
     * @param group     the consumer group, e.g. {@code catalog-service}
     * @param consumed  records up to its committed offsets, over every partition it reads
     * @param available records in those partitions (their end offsets)
     */
    public record Group(String group, long consumed, long available) {

        public long behind() {
            return Math.max(0, available - consumed);
        }

        public boolean caughtUp() {
            return behind() == 0;
        }
    }

    private final Admin admin;

    public ConsumerProgress(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "devstack-status",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000"));
    }

    /**
     * Every consumer group, sorted by name. A partition a group is assigned but has not committed
     * on yet counts as consumed from 0 (the services read from the earliest offset).
     */
    public List<Group> groups() throws Exception {
        Collection<ConsumerGroupListing> listings = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> names = listings.stream().map(ConsumerGroupListing::groupId).sorted().toList();
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(names).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Group> groups = new ArrayList<>();
        for (String name : names) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(name)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
            ConsumerGroupDescription description = descriptions.get(name);
            if (description != null) {
                for (MemberDescription member : description.members()) {
                    partitions.addAll(member.assignment().topicPartitions());
                }
            }
            if (partitions.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long consumed = 0;
            long available = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                consumed += offset == null ? 0 : offset.offset();
                available += ends.get(partition).offset();
            }
            groups.add(new Group(name, consumed, available));
        }
        return groups;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
