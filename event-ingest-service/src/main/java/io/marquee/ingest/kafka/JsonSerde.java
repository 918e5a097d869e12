package io.marquee.ingest.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams serde for records as {@link EventJson} writes them; unreadable values read as null. */
public final class JsonSerde {

    private JsonSerde() {
    }

    public static <T> Serde<T> of(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null
                : EventJson.write(value).getBytes(StandardCharsets.UTF_8);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null
                : EventJson.read(new String(bytes, StandardCharsets.UTF_8), type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
