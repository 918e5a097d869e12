package io.marquee.recommendation.caller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.marquee.common.concurrent.BackgroundThreads;
import io.marquee.common.events.AnonymousUsers;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.InteractionEventJson;
import io.marquee.common.events.Topics;
import io.marquee.common.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows the {@code ratings} topic, telling {@link RatedSets} whose rated titles changed, and the
 * {@code interactions} topic, telling {@link KeptHistories} whose history is about to change (each
 * only while its cache is enabled). One consumer for both: one connection and one thread per replica.
 *
 * <p>Every replica must see every event, so there is no consumer group: the consumer is assigned
 * all partitions itself and starts at their ends (a replica starts with nothing kept, so older
 * events do not matter), commits nothing and needs only Read and Describe on the topics
 * ({@code TopicAccess}). Partitions added to a topic later are picked up within
 * {@link #PARTITION_CHECK}, from their beginning. Until the consumer is positioned, and after any
 * failure until it is again, neither cache keeps anything.
 */
@ApplicationScoped
public class CallerFeed {

    private static final Logger LOG = Logger.getLogger(CallerFeed.class);
    /** A poll returns as soon as records arrive; this only bounds how often the loop looks around. */
    private static final Duration POLL = Duration.ofSeconds(1);
    static final Duration PARTITION_CHECK = Duration.ofSeconds(30);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RatedSets sets;
    private final KeptHistories histories;
    private final KafkaClients kafka;
    private final ObjectMapper json;
    /**
     * Lenient about unknown fields, as every consumer of the topic (InteractionEventJson), but on
     * this service's own mapper, as before: its scalar rules (StrictJson: no "4.5" for a number, no
     * 42 for a string) still apply, so such an event, which user-service reads and records, changes
     * nothing here. Kept as it was; not a documented choice.
     */
    private final ObjectReader interactions;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    CallerFeed(RatedSets sets, KeptHistories histories, KafkaClients kafka, ObjectMapper json) {
        this.sets = sets;
        this.histories = histories;
        this.kafka = kafka;
        this.json = json;
        this.interactions = InteractionEventJson.reader(json);
    }

    void onStart(@Observes StartupEvent event) {
        if (!sets.enabled()) {
            LOG.info("callers' rated titles are not kept (recommendations.rated-cache.enabled=false)");
        }
        if (!histories.enabled()) {
            LOG.info("callers' histories are not kept (recommendations.history-cache.enabled=false)");
        }
        if (topics().isEmpty()) {
            return;
        }
        running = true;
        worker = BackgroundThreads.newThread(this::run, "caller-feed");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            try (KafkaConsumer<String, String> opened = new KafkaConsumer<>(properties())) {
                consumer = opened;
                if (!running) {
                    break;
                }
                follow(opened);
            } catch (WakeupException e) {
                // onStop: leave the loop.
            } catch (RuntimeException e) {
                live(false);
                failures++;
                Duration backoff = Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures, 6)));
                LOG.warnf("caller feed failed (%s); callers' rated titles and histories are read from rating- and "
                        + "user-service until it follows %s again (retry in %d ms)", e.toString(), topics(),
                        backoff.toMillis());
                sleep(backoff);
            } finally {
                consumer = null;
            }
        }
        live(false);
    }

    /** The topics followed: those whose cache is enabled. */
    private List<String> topics() {
        List<String> topics = new ArrayList<>();
        if (sets.enabled()) {
            topics.add(Topics.RATINGS);
        }
        if (histories.enabled()) {
            topics.add(Topics.INTERACTIONS);
        }
        return topics;
    }

    private void live(boolean positioned) {
        if (sets.enabled()) {
            sets.live(positioned);
        }
        if (histories.enabled()) {
            histories.live(positioned);
        }
    }

    /** Positions on every partition's end, then tells {@link RatedSets} of each event until stopped. */
    private void follow(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve every position now, so every event from here on is seen.
        partitions.forEach(p -> consumer.position(p, METADATA_TIMEOUT));
        live(true);
        LOG.infof("following %s on %d partitions; callers' rated titles and histories are kept", topics(),
                partitions.size());
        long checkedAt = System.nanoTime();
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (Topics.RATINGS.equals(record.topic())) {
                    String userId = userOf(record);
                    if (userId != null) {
                        sets.changed(userId);
                    }
                } else if (!AnonymousUsers.is(record.key())) {
                    // Most of a burst is anonymous visitors', and no caller (a token's subject) is one: unread.
                    histories.changed(interactionOf(record));
                }
            }
            if (System.nanoTime() - checkedAt > PARTITION_CHECK.toNanos()) {
                checkedAt = System.nanoTime();
                List<TopicPartition> now = partitions(consumer);
                if (!Set.copyOf(now).equals(Set.copyOf(partitions))) {
                    List<TopicPartition> added = new ArrayList<>(now);
                    added.removeAll(partitions);
                    consumer.assign(now);
                    consumer.seekToBeginning(added);
                    added.forEach(p -> consumer.position(p, METADATA_TIMEOUT));
                    partitions = now;
                    // Events on a new partition before now were not seen: what was kept may have missed them.
                    live(true);
                    LOG.infof("%s have %d partitions now; following them all", topics(), now.size());
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (not created yet?)");
            }
            infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .forEach(all::add);
        }
        return all;
    }

    /** The event's {@code userId} (io.marquee.common.events.RatingEvent), else the record key (the topic is keyed by it). */
    private String userOf(ConsumerRecord<String, String> record) {
        if (record.value() != null) {
            try {
                JsonNode user = json.readTree(record.value()).get("userId");
                if (user != null && user.isTextual() && !user.asText().isEmpty()) {
                    return user.asText();
                }
            } catch (IOException e) {
                LOG.debugf("unreadable %s record at %s-%d@%d; using its key", Topics.RATINGS, record.topic(),
                        record.partition(), record.offset());
            }
        }
        return record.key();
    }

    /** The interaction event of {@code record}, or null if it is unreadable (it then changes nothing). */
    private InteractionEvent interactionOf(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return interactions.readValue(record.value());
        } catch (IOException e) {
            LOG.debugf("unreadable %s record at %s-%d@%d", Topics.INTERACTIONS, record.topic(), record.partition(),
                    record.offset());
            return null;
        }
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = kafka.properties();
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "recommendation-caller-feed-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
