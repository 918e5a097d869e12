package io.marquee.catalog.stats.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.catalog.stats.service.AbsorbGate;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailStop;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The catalog consumers' failure strategy, on SmallRye's own {@code fail} handler: a batch refused
 * because the service is stopping is neither reported as the channel's failure nor acknowledged (so
 * it comes again at the next start); every other failure still fails the channel.
 */
class FailUnlessStoppingTest {

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final FailUnlessStopping.Handler handler =
            new FailUnlessStopping.Handler(new KafkaFailStop("interactions", (reason, fatal) -> reported.add(reason)));
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    private IncomingKafkaRecord<String, String> record() {
        ConsumerRecord<String, String> consumed = new ConsumerRecord<>("interactions", 0, 42L, "user-1", "{}");
        return new IncomingKafkaRecord<>(consumed, "interactions", 0, null, handler, false, false) {
            @Override
            public java.util.concurrent.CompletionStage<Void> ack(Metadata metadata) {
                acknowledged.add(getTopic() + "@" + getOffset());
                return super.ack(metadata);
            }
        };
    }

    @Test
    void aBatchRefusedAtShutdownIsNeitherReportedNorAcknowledged() {
        handler.handle(record(), new AbsorbGate.AbsorbStopped(), Metadata.empty()).await().indefinitely();
        handler.handle(record(), new CompletionException(new AbsorbGate.AbsorbStopped()), Metadata.empty())
                .await().indefinitely();

        assertThat(reported).isEmpty();
        assertThat(acknowledged).isEmpty();
    }

    @Test
    void anyOtherFailureStillFailsTheChannel() {
        IllegalStateException broken = new IllegalStateException("DynamoDB refused the transaction");

        assertThatThrownBy(() -> handler.handle(record(), broken, Metadata.empty()).await().indefinitely())
                .isSameAs(broken);
        assertThat(reported).containsExactly(broken);
        assertThat(acknowledged).isEmpty();
    }
}
