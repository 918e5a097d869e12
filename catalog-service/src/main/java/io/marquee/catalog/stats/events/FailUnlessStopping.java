package io.marquee.catalog.stats.events;

import io.marquee.catalog.stats.service.AbsorbGate;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailStop;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The catalog's consumers' failure strategy ({@code failure-strategy=fail-unless-stopping}): Kafka's
 * {@code fail}, except for a batch refused because the service is stopping
 * ({@link AbsorbGate.AbsorbStopped}). That batch is left unacknowledged, so its offsets are not
 * committed and it is delivered again at the next start, as before; but it is not reported as a
 * failure. {@code fail} reported it once per record, with an error and a warning each: a stop
 * while the catalog absorbed a backlog wrote 20,000 lines for one 10,000-record batch and took
 * seconds longer.
 */
@ApplicationScoped
@Identifier(FailUnlessStopping.NAME)
public class FailUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String NAME = "fail-unless-stopping";

    private final KafkaFailStop.Factory failStop = new KafkaFailStop.Factory();

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        return new Handler(failStop.create(config, vertx, consumer, reportFailure));
    }

    /** One channel's handler: {@code fail}'s, unless the service is stopping. */
    static final class Handler implements KafkaFailureHandler {

        private final KafkaFailureHandler fail;

        Handler(KafkaFailureHandler fail) {
            this.fail = fail;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (stopping(reason)) {
                return Uni.createFrom().voidItem();
            }
            return fail.handle(record, reason, metadata);
        }

        @Override
        public void terminate() {
            fail.terminate();
        }

        private static boolean stopping(Throwable reason) {
            for (Throwable t = reason; t != null; t = t.getCause()) {
                if (t instanceof AbsorbGate.AbsorbStopped) {
                    return true;
                }
            }
            return false;
        }
    }
}
