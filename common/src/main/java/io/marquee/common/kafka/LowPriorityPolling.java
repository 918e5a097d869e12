package io.marquee.common.kafka;

import io.marquee.common.concurrent.BackgroundThreads;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer interceptor that lowers the thread polling a background channel to the lowest
 * priority ({@link BackgroundThreads}): Kafka calls it on the polling thread, inside every poll,
 * and the messaging connector gives each channel a polling thread of its own. Slower polls under
 * load slow what the channel's handler does downstream (DynamoDB writes) with them.
 *
 * <p>For a messaging channel: {@code mp.messaging.incoming.<channel>.interceptor.classes=}this class.
 */
public class LowPriorityPolling implements ConsumerInterceptor<Object, Object> {

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        BackgroundThreads.lowerThisThread();
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do: only the polling thread's priority matters
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings
    }
}
