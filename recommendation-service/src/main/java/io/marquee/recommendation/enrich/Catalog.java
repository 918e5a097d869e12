package io.marquee.recommendation.enrich;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import io.marquee.recommendation.caller.Neighbour;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.marquee.recommendation.timing.Steps;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Catalog data for answers: titles, years, genres and rating figures, read from catalog-service
 * in one batch call per answer for whatever is not held, and kept fresh ahead of need
 * ({@link RefreshAhead}, {@code recommendations.catalog-cache.*}): an answer waits on the catalog
 * only for ids nobody asked for within the hard bound, and concurrent answers needing the same ids
 * share one read. Unknown ids are remembered as unknown the same way, so a campaign that keeps
 * recommending a deleted title does not cost a call each time. Charts (the fallback's and the
 * top-up's source) are kept the same way, one read per genre.
 */
@ApplicationScoped
public class Catalog {

    /** catalog-service's batch read limit. */
    static final int MAX_LOOKUP = 500;
    /** The longest chart catalog-service serves. */
    public static final int CHART_SIZE = 100;
    private static final String ALL_GENRES = "";
    /** Distinct chart keys: the genre vocabulary and "all" fit many times over. */
    private static final int MAX_CHARTS = 64;

    private final CatalogClient client;
    private final Neighbour catalog;
    private final RefreshAhead<String, Optional<CatalogItem>> items;
    private final RefreshAhead<String, List<CatalogItem>> charts;
    private final ExecutorService owned;

    @Inject
    Catalog(@RestClient CatalogClient client, RecommendationsConfig config) {
        // Background refreshes are batch reads bounded by the neighbour timeout; one or two at a time is plenty.
        this(client, config, Ticker.systemTicker(), Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "catalog-refresh");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** With the clock and the executor of background refreshes given (tests drive both). */
    Catalog(CatalogClient client, RecommendationsConfig config, Ticker ticker, Executor refreshes) {
        this.client = client;
        this.catalog = new Neighbour("catalog-service", config.neighbours());
        this.owned = refreshes instanceof ExecutorService service ? service : null;
        RecommendationsConfig.CatalogCache cache = config.catalogCache();
        this.items = new RefreshAhead<>(this::readItems, cache.refreshAfter(), cache.maxStaleness(), cache.maxItems(),
                ticker, refreshes);
        this.charts = new RefreshAhead<>(this::readCharts, cache.chartRefreshAfter(), cache.maxStaleness(), MAX_CHARTS,
                ticker, refreshes);
    }

    @PreDestroy
    void stop() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /**
     * The catalog's items among {@code ids}, by id; ids it does not know are absent.
     *
     * @throws io.marquee.common.problem.ProblemException 503 when catalog-service cannot answer for
     *                                                    an id not held
     */
    @Timed(value = Steps.TIMER, percentiles = {0.5, 0.99, 0.999})
    public Map<String, CatalogItem> lookup(Collection<String> ids) {
        Map<String, CatalogItem> found = new HashMap<>();
        items.getAll(ids).forEach((id, item) -> item.ifPresent(known -> found.put(id, known)));
        return found;
    }

    /** The top-rated chart, within {@code genre} when given, best first ({@value #CHART_SIZE} at most). */
    @Timed(value = Steps.TIMER, percentiles = {0.5, 0.99, 0.999})
    public List<CatalogItem> topRated(String genre) {
        String key = genre == null ? ALL_GENRES : genre;
        return charts.getAll(List.of(key)).getOrDefault(key, List.of());
    }

    /** One batch read per {@value #MAX_LOOKUP} ids; every id asked is answered, known or unknown. */
    private Map<String, Optional<CatalogItem>> readItems(List<String> ids) {
        Map<String, Optional<CatalogItem>> answered = new HashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_LOOKUP) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + MAX_LOOKUP));
            LookupAnswer answer = catalog.call(() -> read(batch), LookupAnswer.class);
            answer.items().forEach(item -> answered.put(item.id(), Optional.of(item.toItem())));
            answer.missing().forEach(id -> answered.put(id, Optional.empty()));
        }
        return answered;
    }

    /** Charts by key; their items are held as fresh item data too. */
    private Map<String, List<CatalogItem>> readCharts(List<String> keys) {
        Map<String, List<CatalogItem>> answered = new HashMap<>();
        for (String key : keys) {
            String genre = key.equals(ALL_GENRES) ? null : key;
            ChartAnswer answer = catalog.call(() -> readChart(genre), ChartAnswer.class);
            List<CatalogItem> chart = answer.items().stream().map(Found::toItem).toList();
            chart.forEach(item -> items.put(item.id(), Optional.of(item)));
            answered.put(key, chart);
        }
        return answered;
    }

    private LookupAnswer read(List<String> ids) {
        try (Response answer = client.lookup(new CatalogClient.Lookup(ids))) {
            if (answer.getStatus() != 200) {
                throw new IllegalStateException("catalog-service answered " + answer.getStatus() + " to a lookup");
            }
            return answer.readEntity(LookupAnswer.class);
        }
    }

    private ChartAnswer readChart(String genre) {
        try (Response answer = client.chart("top-rated", genre, CHART_SIZE)) {
            if (answer.getStatus() != 200) {
                throw new IllegalStateException("catalog-service answered " + answer.getStatus() + " for a chart");
            }
            return answer.readEntity(ChartAnswer.class);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LookupAnswer(List<Found> items, List<String> missing) {
        LookupAnswer {
            items = items == null ? List.of() : items;
            missing = missing == null ? List.of() : missing;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChartAnswer(List<Found> items) {
        ChartAnswer {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Found(String id, String title, Integer year, List<String> genres, Stats stats) {
        CatalogItem toItem() {
            return new CatalogItem(id, title, year, genres, stats == null ? 0 : stats.ratingCount(),
                    stats == null ? null : stats.ratingAverage());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stats(long ratingCount, Double ratingAverage) {
    }
}
