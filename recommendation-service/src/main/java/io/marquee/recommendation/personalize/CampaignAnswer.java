package io.marquee.recommendation.personalize;

import java.util.List;

/**
 * What a campaign answered.
 *
 * @param campaignArn      the campaign that answered
 * @param filterArn        the filter applied, or null
 * @param recommendationId Personalize's id of this answer, for impressions and clicks sent back with it
 * @param items            best first
 */
public record CampaignAnswer(String campaignArn, String filterArn, String recommendationId, List<Scored> items) {

    public CampaignAnswer {
        items = List.copyOf(items);
    }
}
