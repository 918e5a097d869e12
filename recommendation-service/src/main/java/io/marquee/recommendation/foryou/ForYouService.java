package io.marquee.recommendation.foryou;

import io.marquee.recommendation.caller.Caller;
import io.marquee.recommendation.caller.RatedItems;
import io.marquee.recommendation.enrich.Catalog;
import io.marquee.recommendation.enrich.Enrichment;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.fallback.Fallback;
import io.marquee.recommendation.personalize.CampaignAnswer;
import io.marquee.recommendation.personalize.CampaignUnavailable;
import io.marquee.recommendation.personalize.Campaigns;
import io.marquee.recommendation.personalize.PersonalizeConfig;
import io.marquee.recommendation.personalize.Scored;
import io.marquee.recommendation.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "For you": the user-personalization campaign for the caller, in a genre and/or year through the
 * matching filter, without anything the caller rated. A caller the model has never seen gets the
 * campaign's cold-start list, a full one.
 */
@ApplicationScoped
public class ForYouService {

    private final Campaigns campaigns;
    private final RatedItems rated;
    private final Catalog catalog;
    private final Fallback fallback;

    public ForYouService(Campaigns campaigns, RatedItems rated, Catalog catalog, Fallback fallback) {
        this.campaigns = campaigns;
        this.rated = rated;
        this.catalog = catalog;
        this.fallback = fallback;
    }

    public RecommendationList forYou(Caller caller, String genre, Integer year, int limit) {
        Set<String> excluded = rated.of(caller);
        CampaignAnswer answer;
        try {
            Filter filter = filterFor(genre, year);
            // Ask for more than shown: rated and unknown titles are dropped, and the list stays full.
            int ask = Math.min(500, limit * 2 + excluded.size());
            answer = campaigns.recommend(campaigns.arns().forYouArn(), caller.id(), null, ask, filter.arn(),
                    filter.values());
        } catch (CampaignUnavailable e) {
            return fallback.topRated(e, genre, year, excluded, limit);
        }
        var known = catalog.lookup(answer.items().stream().map(Scored::itemId).toList());
        RecommendationList list = new RecommendationList(Sources.campaign(answer), answer.recommendationId(),
                Enrichment.items(answer.items(), known, excluded, limit));
        // A genre or year narrows the campaign's list; the chart is not narrowed by year, so no top-up then.
        return year == null ? fallback.topUp(list, genre, excluded, limit) : list;
    }

    /** The filter and its values for the requested genre and year; always excluding rated titles. */
    private Filter filterFor(String genre, Integer year) throws CampaignUnavailable {
        PersonalizeConfig.Filters filters = campaigns.filters();
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> arn;
        if (genre != null) {
            // Personalize wants string values quoted; genre names come from the fixed vocabulary.
            values.put("GENRE", "\"" + genre + "\"");
        }
        if (year != null) {
            values.put("YEAR", year.toString());
        }
        if (genre != null && year != null) {
            arn = filters.excludeRatedGenreYearArn();
        } else if (genre != null) {
            arn = filters.excludeRatedGenreArn();
        } else if (year != null) {
            arn = filters.excludeRatedYearArn();
        } else {
            // Without it, rating-service's list still excludes what the caller rated.
            return new Filter(filters.excludeRatedArn().orElse(null), Map.of());
        }
        if (arn.isEmpty()) {
            throw new CampaignUnavailable(CampaignUnavailable.FILTER_NOT_CONFIGURED,
                    "no filter is configured for " + values.keySet());
        }
        return new Filter(arn.get(), values);
    }

    private record Filter(String arn, Map<String, String> values) {
    }
}
