package io.marquee.recommendation.similar;

import io.marquee.common.problem.ProblemException;
import io.marquee.recommendation.caller.Caller;
import io.marquee.recommendation.caller.RatedItems;
import io.marquee.recommendation.enrich.Catalog;
import io.marquee.recommendation.enrich.CatalogItem;
import io.marquee.recommendation.enrich.Enrichment;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.fallback.Fallback;
import io.marquee.recommendation.personalize.CampaignAnswer;
import io.marquee.recommendation.personalize.CampaignUnavailable;
import io.marquee.recommendation.personalize.Campaigns;
import io.marquee.recommendation.personalize.Scored;
import io.marquee.recommendation.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Titles similar to one title (the similar-items campaign). For a logged-in caller the list is
 * put in the caller's order by the personalized-ranking campaign and their rated titles are dropped.
 */
@ApplicationScoped
public class SimilarService {

    private final Campaigns campaigns;
    private final RatedItems rated;
    private final Catalog catalog;
    private final Fallback fallback;

    public SimilarService(Campaigns campaigns, RatedItems rated, Catalog catalog, Fallback fallback) {
        this.campaigns = campaigns;
        this.rated = rated;
        this.catalog = catalog;
        this.fallback = fallback;
    }

    public RecommendationList similar(String itemId, Optional<Caller> caller, int limit) {
        CatalogItem seed = catalog.lookup(List.of(itemId)).get(itemId);
        if (seed == null) {
            throw ProblemException.notFound("The catalog has no title " + itemId);
        }
        String genre = seed.genres().isEmpty() ? null : seed.genres().get(0);
        Set<String> excluded = new HashSet<>(caller.map(rated::of).orElse(Set.of()));
        excluded.add(itemId);
        CampaignAnswer similar;
        try {
            similar = campaigns.recommend(campaigns.arns().similarItemsArn(), null, itemId,
                    Math.min(500, limit * 2 + excluded.size()), null, Map.of());
        } catch (CampaignUnavailable e) {
            return fallback.topRated(e, genre, null, excluded, limit);
        }
        List<String> candidates = similar.items().stream().map(Scored::itemId)
                .filter(id -> !excluded.contains(id)).toList();
        Map<String, CatalogItem> known = catalog.lookup(candidates);
        RecommendationList list = caller.isPresent() && !known.isEmpty()
                ? ranked(similar, caller.get(), candidates.stream().filter(known::containsKey).toList(), known,
                        excluded, limit)
                : new RecommendationList(Sources.campaign(similar), similar.recommendationId(),
                        Enrichment.items(similar.items(), known, excluded, limit));
        return fallback.topUp(list, genre, excluded, limit);
    }

    private RecommendationList ranked(CampaignAnswer similar, Caller caller, List<String> candidates,
                                      Map<String, CatalogItem> known, Set<String> excluded, int limit) {
        try {
            CampaignAnswer ranking = campaigns.rank(campaigns.arns().rankingArn(), caller.id(),
                    candidates.subList(0, Math.min(500, candidates.size())));
            return new RecommendationList(Sources.ranked(similar, ranking), ranking.recommendationId(),
                    Enrichment.items(ranking.items(), known, excluded, limit));
        } catch (CampaignUnavailable e) {
            // Still similar titles, only not in the caller's order: say so rather than fall back.
            return new RecommendationList(Sources.unranked(similar, e.reason()), similar.recommendationId(),
                    Enrichment.items(similar.items(), known, excluded, limit));
        }
    }
}
