package io.marquee.testsupport;

import java.net.URI;
import java.net.URL;

/**
 * Where a {@code @QuarkusTest}'s service answers {@code /q/health} and {@code /q/metrics}: its
 * management interface, never its API port.
 */
public final class Management {

    private Management() {
    }

    /**
     * {@code path} (absolute, e.g. {@code /q/health/ready}) on the management interface whose URL
     * Quarkus injected with {@code @TestHTTPResource(value = "/", management = true)}; that URL may
     * already carry the management root path ({@code /q}), which {@code path} replaces.
     */
    public static String url(URL managementRoot, String path) {
        return URI.create(managementRoot.toString()).resolve(path).toString();
    }
}
