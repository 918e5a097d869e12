package io.marquee.gateway.web;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The services' reachability, probed at most once per {@link StatusConfig#cacheFor()} however
 * many status requests arrive: the first request after the period probes (the others wait for its
 * answer instead of probing too), later ones reuse it.
 */
@ApplicationScoped
public class StatusReport {

    private final List<DownstreamProbe> probes;
    private final long cacheNanos;
    private Map<String, String> last;
    private long probedAt;

    StatusReport(@All List<DownstreamProbe> probes, StatusConfig config) {
        this.probes = probes;
        this.cacheNanos = config.cacheFor().toNanos();
    }

    /** Each service's name to {@code UP} or {@code DOWN}. */
    public synchronized Map<String, String> services() {
        long now = System.nanoTime();
        if (last == null || now - probedAt >= cacheNanos) {
            Map<String, String> services = new TreeMap<>();
            for (DownstreamProbe probe : probes) {
                if (!probe.listed()) {
                    continue;
                }
                services.put(probe.name(), probe.reachable() ? "UP" : "DOWN");
            }
            last = Collections.unmodifiableMap(services);
            probedAt = System.nanoTime();
        }
        return last;
    }
}
