package io.marquee.recommendation.enrich;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.marquee.recommendation.caller.Neighbour;
import io.marquee.recommendation.config.RecommendationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Catalog data for answers: titles, years, genres and rating figures, read from catalog-service
 * in one batch call per answer for whatever a short-lived cache does not hold. Unknown ids are
 * remembered as unknown for as long, so a campaign that keeps recommending a deleted title does
 * not cost a call each time. Charts (the fallback's source) are cached the same way.
 */
@ApplicationScoped
public class Catalog {

    /** catalog-service's batch read limit. */
    static final int MAX_LOOKUP = 500;
    /** The longest chart catalog-service serves. */
    public static final int CHART_SIZE = 100;
    private static final String ALL_GENRES = "";

    private final CatalogClient client;
    private final Neighbour catalog;
    private final Cache<String, Optional<CatalogItem>> items;
    private final Cache<String, List<CatalogItem>> charts;

    Catalog(@RestClient CatalogClient client, RecommendationsConfig config) {
        this.client = client;
        this.catalog = new Neighbour("catalog-service", config.neighbours());
        RecommendationsConfig.CatalogCache cache = config.catalogCache();
        this.items = Caffeine.newBuilder().maximumSize(cache.maxItems()).expireAfterWrite(cache.ttl()).build();
        this.charts = Caffeine.newBuilder().maximumSize(64).expireAfterWrite(cache.chartTtl()).build();
    }

    /**
     * The catalog's items among {@code ids}, by id; ids it does not know are absent.
     *
     * @throws io.marquee.common.problem.ProblemException 503 when catalog-service cannot answer
     */
    public Map<String, CatalogItem> lookup(Collection<String> ids) {
        Map<String, CatalogItem> found = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<CatalogItem> known = items.getIfPresent(id);
            if (known == null) {
                toRead.add(id);
            } else {
                known.ifPresent(item -> found.put(id, item));
            }
        }
        for (int from = 0; from < toRead.size(); from += MAX_LOOKUP) {
            List<String> batch = toRead.subList(from, Math.min(toRead.size(), from + MAX_LOOKUP));
            LookupAnswer answer = catalog.call(() -> read(batch), LookupAnswer.class);
            for (Found item : answer.items()) {
                CatalogItem catalogItem = item.toItem();
                items.put(item.id(), Optional.of(catalogItem));
                found.put(item.id(), catalogItem);
            }
            answer.missing().forEach(id -> items.put(id, Optional.empty()));
        }
        return found;
    }

    /** The top-rated chart, within {@code genre} when given, best first ({@value #CHART_SIZE} at most). */
    public List<CatalogItem> topRated(String genre) {
        String key = genre == null ? ALL_GENRES : genre;
        List<CatalogItem> cached = charts.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        ChartAnswer answer = catalog.call(() -> readChart(genre), ChartAnswer.class);
        List<CatalogItem> chart = answer.items().stream().map(Found::toItem).toList();
        chart.forEach(item -> items.put(item.id(), Optional.of(item)));
        charts.put(key, chart);
        return chart;
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
