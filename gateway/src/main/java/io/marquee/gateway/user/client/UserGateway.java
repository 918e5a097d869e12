package io.marquee.gateway.user.client;

import io.marquee.gateway.config.GatewayConfig;
import io.marquee.gateway.web.Downstream;
import io.marquee.gateway.web.DownstreamProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * user-service behind a timeout and a circuit breaker ({@code gateway.user.*}). Sign-up, login and
 * refresh are writes (never retried: a retried login would count twice against the throttle);
 * reads are retried once when the connection failed.
 */
@ApplicationScoped
public class UserGateway implements DownstreamProbe {

    private final UserClient client;
    private final Downstream user;
    private final String managementUrl;

    UserGateway(@RestClient UserClient client, GatewayConfig config) {
        this.client = client;
        this.user = new Downstream("user-service", config.user());
        this.managementUrl = config.user().managementUrl()
                .orElseThrow(() -> new IllegalStateException("gateway.user.management-url is required"));
    }

    public Response signup(byte[] body) {
        return user.write(() -> client.signup(body));
    }

    public Response login(byte[] body) {
        return user.write(() -> client.login(body));
    }

    public Response refresh(byte[] body) {
        return user.write(() -> client.refresh(body));
    }

    public Response logout(byte[] body) {
        return user.write(() -> client.logout(body));
    }

    public Response jwks() {
        return user.read(client::jwks);
    }

    public Response me() {
        return user.read(client::me);
    }

    public Response patchMe(byte[] body) {
        return user.write(() -> client.patchMe(body));
    }

    public Response history() {
        return user.read(client::history);
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    public boolean reachable() {
        return user.reachable(() -> client.ready(managementUrl));
    }
}
