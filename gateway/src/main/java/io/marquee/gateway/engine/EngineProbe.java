package io.marquee.gateway.engine;

import io.marquee.gateway.config.GatewayConfig;
import io.marquee.gateway.web.Downstream;
import io.marquee.gateway.web.DownstreamProbe;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The recommendation engine in {@code GET /api/v1/status}: personalize-local, when the services are
 * pointed at one, is UP when its readiness check answers. The gateway never calls it otherwise
 * (recommendations go through recommendation-service); with Amazon Personalize itself there is
 * nothing to probe and the engine is not listed.
 */
@ApplicationScoped
public class EngineProbe implements DownstreamProbe {

    static final String NAME = "personalize-local";

    private final Optional<EngineHealth> health;
    private final Downstream engine;

    EngineProbe(EngineEndpoint endpoint, GatewayConfig config) {
        long timeoutMillis = config.engine().timeout().toMillis();
        this.health = endpoint.endpointOverride().map(uri -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(Math.min(1000, timeoutMillis), TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build(EngineHealth.class));
        this.engine = new Downstream(NAME, config.engine());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean listed() {
        return health.isPresent();
    }

    @Override
    public boolean reachable() {
        return health.map(client -> engine.reachable(client::ready)).orElse(false);
    }
}
