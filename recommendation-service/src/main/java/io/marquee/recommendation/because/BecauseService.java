package io.marquee.recommendation.because;

import io.marquee.recommendation.caller.Caller;
import io.marquee.recommendation.caller.RatedItems;
import io.marquee.recommendation.caller.RecentTitles;
import io.marquee.recommendation.enrich.Catalog;
import io.marquee.recommendation.enrich.CatalogItem;
import io.marquee.recommendation.enrich.Enrichment;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.enrich.RecommendedItem;
import io.marquee.recommendation.fallback.Fallback;
import io.marquee.recommendation.personalize.CampaignAnswer;
import io.marquee.recommendation.personalize.CampaignUnavailable;
import io.marquee.recommendation.personalize.Campaigns;
import io.marquee.recommendation.personalize.Scored;
import io.marquee.recommendation.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Because you watched": one row of similar titles per recent title of the caller (user-service's
 * history, viewed and rated), without rated titles, the seeds themselves, or a title an earlier
 * row already shows. Catalog data for all rows comes in one batch read.
 */
@ApplicationScoped
public class BecauseService {

    static final String NO_HISTORY = "history:empty";

    private final Campaigns campaigns;
    private final RecentTitles recent;
    private final RatedItems rated;
    private final Catalog catalog;
    private final Fallback fallback;

    public BecauseService(Campaigns campaigns, RecentTitles recent, RatedItems rated, Catalog catalog,
                          Fallback fallback) {
        this.campaigns = campaigns;
        this.recent = recent;
        this.rated = rated;
        this.catalog = catalog;
        this.fallback = fallback;
    }

    public BecauseYouWatched rows(Caller caller, int rows, int perRow) {
        List<String> seeds = recent.of(caller).stream().limit(rows).toList();
        if (seeds.isEmpty()) {
            return new BecauseYouWatched(NO_HISTORY, List.of());
        }
        Set<String> excluded = new HashSet<>(rated.of(caller));
        excluded.addAll(seeds);
        // Enough per seed that each row stays full after exclusions and after earlier rows took theirs.
        int ask = Math.min(500, perRow * (rows + 1) + excluded.size());
        Map<String, CampaignAnswer> answers = new LinkedHashMap<>();
        Map<String, CampaignUnavailable> failures = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>(seeds);
        for (String seed : seeds) {
            try {
                CampaignAnswer answer = campaigns.recommend(campaigns.arns().similarItemsArn(), null, seed, ask,
                        null, Map.of());
                answers.put(seed, answer);
                answer.items().stream().map(Scored::itemId).forEach(ids::add);
            } catch (CampaignUnavailable e) {
                failures.put(seed, e);
            }
        }
        Map<String, CatalogItem> known = catalog.lookup(ids);
        List<BecauseYouWatched.Row> result = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (String seed : seeds) {
            CatalogItem seedItem = known.get(seed);
            if (seedItem == null) {
                continue;
            }
            RecommendationList list;
            if (answers.containsKey(seed)) {
                CampaignAnswer answer = answers.get(seed);
                list = new RecommendationList(Sources.campaign(answer), answer.recommendationId(),
                        Enrichment.items(answer.items(), known, excluded, perRow));
            } else {
                String genre = seedItem.genres().isEmpty() ? null : seedItem.genres().get(0);
                list = fallback.topRated(failures.get(seed), genre, null, excluded, perRow);
            }
            list.items().stream().map(RecommendedItem::id).forEach(excluded::add);
            sources.add(list.source());
            result.add(new BecauseYouWatched.Row(seed, seedItem.title(), list.source(), list.recommendationId(),
                    list.items()));
        }
        return new BecauseYouWatched(sources.isEmpty() ? NO_HISTORY : String.join("; ", sources), result);
    }
}
