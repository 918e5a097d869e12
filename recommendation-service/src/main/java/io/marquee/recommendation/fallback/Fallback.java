package io.marquee.recommendation.fallback;

import io.marquee.recommendation.enrich.Catalog;
import io.marquee.recommendation.enrich.CatalogItem;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.enrich.RecommendedItem;
import io.marquee.recommendation.personalize.CampaignUnavailable;
import io.marquee.recommendation.source.Sources;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Answers while a campaign cannot (ADR 0012): lists from catalog-service's top-rated chart, in the
 * requested genre, minus what the caller rated, saying {@code fallback:<reason>} in their source.
 * No recommendationId and no scores: nothing was recommended by a model.
 */
@ApplicationScoped
public class Fallback {

    private static final Logger LOG = Logger.getLogger(Fallback.class);

    private final Catalog catalog;
    private final MeterRegistry metrics;

    public Fallback(Catalog catalog, MeterRegistry metrics) {
        this.catalog = catalog;
        this.metrics = metrics;
    }

    /** Top rated in {@code genre} (or overall), of {@code year} when given, without {@code excluded}. */
    public RecommendationList topRated(CampaignUnavailable why, String genre, Integer year, Set<String> excluded,
                                       int limit) {
        logged(why);
        List<RecommendedItem> items = new ArrayList<>();
        for (CatalogItem item : catalog.topRated(genre)) {
            if (items.size() >= limit) {
                break;
            }
            if (!excluded.contains(item.id()) && (year == null || year.equals(item.year()))) {
                items.add(RecommendedItem.of(item, null));
            }
        }
        return new RecommendationList(Sources.fallback(why.reason(), genre), null, items);
    }

    /** {@code items} by the catalog's average rating, best first (unrated last), the caller's order breaking ties. */
    public RecommendationList byRating(CampaignUnavailable why, Collection<CatalogItem> items) {
        logged(why);
        List<RecommendedItem> ordered = items.stream()
                .sorted(Comparator.comparing(CatalogItem::ratingAverage, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(item -> RecommendedItem.of(item, null))
                .toList();
        return new RecommendationList(Sources.fallbackByRating(why.reason()), null, ordered);
    }

    /** Counted by reason, since a timeout is only logged at debug level: a tail of slow answers shows here. */
    private void logged(CampaignUnavailable why) {
        metrics.counter("marquee.recommendation.fallbacks", "reason", why.reason()).increment();
        LOG.debugf("answering from the fallback: %s (%s)", why.reason(), why.getMessage());
    }

    /**
     * {@code list} topped up to {@code limit} from the top-rated chart (in {@code genre}) when the
     * campaign offered too few usable titles (a title it knows too little about, many exclusions).
     */
    public RecommendationList topUp(RecommendationList list, String genre, Set<String> excluded, int limit) {
        if (list.items().size() >= limit) {
            return list;
        }
        List<RecommendedItem> items = new ArrayList<>(list.items());
        Set<String> taken = new java.util.HashSet<>(excluded);
        items.forEach(i -> taken.add(i.id()));
        for (CatalogItem item : catalog.topRated(genre)) {
            if (items.size() >= limit) {
                break;
            }
            if (taken.add(item.id())) {
                items.add(RecommendedItem.of(item, null));
            }
        }
        if (items.size() == list.items().size()) {
            return list;
        }
        return new RecommendationList(list.source() + " topped-up:chart:top-rated", list.recommendationId(), items);
    }
}
