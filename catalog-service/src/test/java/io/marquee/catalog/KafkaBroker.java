package io.marquee.catalog;

import io.marquee.testsupport.KafkaBrokerResource;
import java.util.Map;

/**
 * {@link KafkaBrokerResource}, started with the context class loader that loaded it. Quarkus
 * starts test resources on pool threads whose context loader may differ from the one holding
 * kafka-clients; Kafka loads its {@code JmxReporter} through the context loader and then fails
 * with a ClassCastException now and then. (A fix belongs in test-support; until then, here.)
 */
public class KafkaBroker extends KafkaBrokerResource {

    @Override
    public Map<String, String> start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.apache.kafka.common.utils.Utils.class.getClassLoader());
        try {
            return super.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
