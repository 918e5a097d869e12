package io.marquee.devstack.launch;

import java.util.List;

/**
 * A service module the devstack can run, with its default port. A module is started when its
 * directory exists in the checkout, so later modules join the stack by being listed here.
 */
public record ServiceSpec(String module, int defaultPort, String restClientKey, boolean needsPersonalizeArns) {

    /**
     * A service that needs none of the ARNs personalize-local's setup makes (at most its endpoint,
     * known before), so it may start before the setup.
     */
    public ServiceSpec(String module, int defaultPort, String restClientKey) {
        this(module, defaultPort, restClientKey, false);
    }

    /** event-ingest-service's port. */
    public static final int EVENT_INGEST_PORT = 8085;

    /**
     * Where a service's management interface ({@code /q/health}, {@code /q/metrics}) listens in the
     * devstack: its API port + this (8181-8185, gateway 8180), distinct for every service and clear
     * of the engines' ports, shifted by the stack's offset like every other port.
     */
    public static final int MANAGEMENT_PORT_OFFSET = 100;

    /** This service's management port in the devstack (before the stack's offset). */
    public int defaultManagementPort() {
        return defaultPort + MANAGEMENT_PORT_OFFSET;
    }

    /** Start order matters only for readability of the logs; readiness is awaited for all. */
    public static final List<ServiceSpec> KNOWN = List.of(
            new ServiceSpec("user-service", 8081, "user"),
            new ServiceSpec("catalog-service", 8082, "catalog"),
            new ServiceSpec("rating-service", 8083, "rating"),
            new ServiceSpec("recommendation-service", 8084, "recommendation", true),
            new ServiceSpec("event-ingest-service", EVENT_INGEST_PORT, "event-ingest", true),
            new ServiceSpec("gateway", StackPorts.GATEWAY, "gateway"));

    /** Started before the services, like the engines, because two services read its resources' ARNs. */
    public static final ServiceSpec PERSONALIZE_LOCAL = new ServiceSpec("personalize-local/server", 9380, "personalize");
}
