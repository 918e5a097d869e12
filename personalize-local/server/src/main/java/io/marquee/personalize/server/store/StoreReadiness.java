package io.marquee.personalize.server.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the data directory is loaded: resources, datasets, event logs and models. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private final Store store;

    public StoreReadiness(Store store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("personalize-local data")
                .status(store.isOpen())
                .withData("dataDir", store.dir().toString())
                .withData("models", store.models().size())
                .build();
    }
}
