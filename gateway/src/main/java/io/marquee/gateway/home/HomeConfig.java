package io.marquee.gateway.home;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code gateway.home.*}: how long the home page waits for its rows, and how it reuses personal ones. */
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

    /**
     * How old the last answer for a chart row may be to stand in for one that fails or runs past the
     * budget (charts change slowly; an older chart beats an empty row); {@code 0} leaves such a row out.
     */
    @WithDefault("10M")
    Duration lateChartMaxAge();

    /**
     * How often the gateway loads the charts itself, for the default page size (from start on, so
     * the first page has a chart to fall back on); {@code 0} leaves charts to the pages that ask.
     */
    @WithDefault("15S")
    Duration keepChartsWarm();

    /**
     * How long a caller's answer for a personal row is served again, at once, to the same caller's
     * next pages (unless they wrote since, see {@link #settleAfterWrite()}); {@code 0} loads the
     * personal rows for every page.
     */
    @WithDefault("30S")
    Duration reusePersonalRowsFor();

    /** Age past which a reused personal row is also loaded again in the background, for the next page. */
    @WithDefault("5S")
    Duration refreshPersonalRowsAfter();

    /**
     * After a caller's write through the gateway (a rating, a click), personal rows are loaded afresh
     * for every page until this long has passed: the time a write takes to reach the recommender.
     */
    @WithDefault("3S")
    Duration settleAfterWrite();

    /** Worker threads the rows load on; each request uses one per row. */
    @WithDefault("32")
    int threads();
}
