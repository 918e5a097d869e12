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

    /**
     * How old a caller's last answer for a personal row ("for you", "because you watched") may be
     * to stand in for one that runs past the budget; {@code 0} leaves such a row out instead.
     */
    @WithDefault("2M")
    Duration lateRowMaxAge();

    /** Worker threads the rows load on; each request uses one per row. */
    @WithDefault("32")
    int threads();
}
