package io.marquee.catalog.item.rest;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.common.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.inject.Provider;

/**
 * The one place where admin access to {@link AdminOnly} endpoints is decided. It runs before the
 * body is read, so a refused caller learns nothing about validation.
 *
 * <p>Until authentication exists, writes are simply on or off ({@code catalog.admin.writes-enabled}).
 * When JWTs arrive, this is where the check for the {@code admin} role
 * ({@link io.marquee.common.security.Roles#ADMIN}) goes.
 */
@jakarta.ws.rs.ext.Provider
@AdminOnly
public class AdminOnlyFilter implements ContainerRequestFilter {

    static final String DISABLED = "admin writes are disabled until authentication is configured";

    // Filters are built before runtime configuration exists: read it when a request comes.
    private final Provider<CatalogConfig> config;

    public AdminOnlyFilter(Provider<CatalogConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!config.get().admin().writesEnabled()) {
            throw ProblemException.forbidden(DISABLED);
        }
    }
}
