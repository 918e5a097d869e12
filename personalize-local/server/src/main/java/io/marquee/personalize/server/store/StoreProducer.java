package io.marquee.personalize.server.store;

import io.marquee.personalize.server.config.ServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the data directory once at startup; a directory that cannot be read stops the start. */
@ApplicationScoped
public class StoreProducer {

    @Produces
    @Singleton
    Store store(ServerConfig config) throws IOException {
        return new Store(Path.of(config.dataDir()), config.fsyncEvents(), config.maxEvents().orElse(-1L)).open();
    }

    void close(@Disposes Store store) throws IOException {
        store.close();
    }
}
