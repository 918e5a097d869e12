package io.marquee.recommendation.rank;

import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.recommendation.caller.Caller;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.marquee.recommendation.enrich.Catalog;
import io.marquee.recommendation.enrich.CatalogItem;
import io.marquee.recommendation.enrich.Enrichment;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.fallback.Fallback;
import io.marquee.recommendation.personalize.CampaignAnswer;
import io.marquee.recommendation.personalize.CampaignUnavailable;
import io.marquee.recommendation.personalize.Campaigns;
import io.marquee.recommendation.source.Sources;
import io.marquee.recommendation.web.Params;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A caller's list of titles in the caller's personal order (the personalized-ranking campaign). */
@ApplicationScoped
public class RankService {

    private final Campaigns campaigns;
    private final Catalog catalog;
    private final Fallback fallback;
    private final int maxItems;

    public RankService(Campaigns campaigns, Catalog catalog, Fallback fallback, RecommendationsConfig config) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.fallback = fallback;
        this.maxItems = config.rank().maxItems();
    }

    /** Ranks {@code request}'s titles for {@code caller}; titles the catalog does not know are dropped. */
    public RecommendationList rank(Caller caller, RankRequest request) {
        List<String> ids = validated(request);
        Map<String, CatalogItem> known = catalog.lookup(ids);
        List<String> rankable = ids.stream().filter(known::containsKey).toList();
        if (rankable.isEmpty()) {
            return new RecommendationList("catalog:no-known-titles", null, List.of());
        }
        try {
            CampaignAnswer ranking = campaigns.rank(campaigns.arns().rankingArn(), caller.id(), rankable);
            return new RecommendationList(Sources.campaign(ranking), ranking.recommendationId(),
                    Enrichment.items(ranking.items(), known, Set.of(), rankable.size()));
        } catch (CampaignUnavailable e) {
            return fallback.byRating(e, rankable.stream().map(known::get).toList());
        }
    }

    /** 1..max well-formed, distinct ids; every bad one named as {@code itemIds[i]}. */
    private List<String> validated(RankRequest request) {
        List<String> ids = request == null ? null : request.itemIds();
        if (ids == null || ids.isEmpty() || ids.size() > maxItems) {
            throw ProblemException.invalid("itemIds", "must hold 1 to " + maxItems + " item ids");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String field = "itemIds[" + i + "]";
            if (id == null) {
                errors.add(new Problem.FieldError(field, "must not be null"));
            } else if (!Params.ITEM_ID.matcher(id).matches()) {
                errors.add(new Problem.FieldError(field, Params.ITEM_ID_MESSAGE));
            } else if (!seen.add(id)) {
                errors.add(new Problem.FieldError(field, "repeats an id earlier in the list"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ids;
    }
}
