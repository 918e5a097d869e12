package io.marquee.gateway.home;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the charts of the home page loaded from the gateway's start on
 * ({@code gateway.home.keep-charts-warm}), so that a chart whose fresh load misses the page's
 * budget always has a recent answer to stand in ({@link HomePage#warmCharts}). A load that fails
 * (catalog-service still starting) is simply tried again on the next round.
 */
@ApplicationScoped
class ChartWarmer {

    private static final Logger LOG = Logger.getLogger(ChartWarmer.class);

    private final HomePage page;
    private final HomeConfig config;
    private ScheduledExecutorService timer;

    ChartWarmer(HomePage page, HomeConfig config) {
        this.page = page;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        long every = config.keepChartsWarm().toMillis();
        if (every <= 0) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "home-chart-warmer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::warm, 0, every, TimeUnit.MILLISECONDS);
    }

    private void warm() {
        try {
            page.warmCharts(HomeResource.DEFAULT_LIMIT);
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.debugf(e, "warming the home page's charts failed; next round in %s", config.keepChartsWarm());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
