package io.marquee.ingest.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** This service's request bodies follow {@link io.marquee.common.web.StrictJson}'s rules. */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        io.marquee.common.web.StrictJson.apply(mapper);
    }
}
