package io.marquee.gateway.web;

/** A downstream service whose reachability {@code GET /api/v1/status} reports. */
public interface DownstreamProbe {

    /** The short name used as key in the status report, e.g. {@code catalog}. */
    String name();

    /** Whether the service answers its readiness check now; never throws. */
    boolean reachable();

    /** Whether it belongs in the report at all (an optional dependency that is not configured does not). */
    default boolean listed() {
        return true;
    }
}
