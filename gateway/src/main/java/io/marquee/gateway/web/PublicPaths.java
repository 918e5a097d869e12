package io.marquee.gateway.web;

import java.net.URI;

/**
 * Internal service paths as the public API names them. The services' routes are the public ones
 * without {@code /api/v1}, except that catalog-service calls movies {@code items}:
 * {@code /items/42/rating} is {@code /api/v1/movies/42/rating}, {@code /me} is {@code /api/v1/me}.
 * Used for {@code Location} headers, so no internal host, port or path reaches a client.
 */
public final class PublicPaths {

    public static final String PREFIX = "/api/v1";
    private static final String ITEMS = "/items";

    private PublicPaths() {
    }

    /** The public, host-relative form of a service's URI (absolute or relative). */
    public static URI of(URI internal) {
        String path = internal.getRawPath() == null ? "" : internal.getRawPath();
        if (path.equals(ITEMS) || path.startsWith(ITEMS + "/")) {
            path = "/movies" + path.substring(ITEMS.length());
        }
        String query = internal.getRawQuery() == null ? "" : "?" + internal.getRawQuery();
        return URI.create(PREFIX + path + query);
    }
}
