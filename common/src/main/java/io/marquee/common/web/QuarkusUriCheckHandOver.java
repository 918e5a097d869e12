package io.marquee.common.web;

import io.quarkus.runtime.annotations.StaticInitSafe;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands Quarkus' check of the request URI over to {@link RequestHeadCheck}, which refuses the same
 * targets but with a problem+json body saying what was wrong (Quarkus answers them a bare 400
 * before any route or hook runs).
 *
 * <p>Quarkus reads its switch, the system property {@code vertx.disableURIValidation}, once, when
 * its HTTP recorder class is first initialized, early in static init. A configuration source is
 * the one piece of a library that Quarkus instantiates before that ({@code @StaticInitSafe}
 * sources are read while static-init configuration is built), so the property is set here. It
 * adds no configuration. If Quarkus ever reads the switch earlier, its bare 400 comes back and the
 * malformed-target tests (gateway and services) fail; the targets stay refused either way.
 */
@StaticInitSafe
public class QuarkusUriCheckHandOver implements ConfigSource {

    static final String SWITCH = "vertx.disableURIValidation";

    public QuarkusUriCheckHandOver() {
        System.setProperty(SWITCH, "true");
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "marquee-uri-check-hand-over";
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }
}
