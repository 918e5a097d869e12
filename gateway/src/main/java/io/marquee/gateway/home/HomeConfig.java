package io.marquee.gateway.home;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code gateway.home.*}: how long the home page waits for its rows. */
@ConfigMapping(prefix = "gateway.home")
public interface HomeConfig {

    /**
     * Longest wait for any one row, counted from the request; a row still loading then is omitted
     * (named in {@code omitted}) and the page answers with the rest.
     */
    @WithDefault("250ms")
    Duration sectionBudget();

    /** Worker threads the rows load on; each request uses one per row. */
    @WithDefault("32")
    int threads();
}
