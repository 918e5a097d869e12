package io.marquee.catalog.item.rest;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.problem.TokenProblems;
import io.marquee.common.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place where admin access to {@link AdminOnly} endpoints is decided. It runs before the
 * body is read, so a refused caller learns nothing about validation.
 *
 * <p>A request needs a valid token (verified by smallrye-jwt against user-service's JWKS) with
 * the {@code admin} role ({@link Roles#ADMIN}): none or an invalid one is 401, one without the
 * role 403. The only exception is {@code catalog.admin.writes-enabled}: then a request
 * <em>without</em> a token from the same host is trusted, which keeps the devstack's demo loader
 * working (ADR 6). A token that is sent is always checked.
 */
@jakarta.ws.rs.ext.Provider
@AdminOnly
public class AdminOnlyFilter implements ContainerRequestFilter {

    // The platform's texts for token failures (common's TokenProblems), as at the gateway.
    static final String NO_TOKEN = TokenProblems.MISSING;
    static final String BAD_TOKEN = TokenProblems.INVALID;
    static final String NOT_ADMIN = TokenProblems.FORBIDDEN;

    // Filters are built before runtime configuration exists: read it when a request comes.
    private final Provider<CatalogConfig> config;
    private final Provider<CurrentIdentityAssociation> identities;
    private final Provider<CurrentVertxRequest> requests;

    public AdminOnlyFilter(Provider<CatalogConfig> config, Provider<CurrentIdentityAssociation> identities,
                           Provider<CurrentVertxRequest> requests) {
        this.config = config;
        this.identities = identities;
        this.requests = requests;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getHeaderString(HttpHeaders.AUTHORIZATION) != null,
                () -> config.get().admin().writesEnabled() && fromLoopback(),
                () -> identities.get().getDeferredIdentity().await().indefinitely());
    }

    /**
     * The decision, apart from where its inputs come from.
     *
     * @param tokenless whether a request without a token is trusted (switch on, client on this host)
     * @param identity  verifies the token; throws {@link SecurityException} when it is not valid
     */
    static void check(boolean hasToken, Supplier<Boolean> tokenless, Supplier<SecurityIdentity> identity) {
        if (!hasToken) {
            if (tokenless.get()) {
                return;
            }
            throw unauthorized(NO_TOKEN);
        }
        SecurityIdentity caller;
        try {
            caller = identity.get();
        } catch (SecurityException e) {
            throw unauthorized(BAD_TOKEN);
        }
        if (caller == null || caller.isAnonymous()) {
            // An Authorization header that is not a bearer token: nothing was authenticated.
            throw unauthorized(BAD_TOKEN);
        }
        if (!caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden(NOT_ADMIN);
        }
    }

    private boolean fromLoopback() {
        SocketAddress remote = requests.get().getCurrent().request().remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }
}
