package io.marquee.personalize.server.web;

import io.marquee.personalize.server.config.ServerConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The configured SigV4 key, if any ({@code personalize.auth.*}), and the check of one request against it. */
@ApplicationScoped
public class RequestSigning {

    private final Optional<SigV4> sigV4;

    public RequestSigning(ServerConfig config) {
        ServerConfig.Auth auth = config.auth();
        if (auth.accessKeyId().isPresent() != auth.secretAccessKey().isPresent()) {
            throw new IllegalStateException("personalize.auth needs both access-key-id and secret-access-key, or neither");
        }
        this.sigV4 = auth.accessKeyId().map(id -> new SigV4(id, auth.secretAccessKey().orElseThrow(),
                auth.maxClockSkew()));
    }

    public boolean enabled() {
        return sigV4.isPresent();
    }

    /** Refuses the request (AwsException with AWS's error type) unless it is signed with the key. */
    public void verify(HttpServerRequest request, byte[] body) {
        sigV4.ifPresent(s -> s.verify(request.method().name(), request.path(), request.query(), request::getHeader,
                body, Instant.now()));
    }
}
