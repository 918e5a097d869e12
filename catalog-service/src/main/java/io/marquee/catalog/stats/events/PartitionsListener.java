package io.marquee.catalog.stats.events;

import io.marquee.catalog.stats.service.StatsService;
import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Drops what the counters keep in memory about a partition when this instance loses it: whoever
 * gets it next moves its users' applied numbers, so they are read again if it comes back, and
 * counts its visitors' interactions (their windows start again from what Kafka redelivers). Both
 * channels name it ({@code consumer-rebalance-listener.name} in application.properties); were that
 * lost, the watermark check in {@link StatsService} would still drop stale knowledge, one batch later.
 */
@ApplicationScoped
@Unremovable // looked up by the connector, never injected
@Identifier(PartitionsListener.GROUP)
public class PartitionsListener implements KafkaConsumerRebalanceListener {

    /** The name both channels give as their {@code consumer-rebalance-listener.name}. */
    static final String GROUP = "catalog-service";

    private final StatsService stats;

    public PartitionsListener(StatsService stats) {
        this.stats = stats;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.stream().collect(Collectors.groupingBy(TopicPartition::topic,
                        Collectors.mapping(TopicPartition::partition, Collectors.toList())))
                .forEach(stats::partitionsRevoked);
    }
}
