package io.marquee.recommendation.enrich;

import io.marquee.recommendation.personalize.Scored;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a campaign's ids into an answer's items: drops what is excluded or unknown to the catalog, keeps the order. */
public final class Enrichment {

    private Enrichment() {
    }

    /**
     * The first {@code limit} of {@code scored} that are neither excluded nor unknown, with their
     * catalog data; the campaign was asked for more than {@code limit}, so the list stays full.
     */
    public static List<RecommendedItem> items(List<Scored> scored, Map<String, CatalogItem> catalog,
                                              Set<String> excluded, int limit) {
        List<RecommendedItem> items = new ArrayList<>(Math.min(limit, scored.size()));
        Set<String> taken = new HashSet<>();
        for (Scored s : scored) {
            if (items.size() >= limit) {
                break;
            }
            CatalogItem item = catalog.get(s.itemId());
            if (item != null && !excluded.contains(s.itemId()) && taken.add(s.itemId())) {
                items.add(RecommendedItem.of(item, s.score()));
            }
        }
        return items;
    }
}
